import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationConstants, normalisedActivation } from './activations.js';
import { gaussHermite } from './gaussHermite.js';
import { compositeGaussLegendre } from './gaussLegendre.js';
import { ntkConstants } from './ntkConstants.js';

// MATH.md §1 table: mean, sd, b, a, c_2, c_3 (adaptive quadrature, ~1e-6 absolute).
const TABLE: Record<string, [number, number, number, number, number, number]> = {
  linear: [0, 1, 1, 1, 0, 0],
  relu: [0.398942, 0.583819, 0.856429, 1.466942, 0.48319, 0],
  tanh: [0, 0.627929, 0.964609, 1.177807, 0, -0.23639],
  erf: [0, 0.681586, 0.955815, 1.2257, 0, -0.26014],
  arctan: [0, 0.670597, 0.977754, 1.11185, 0, -0.18955],
  sigmoid: [0.5, 0.208276, 0.992052, 1.033592, 0, -0.12231],
  softplus: [0.806059, 0.521071, 0.959563, 1.080528, 0.28039, 0],
  silu: [0.206621, 0.559538, 0.893594, 1.212081, 0.44337, 0],
  gelu: [0.282095, 0.587915, 0.850463, 1.318845, 0.50893, 0],
  sin: [0, 0.65752, 0.922452, 1.313035, 0, -0.37659],
  cos: [0.606531, 0.446977, 0, 2.163953, -0.95952, 0],
};

describe('activation constants (MATH.md §1)', () => {
  it.each(ACTIVATIONS.map((n) => [n]))('%s matches the §1 table to 1e-5', (name) => {
    const k = activationConstants(name);
    const [mean, sd, b, a, c2, c3] = TABLE[name];
    expect(Math.abs(k.mean - mean)).toBeLessThan(1e-5);
    expect(Math.abs(k.sd - sd)).toBeLessThan(1e-5);
    expect(Math.abs(k.b - b)).toBeLessThan(1e-5);
    expect(Math.abs(k.a - a)).toBeLessThan(1e-5);
    expect(Math.abs(k.c2 - c2)).toBeLessThan(1e-5);
    expect(Math.abs(k.c[3] - c3)).toBeLessThan(1e-5);
    expect(k.c[0]).toBe(0);
    expect(k.c[1]).toBe(k.b);
  });

  it('closed forms hold: relu, erf (arcsin) and sin (e^{−2}) to 1e-13', () => {
    const relu = activationConstants('relu');
    expect(relu.mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(relu.sd ** 2).toBeCloseTo(0.5 - 1 / (2 * Math.PI), 15);
    const e = activationConstants('erf');
    expect(Math.abs(e.sd ** 2 - (2 / Math.PI) * Math.asin(2 / 3))).toBeLessThan(1e-13);
    expect(Math.abs(e.b - 2 / Math.sqrt(3 * Math.PI) / e.sd)).toBeLessThan(1e-13);
    const s = activationConstants('sin');
    expect(Math.abs(s.sd ** 2 - (1 - Math.exp(-2)) / 2)).toBeLessThan(1e-13);
    expect(Math.abs(s.b - Math.exp(-0.5) / s.sd)).toBeLessThan(1e-13);
  });

  it('smooth activations satisfy Parseval Σc_k² = 1 and Σ k c_k² = a to 1e-9', () => {
    for (const name of ACTIVATIONS) {
      if (name === 'relu') continue; // c_k² ~ k^{−5/2}: 128 terms leave 1e-4 (closed forms are used instead)
      const { c, a } = activationConstants(name);
      let p = 0;
      let ka = 0;
      for (let k = 0; k < c.length; k++) {
        p += c[k] ** 2;
        ka += k * c[k] ** 2;
      }
      expect(Math.abs(p - 1)).toBeLessThan(1e-9);
      expect(Math.abs(ka - a)).toBeLessThan(1e-9);
    }
  });

  it('relu closed forms agree with composite Gauss–Legendre split at the kink (the §1 pitfall) to 1e-13', () => {
    const rule = compositeGaussLegendre([-12, 0, 12], 32, 8);
    const { f, df } = normalisedActivation('relu');
    let m = 0;
    let v = 0;
    let b = 0;
    let a = 0;
    let c2 = 0;
    for (let i = 0; i < rule.nodes.length; i++) {
      const x = rule.nodes[i];
      const w = (rule.weights[i] * Math.exp(-x * x / 2)) / Math.sqrt(2 * Math.PI);
      m += w * f(x);
      v += w * f(x) ** 2;
      b += w * x * f(x);
      a += w * df(x) ** 2;
      c2 += (w * f(x) * (x * x - 1)) / Math.SQRT2;
    }
    const k = activationConstants('relu');
    expect(Math.abs(m)).toBeLessThan(1e-13);
    expect(Math.abs(v - 1)).toBeLessThan(1e-13);
    expect(Math.abs(b - k.b)).toBeLessThan(1e-13);
    expect(Math.abs(a - k.a)).toBeLessThan(1e-12);
    expect(Math.abs(c2 - k.c2)).toBeLessThan(1e-13);
  });

  it('every normalised σ̃ has E σ̃ = 0, E σ̃² = 1 and E ξσ̃ = b under 200-point Gauss–Hermite', () => {
    const { nodes, weights } = gaussHermite(200);
    for (const name of ACTIVATIONS) {
      if (name === 'relu') continue;
      const { f } = normalisedActivation(name);
      let m = 0;
      let v = 0;
      let b = 0;
      for (let i = 0; i < nodes.length; i++) {
        m += weights[i] * f(nodes[i]);
        v += weights[i] * f(nodes[i]) ** 2;
        b += weights[i] * nodes[i] * f(nodes[i]);
      }
      expect(Math.abs(m)).toBeLessThan(1e-12);
      expect(Math.abs(v - 1)).toBeLessThan(1e-12);
      expect(Math.abs(b - activationConstants(name).b)).toBeLessThan(1e-12);
    }
  });

  it('σ̃ and σ̃′ are finite far in the tails (stable softplus, logistic, gelu)', () => {
    for (const name of ACTIVATIONS) {
      const { f, df } = normalisedActivation(name);
      for (const x of [-800, -40, 40, 800]) {
        expect(Number.isFinite(f(x))).toBe(true);
        expect(Number.isFinite(df(x))).toBe(true);
      }
    }
    expect(normalisedActivation('gelu').f(-40)).toBeCloseTo(-activationConstants('gelu').mean / activationConstants('gelu').sd, 14);
  });

  it('NTK constants for tanh, L = 2 are q = (0.76879, 0.86577, 0.93047, 1) and sum to Σ_{k≤L} a^k', () => {
    const { b, a } = activationConstants('tanh');
    const { q } = ntkConstants(b, a, 2);
    const expected = [0.76879, 0.86577, 0.93047, 1];
    for (let i = 0; i < 4; i++) expect(Math.abs(q[i] - expected[i])).toBeLessThan(1e-5);
    for (const L of [1, 3, 10]) {
      const r = ntkConstants(b, a, L).q;
      const total = r.reduce((s, v) => s + v, 0);
      let target = 0;
      for (let k = 0; k <= L; k++) target += a ** k;
      expect(Math.abs(total - target)).toBeLessThan(1e-12 * target);
    }
  });
});

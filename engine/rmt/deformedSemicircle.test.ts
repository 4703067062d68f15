import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationConstants, normalisedActivation } from './activations.js';
import { cdfEvaluator } from './cdfFromDensity.js';
import { deformedSemicircle } from './deformedSemicircle.js';
import { densityCurve } from './densityCurve.js';
import { gaussHermite } from './gaussHermite.js';
import { kernelExpectation } from './kernelExpectation.js';
import { stieltjesMoments } from './stieltjesMoments.js';

describe('ultra-wide regime (MATH.md §4)', () => {
  it('ν = δ_c gives the semicircle of variance c²', () => {
    const c = 1.7;
    const ds = deformedSemicircle([c]);
    for (const z of [{ re: 0.3, im: 0.5 }, { re: 2.9, im: 1e-6 }, { re: -4, im: 1e-3 }]) {
      const m = ds.stieltjes(z);
      // m_sc for variance s²: (−z + √(z² − 4s²))/(2s²) on the branch with Im m > 0.
      const s2 = c * c;
      const ar = z.re * z.re - z.im * z.im - 4 * s2;
      const ai = 2 * z.re * z.im;
      const r = Math.hypot(ar, ai);
      let sr = Math.sqrt((r + ar) / 2);
      let si = Math.sign(ai) * Math.sqrt((r - ar) / 2);
      let mr = (-z.re + sr) / (2 * s2);
      let mi = (-z.im + si) / (2 * s2);
      if (mi <= 0) {
        sr = -sr;
        si = -si;
        mr = (-z.re + sr) / (2 * s2);
        mi = (-z.im + si) / (2 * s2);
      }
      expect(Math.hypot(m.re - mr, m.im - mi)).toBeLessThan(1e-11);
    }
    const curve = densityCurve(ds.evaluate, { range: ds.range });
    expect(Math.abs(curve.edges[0][0] + 2 * c)).toBeLessThan(1e-6);
    expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
  });

  it('moments: first 0, second (∫t ν)², fourth from free probability for a three-atom ν', () => {
    const ds = deformedSemicircle([0.5, 1, 1.5], [0.3, 0.4, 0.3]);
    const m = stieltjesMoments(ds.evaluate, ds.range, 4);
    expect(Math.abs(m[0])).toBeLessThan(1e-12);
    expect(Math.abs(m[1] - 1)).toBeLessThan(1e-12);
    // τ((ΦH)⁴) = 2τ(Φ²)τ(Φ)² for H semicircular free from Φ: 2·1.15·1 = 2.3.
    expect(Math.abs(m[3] - 2.3)).toBeLessThan(1e-11);
    const F = cdfEvaluator(densityCurve(ds.evaluate, { range: ds.range }));
    expect(Math.abs(F(0) - 0.5)).toBeLessThan(1e-5);
  });

  it('κ(ρ) equals 2-D Gauss–Hermite E σ̃(u)σ̃(v) to 2e-8 (the accuracy of the 80×80 rule itself) for every activation, with κ(1) = 1', () => {
    const { nodes, weights } = gaussHermite(80);
    for (const name of ACTIVATIONS) {
      if (name === 'relu') continue; // kinked: checked against the split quadrature below
      const { f } = normalisedActivation(name);
      const kappa = kernelExpectation(name);
      expect(kappa(1)).toBe(1);
      for (const rho of [-0.9, -0.3, 0.2, 0.7, 0.95]) {
        let s = 0;
        const t = Math.sqrt(1 - rho * rho);
        for (let i = 0; i < nodes.length; i++) {
          const fu = f(nodes[i]);
          for (let j = 0; j < nodes.length; j++) s += weights[i] * weights[j] * fu * f(rho * nodes[i] + t * nodes[j]);
        }
        expect(Math.abs(kappa(rho) - s)).toBeLessThan(2e-8);
      }
    }
  });

  it('the relu arc-cosine closed form equals the Mehler series of its closed-form Hermite coefficients', () => {
    const kappa = kernelExpectation('relu');
    const { c } = activationConstants('relu');
    for (const rho of [-0.6, 0, 0.3, 0.5]) {
      let s = 0;
      for (let k = 0; k < c.length; k++) s += c[k] ** 2 * rho ** k;
      expect(Math.abs(kappa(rho) - s)).toBeLessThan(1e-12);
    }
    expect(kappa(1)).toBeCloseTo(1, 15);
    expect(kappa(0)).toBeCloseTo(0, 15);
  });
});

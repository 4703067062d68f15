import { describe, expect, it } from 'vitest';
import { compositeGaussLegendre } from './gaussLegendre.js';
import { mpAtomMass, mpCdf, mpDensity, mpEdges, mpMoment, mpStieltjes } from './marchenkoPastur.js';
import { affineMeasure, atomsMeasure, histogramMeasure, mpMeasure, stieltjes, stieltjesFunction } from './spectralMeasure.js';
import { stieltjesMoments } from './stieltjesMoments.js';

describe('Marchenko–Pastur closed forms (MATH.md §0.5, §2.1)', () => {
  it('the closed-form CDF equals the integrated density plus the atom, for γ < 1, = 1 and > 1 (to 1e-12)', () => {
    for (const g of [0.3, 1, 2.5]) {
      const [lo, hi] = mpEdges(g);
      for (const x of [lo + 0.1 * (hi - lo), 0.5 * (lo + hi), lo + 0.9 * (hi - lo)]) {
        // θ-substitution removes the square-root endpoint: x = c − r cos θ.
        const rule = compositeGaussLegendre([0, Math.acos((1 + g - x) / (2 * Math.sqrt(g)))], 40, 4);
        let s = 0;
        for (let i = 0; i < rule.nodes.length; i++) {
          const t = rule.nodes[i];
          const xt = 1 + g - 2 * Math.sqrt(g) * Math.cos(t);
          s += rule.weights[i] * mpDensity(xt, g) * 2 * Math.sqrt(g) * Math.sin(t);
        }
        expect(Math.abs(mpCdf(x, g) - (s + mpAtomMass(g)))).toBeLessThan(1e-12);
      }
      expect(mpCdf(hi + 1, g)).toBe(1);
      expect(mpCdf(lo * 0.999, g)).toBeCloseTo(mpAtomMass(g), 15);
    }
  });

  it('the Stieltjes transform satisfies Im m > 0, |m| ≤ 1/Im z and m ≈ −1/z, and inverts to the density', () => {
    for (const g of [0.25, 1, 3]) {
      for (const x of [-2, 0.1, 0.5, 1, 2, 4, 9]) {
        for (const y of [1e-9, 1e-3, 1, 100]) {
          const m = mpStieltjes({ re: x, im: y }, g);
          expect(m.im).toBeGreaterThan(0);
          expect(Math.hypot(m.re, m.im) * y).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
      const far = mpStieltjes({ re: 1e6, im: 1e6 }, g);
      expect(Math.abs(far.re + 0.5e-6)).toBeLessThan(1e-11);
      const [lo, hi] = mpEdges(g);
      const x = 0.5 * (lo + hi);
      expect(Math.abs(mpStieltjes({ re: x, im: 1e-12 }, g).im / Math.PI - mpDensity(x, g))).toBeLessThan(1e-10);
    }
    // The atom: ε Im m(iε) → 1 − 1/γ.
    expect(Math.abs(1e-10 * mpStieltjes({ re: 0, im: 1e-10 }, 3).im - 2 / 3)).toBeLessThan(1e-9);
  });

  it('the derivative m′ matches a central difference and the moments match the Narayana numbers', () => {
    const f = stieltjesFunction(mpMeasure(0.6));
    const out = new Float64Array(4);
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    f(2.1, 0.3, out);
    const h = 1e-6;
    f(2.1 + h, 0.3, a);
    f(2.1 - h, 0.3, b);
    expect(Math.abs(out[2] - (a[0] - b[0]) / (2 * h))).toBeLessThan(1e-8);
    expect(Math.abs(out[3] - (a[1] - b[1]) / (2 * h))).toBeLessThan(1e-8);
    const g = 0.6;
    const mom = stieltjesMoments(f, mpEdges(g), 6);
    for (let k = 1; k <= 6; k++) expect(Math.abs(mom[k - 1] / mpMoment(k, g) - 1)).toBeLessThan(1e-12);
    expect(mpMoment(2, g)).toBeCloseTo(1 + g, 14);
  });

  it('histogram, atom and affine representations give their exact transforms', () => {
    // Uniform on [0, 2] as one bin: m(z) = ½ [Log(2 − z) − Log(−z)].
    const h = histogramMeasure([0, 2], [1]);
    const z = { re: 0.7, im: 0.2 };
    const m = stieltjes(h, z);
    const l2 = Math.log(Math.hypot(2 - z.re, -z.im)) - Math.log(Math.hypot(-z.re, -z.im));
    const a2 = Math.atan2(-z.im, 2 - z.re) - Math.atan2(-z.im, -z.re);
    expect(Math.abs(m.re - 0.5 * l2)).toBeLessThan(1e-15);
    expect(Math.abs(m.im - 0.5 * a2)).toBeLessThan(1e-15);
    // Affine push-forward of two atoms equals the shifted atoms.
    const base = atomsMeasure([1, 4], [0.5, 0.5]);
    const s = stieltjes(affineMeasure(base, 0.3, 2), z);
    const direct = stieltjes(atomsMeasure([2.3, 8.3], [0.5, 0.5]), z);
    expect(Math.abs(s.re - direct.re) + Math.abs(s.im - direct.im)).toBeLessThan(1e-15);
  });
});

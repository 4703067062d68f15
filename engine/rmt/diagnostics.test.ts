import { describe, expect, it } from 'vitest';
import { Rng } from '../random/Rng.js';
import { empiricalMoments } from './empiricalMoments.js';
import { hillEstimator } from './hillEstimator.js';
import { ksDistance, ksDistanceTwoSample } from './ksDistance.js';
import { mpCdf } from './marchenkoPastur.js';
import { powerLawFit } from './powerLawFit.js';
import { symmetricEigenvalues } from './symmetricEigenvalues.js';
import { activationConstants, normalisedActivation } from './activations.js';
import { ckDensityCurve } from './ckDensityCurve.js';
import { cdfEvaluator } from './cdfFromDensity.js';
import { mpMeasure } from './spectralMeasure.js';

function gram(x: Float64Array, d: number, n: number): Float64Array {
  // K = XᵀX for X (d×n, row-major); lower triangle is enough for symmetricEigenvalues.
  const k = new Float64Array(n * n);
  for (let r = 0; r < d; r++) {
    const row = r * n;
    for (let i = 0; i < n; i++) {
      const xi = x[row + i];
      if (xi === 0) continue;
      const ki = i * n;
      for (let j = 0; j <= i; j++) k[ki + j] += xi * x[row + j];
    }
  }
  return k;
}

describe('diagnostics (MATH.md §7.2) and seeded simulations', () => {
  it('KS distances: exact small cases and the two-sample merge', () => {
    expect(ksDistance([0.5], (x) => x)).toBeCloseTo(0.5, 15);
    expect(ksDistance([0.25, 0.75], (x) => x)).toBeCloseTo(0.25, 15);
    expect(ksDistanceTwoSample([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksDistanceTwoSample([1, 2], [3, 4])).toBe(1);
    expect(ksDistanceTwoSample([1, 3], [2, 4])).toBeCloseTo(0.5, 15);
    const m = empiricalMoments([1, 2, 3], 3);
    expect(Array.from(m)).toEqual([2, 14 / 3, 12]);
  });

  it('Hill with k = 10⁴ on 10⁵ Pareto draws of density exponent 3.5 gives 3.50 ± 0.05', () => {
    const rng = new Rng(2024);
    const x = Float64Array.from({ length: 100_000 }, () => rng.uniformPositive() ** (-1 / 2.5));
    const h = hillEstimator(x, 10_000);
    expect(Math.abs(h.densityExponent - 3.5)).toBeLessThan(0.05);
  });

  it('the CSN scan finds the Pareto tail (exponent 3) under a lognormal body, and flags a bounded bulk', () => {
    const rng = new Rng(7);
    const body = Array.from({ length: 8000 }, () => Math.exp(0.5 * rng.normal()));
    const tail = Array.from({ length: 2000 }, () => 3 * rng.uniformPositive() ** (-1 / 2));
    const fit = powerLawFit([...body, ...tail], { minTail: 50 });
    expect(Math.abs(fit.alpha - 3)).toBeLessThan(0.2);
    const bounded = Array.from({ length: 3000 }, () => 4 - rng.uniform());
    expect(powerLawFit(bounded).noHeavyTail).toBe(true);
  });

  it('a seeded Wishart (n = 300, d = 600) is within KS 0.04 of Marchenko–Pastur γ = ½', () => {
    const n = 300;
    const d = 600;
    const rng = new Rng(1);
    const x = Float64Array.from({ length: d * n }, () => rng.normal() / Math.sqrt(d));
    const eig = symmetricEigenvalues(gram(x, d, n), n);
    expect(ksDistance(eig, (t) => mpCdf(t, 0.5))).toBeLessThan(0.04);
  });

  it('a seeded two-layer tanh CK (n = 300) is within KS 0.05 of the chain theory', () => {
    const n = 300;
    const dims = [300, 450, 250];
    const rng = new Rng(5);
    const { f } = normalisedActivation('tanh');
    let x = Float64Array.from({ length: dims[0] * n }, () => rng.normal() / Math.sqrt(dims[0]));
    for (let l = 1; l < dims.length; l++) {
      const dIn = dims[l - 1];
      const dOut = dims[l];
      const w = Float64Array.from({ length: dOut * dIn }, () => rng.normal());
      const y = new Float64Array(dOut * n);
      for (let r = 0; r < dOut; r++) {
        for (let k = 0; k < dIn; k++) {
          const wrk = w[r * dIn + k];
          for (let i = 0; i < n; i++) y[r * n + i] += wrk * x[k * n + i];
        }
      }
      for (let i = 0; i < y.length; i++) y[i] = f(y[i]) / Math.sqrt(dOut);
      x = y;
    }
    const eig = symmetricEigenvalues(gram(x, dims[2], n), n);
    const curve = ckDensityCurve({ mu0: mpMeasure(n / dims[0]), b: activationConstants('tanh').b, gammas: [n / 450, n / 250] });
    const F = cdfEvaluator(curve);
    // γ_2 = 1.2: the atom at 0 meets numerically zero eigenvalues; clamp them first (see ksDistance).
    const clamped = Float64Array.from(eig, (v) => (Math.abs(v) < 1e-9 ? 0 : v));
    expect(ksDistance(clamped, F)).toBeLessThan(0.05);
  });
});

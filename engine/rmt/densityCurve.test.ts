import { describe, expect, it } from 'vitest';
import { activationConstants } from './activations.js';
import { cdfFromDensity } from './cdfFromDensity.js';
import { ckDensityCurve } from './ckDensityCurve.js';
import { densityCurve } from './densityCurve.js';
import { mpAtomMass, mpCdf } from './marchenkoPastur.js';
import { mpMeasure, stieltjesFunction } from './spectralMeasure.js';

describe('density curves (MATH.md §0.2, §0.4)', () => {
  it('depth-10 CK densities integrate to 1 − atoms within 1e-4 for relu, tanh, sigmoid, sin, gelu', () => {
    const gammas = [0.5, 1.5, 0.8, 1.2, 0.6, 1.4, 0.9, 1.1, 0.7, 1.3];
    for (const act of ['relu', 'tanh', 'sigmoid', 'sin', 'gelu'] as const) {
      const curve = ckDensityCurve({ mu0: mpMeasure(1), b: activationConstants(act).b, gammas });
      expect(curve.atoms).toEqual([{ x: 0, mass: 1 - 1 / 1.3 }]);
      expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
      const { cdf } = cdfFromDensity(curve);
      for (let i = 1; i < cdf.length; i++) expect(cdf[i]).toBeGreaterThanOrEqual(cdf[i - 1] - 1e-9);
    }
  });

  it('an MP curve with an atom: the atom is measured, its tail removed, and the CDF matches the closed form to 1e-5', () => {
    const curve = densityCurve(stieltjesFunction(mpMeasure(2)), { range: [0, 6.5], atoms: [{ x: 0 }] });
    expect(Math.abs(curve.atoms[0].mass - mpAtomMass(2))).toBeLessThan(1e-8);
    expect(Math.abs(curve.edges[0][0] - (1 - Math.SQRT2) ** 2)).toBeLessThan(1e-6);
    expect(Math.abs(curve.edges[0][1] - (1 + Math.SQRT2) ** 2)).toBeLessThan(1e-6);
    const { x, cdf } = cdfFromDensity(curve);
    for (let i = 0; i < x.length; i += 37) expect(Math.abs(cdf[i] - mpCdf(x[i], 2))).toBeLessThan(1e-5);
    expect(curve.epsilon).toBeGreaterThan(0);
  });

  it('the MATH.md default ε floor (1e-5 × width) is available and stays within 3e-4 of the converged CDF', () => {
    const opts = { mu0: mpMeasure(1), b: activationConstants('tanh').b, gammas: [2 / 3, 4 / 3, 0.8] };
    const sharp = ckDensityCurve(opts);
    const blurred = ckDensityCurve(opts, { epsilonFloor: 1e-5 });
    expect(blurred.epsilon).toBeCloseTo(1e-5 * (blurred.edges[0][1] - blurred.edges[0][0]), 12);
    expect(Math.abs(blurred.mass - 1)).toBeLessThan(3e-4);
    expect(Math.abs(sharp.mass - 1)).toBeLessThan(1e-4);
  });
});

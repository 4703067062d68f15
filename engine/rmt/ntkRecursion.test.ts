import { describe, expect, it } from 'vitest';
import { activationConstants } from './activations.js';
import { cdfEvaluator } from './cdfFromDensity.js';
import { ckChain } from './ckChain.js';
import { mpStieltjes } from './marchenkoPastur.js';
import { ntkConstants } from './ntkConstants.js';
import { ntkDensityCurve, ntkUpperBound } from './ntkDensityCurve.js';
import { ntkRecursion } from './ntkRecursion.js';
import { mpMeasure } from './spectralMeasure.js';
import { stieltjesMoments } from './stieltjesMoments.js';

const tanh = activationConstants('tanh');

describe('NTK t_ℓ recursion (MATH.md §3)', () => {
  it('the CK computed through the t-recursion matches the §2.5 chain to 1e-11', () => {
    const opts = { mu0: mpMeasure(1), b: tanh.b, gammas: [2 / 3, 4 / 3, 0.8] };
    const viaT = ntkRecursion(opts);
    const chain = ckChain(opts);
    for (const z of [{ re: 1, im: 1 }, { re: 3, im: 0.01 }, { re: 0.5, im: 1e-6 }, { re: 12, im: 1e-8 }]) {
      const a = viaT.stieltjes(z);
      const b = chain.stieltjes(z);
      expect(Math.hypot(a.re - b.re, a.im - b.im) / Math.hypot(b.re, b.im)).toBeLessThan(1e-11);
    }
  });

  it('tanh, L = 2, d = (1200, 1600, 1000): the §3.6 CDF table and edge ≈ 16.3', () => {
    const { q } = ntkConstants(tanh.b, tanh.a, 2);
    const curve = ntkDensityCurve({ mu0: mpMeasure(1), b: tanh.b, gammas: [1200 / 1600, 1200 / 1000], q });
    const F = cdfEvaluator(curve);
    const table = [0.6035, 0.8126, 0.9333, 0.9948];
    [3, 6, 10, 15].forEach((x, i) => expect(Math.abs(F(x) - table[i])).toBeLessThan(1e-4));
    const top = curve.edges[curve.edges.length - 1][1];
    expect(Math.abs(top - 16.3)).toBeLessThan(0.1);
    expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
  });

  it('the mean NTK eigenvalue is Σ_{k≤L} a^k (contour moments)', () => {
    const { q } = ntkConstants(tanh.b, tanh.a, 2);
    const opts = { mu0: mpMeasure(1), b: tanh.b, gammas: [0.75, 1.2], q };
    const solver = ntkRecursion(opts);
    const m = stieltjesMoments(solver.evaluate, [0, ntkUpperBound(opts.mu0, opts.b, opts.gammas, q)], 1);
    expect(Math.abs(m[0] - (1 + tanh.a + tanh.a ** 2))).toBeLessThan(1e-9);
  });

  it('b = 0 (cos) uses the closed form: MP_{γ_L} shifted by q_{−1} = Σ a^k', () => {
    const cos = activationConstants('cos');
    const { q } = ntkConstants(cos.b, cos.a, 3);
    const solver = ntkRecursion({ mu0: mpMeasure(1), b: cos.b, gammas: [0.5, 0.9, 0.6], q });
    const z = { re: 9, im: 0.1 };
    const m = solver.stieltjes(z);
    const r = mpStieltjes({ re: 9 - (cos.a + cos.a ** 2 + cos.a ** 3), im: 0.1 }, 0.6);
    expect(Math.hypot(m.re - r.re, m.im - r.im)).toBeLessThan(1e-15);
  });

  it('linear limit a = b = 1: q_{−1} = 0 and NTK = Σ_ℓ K_ℓ (mean L + 1)', () => {
    const { q } = ntkConstants(1, 1, 2);
    expect(q[0]).toBe(0);
    const solver = ntkRecursion({ mu0: mpMeasure(0.5), b: 1, gammas: [0.5, 0.8], q });
    const m = stieltjesMoments(solver.evaluate, [0, 20], 1);
    expect(Math.abs(m[0] - 3)).toBeLessThan(1e-9);
  });
});

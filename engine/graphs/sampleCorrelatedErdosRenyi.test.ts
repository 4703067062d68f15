import { describe, expect, it } from 'vitest';
import { Rng } from '../random/Rng.js';
import { sampleCorrelatedErdosRenyi } from './sampleCorrelatedErdosRenyi.js';
import { sampleCorrelatedWigner } from './sampleCorrelatedWigner.js';

describe('correlated random graph samplers (MATH.md §9.1)', () => {
  it('the Erdős–Rényi sampler’s empirical q and P[A = B = 1] are within 3 standard errors of q and (1 − δ)q', () => {
    const n = 400, q = 0.1, delta = 0.2;
    const { a, b, truth } = sampleCorrelatedErdosRenyi(new Rng(11), n, q, delta);
    const pairs = (n * (n - 1)) / 2;
    let ea = 0, eb = 0, both = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = a[i * n + j];
        const y = b[truth![i] * n + truth![j]]; // undo the hidden relabelling
        ea += x;
        eb += y;
        both += x * y;
      }
    }
    const se = (p: number) => Math.sqrt((p * (1 - p)) / pairs);
    expect(Math.abs(ea / pairs - q)).toBeLessThan(3 * se(q));
    expect(Math.abs(eb / pairs - q)).toBeLessThan(3 * se(q));
    expect(Math.abs(both / pairs - (1 - delta) * q)).toBeLessThan(3 * se((1 - delta) * q));
  });

  it('graphs are symmetric 0/1 with empty diagonals, and the hidden permutation is a permutation', () => {
    const n = 60;
    const { a, b, truth } = sampleCorrelatedErdosRenyi(new Rng(2), n, 0.3, 0.5);
    for (let i = 0; i < n; i++) {
      expect(a[i * n + i]).toBe(0);
      expect(b[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        expect(a[i * n + j]).toBe(a[j * n + i]);
        expect(b[i * n + j]).toBe(b[j * n + i]);
        expect([0, 1]).toContain(a[i * n + j]);
      }
    }
    expect([...truth!].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('with δ = 0 the Erdős–Rényi pair is isomorphic through the hidden permutation', () => {
    const n = 50;
    const { a, b, truth } = sampleCorrelatedErdosRenyi(new Rng(3), n, 0.2, 0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(b[truth![i] * n + truth![j]]).toBe(a[i * n + j]);
  });

  it('the Gaussian pair has B[π(i), π(j)] = A_ij + σZ_ij with GOE variances 1/n off and 2/n on the diagonal', () => {
    const n = 300, sigma = 0.5;
    const { a, b, truth } = sampleCorrelatedWigner(new Rng(4), n, sigma);
    let off = 0, diag = 0, noise = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) {
        off += a[i * n + j] ** 2;
        noise += (b[truth![i] * n + truth![j]] - a[i * n + j]) ** 2;
      }
    }
    const pairs = (n * (n - 1)) / 2;
    // n·A_ij² has mean 1 and variance 2 off the diagonal, mean 2 and variance 8 on it: 4 standard errors.
    expect(Math.abs((n * off) / pairs - 1)).toBeLessThan(4 * Math.sqrt(2 / pairs));
    expect(Math.abs((n * diag) / n - 2)).toBeLessThan(4 * Math.sqrt(8 / n));
    expect(Math.abs((n * noise) / pairs / sigma ** 2 - 1)).toBeLessThan(0.02);
  });

  it('the same seed gives the same pair, and a δ sweep shares graph A (common random numbers)', () => {
    const x = sampleCorrelatedErdosRenyi(new Rng(9), 40, 0.2, 0.1);
    const y = sampleCorrelatedErdosRenyi(new Rng(9), 40, 0.2, 0.1);
    const z = sampleCorrelatedErdosRenyi(new Rng(9), 40, 0.2, 0.3);
    expect(x.b).toEqual(y.b);
    expect(z.a).toEqual(x.a);
    expect(z.b).not.toEqual(x.b);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { eigh, initLinalg } from '../linalg/index.js';
import { Rng } from '../random/Rng.js';
import { grampaSimilarity } from './grampaSimilarity.js';
import { sampleCorrelatedWigner } from './sampleCorrelatedWigner.js';
import { greedyAssignment } from './greedyAssignment.js';
import { wasserstein1Sorted } from './degreeProfileSimilarity.js';
import { rowMargins } from './rowMargins.js';

beforeAll(() => initLinalg());

describe('GRAMPA similarity (MATH.md §9.3)', () => {
  it('equals the direct double sum Σ_ij C_ij u_i u_iᵀ J v_j v_jᵀ on n = 30 to 1e-12 (relative to its largest entry)', () => {
    const n = 30, eta = 0.2;
    const pair = sampleCorrelatedWigner(new Rng(5), n, 0.3);
    const ea = eigh({ rows: n, cols: n, data: pair.a });
    const eb = eigh({ rows: n, cols: n, data: pair.b });
    const fast = grampaSimilarity(ea, eb, eta).data;

    const col = (m: Float64Array, k: number) => Float64Array.from({ length: n }, (_, i) => m[i * n + k]);
    const direct = new Float64Array(n * n);
    const left = new Float64Array(n * n); // u_i u_iᵀ J
    const right = new Float64Array(n * n); // v_j v_jᵀ
    for (let i = 0; i < n; i++) {
      const u = col(ea.vectors.data, i);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += u[r] * u[k]; // (u uᵀ J)[r, c] = Σ_k u_r u_k J_kc
        left[r * n + c] = s;
      }
      for (let j = 0; j < n; j++) {
        const v = col(eb.vectors.data, j);
        for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) right[r * n + c] = v[r] * v[c];
        const cij = 1 / ((ea.values[i] - eb.values[j]) ** 2 + eta * eta);
        for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += left[r * n + k] * right[k * n + c];
          direct[r * n + c] += cij * s;
        }
      }
    }
    let maxAbs = 0, maxDiff = 0;
    for (let k = 0; k < n * n; k++) {
      maxAbs = Math.max(maxAbs, Math.abs(direct[k]));
      maxDiff = Math.max(maxDiff, Math.abs(direct[k] - fast[k]));
    }
    expect(maxAbs).toBeGreaterThan(1);
    expect(maxDiff / maxAbs).toBeLessThan(1e-12);
  });

  it('is unchanged when an eigenvector flips sign', () => {
    const n = 20;
    const pair = sampleCorrelatedWigner(new Rng(6), n, 0.1);
    const ea = eigh({ rows: n, cols: n, data: pair.a });
    const eb = eigh({ rows: n, cols: n, data: pair.b });
    const x = grampaSimilarity(ea, eb, 0.2).data;
    const flipped = Float64Array.from(ea.vectors.data, (v, k) => (k % n === 7 ? -v : v));
    const y = grampaSimilarity({ values: ea.values, vectors: { rows: n, cols: n, data: flipped } }, eb, 0.2).data;
    for (let k = 0; k < n * n; k++) expect(y[k]).toBeCloseTo(x[k], 12);
  });
});

describe('rounding and small helpers (MATH.md §9.4, §9.5)', () => {
  it('greedy assignment accepts entries in decreasing order and returns a permutation', () => {
    // Greedy takes 9 (0→0), then 8 is blocked by row 0; 7 (1→2); 1 (2→1): total 17, where LAP would prefer 8+6+...
    const s = Float64Array.from([9, 8, 0, 0, 1, 7, 6, 1, 0]);
    expect([...greedyAssignment(s, 3)]).toEqual([0, 2, 1]);
  });

  it('W1 between sorted lists is the mean absolute quantile difference, also for unequal lengths', () => {
    expect(wasserstein1Sorted(Float64Array.of(0, 1), Float64Array.of(0, 1))).toBe(0);
    expect(wasserstein1Sorted(Float64Array.of(0, 2), Float64Array.of(1, 3))).toBeCloseTo(1, 15);
    // {0} vs {0, 1}: half the mass moves by 1.
    expect(wasserstein1Sorted(Float64Array.of(0), Float64Array.of(0, 1))).toBeCloseTo(0.5, 15);
    // {0, 0, 3} vs {0, 3}: quantiles agree on [0, 1/2) and [2/3, 1), differ by 3 on [1/2, 2/3).
    expect(wasserstein1Sorted(Float64Array.of(0, 0, 3), Float64Array.of(0, 3))).toBeCloseTo(0.5, 14);
  });

  it('the confidence margin is best minus second best in each row', () => {
    expect([...rowMargins(Float64Array.of(3, 1, 2, 5, 5, 0, -1, -4, -2), 3)]).toEqual([1, 0, 1]);
  });
});

import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DenseMatrix } from './DenseMatrix.js';
import { eigh, eigTopK, eigvalsh, initLinalg, matmul } from './index.js';
import { frobenius, gaussian, goe, maxAbsDiff } from './testing/testMatrices.js';

beforeAll(async () => {
  await initLinalg();
});

/** ‖AV − VΛ‖_F / ‖A‖_F and ‖VᵀV − I‖_F: the two invariants of a symmetric eigendecomposition. */
function residuals(a: DenseMatrix, values: Float64Array, v: DenseMatrix): { residual: number; orthogonality: number } {
  const n = a.rows;
  const k = v.cols;
  const av = matmul(a, v);
  const r = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) r[i * k + j] = av.data[i * k + j] - v.data[i * k + j] * values[j];
  const vtv = matmul(v, v, { transA: true });
  for (let j = 0; j < k; j++) vtv.data[j * k + j] -= 1;
  return { residual: frobenius(r) / Math.max(frobenius(a.data), Number.MIN_VALUE), orthogonality: frobenius(vtv.data) };
}

function expectAscending(x: Float64Array): void {
  for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThanOrEqual(x[i - 1]);
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

function trace(a: DenseMatrix): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += a.data[i * a.cols + i];
  return s;
}

function diagonal(values: number[]): DenseMatrix {
  const n = values.length;
  const data = new Float64Array(n * n);
  values.forEach((v, i) => (data[i * n + i] = v));
  return { rows: n, cols: n, data };
}

/** Wilkinson's W⁺_{2m+1}: tridiagonal, diagonal |m − i|, off-diagonal 1; its top eigenvalues come in pairs agreeing to ~1e-14. */
function wilkinson(size: number): DenseMatrix {
  const m = (size - 1) / 2;
  const data = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    data[i * size + i] = Math.abs(m - i);
    if (i + 1 < size) {
      data[i * size + i + 1] = 1;
      data[(i + 1) * size + i] = 1;
    }
  }
  return { rows: size, cols: size, data };
}

describe('eigh', () => {
  it('satisfies AV = VΛ and VᵀV = I to 1e-12·n on a GOE matrix with n = 400, with trace = Σλ', () => {
    const n = 400;
    const a = goe(n, 7);
    const { values, vectors } = eigh(a);
    expectAscending(values);
    const { residual, orthogonality } = residuals(a, values, vectors);
    expect(residual).toBeLessThan(1e-12 * n);
    expect(orthogonality).toBeLessThan(1e-12 * n);
    expect(Math.abs(sum(values) - trace(a))).toBeLessThan(1e-11 * n);
    // Residuals far below the acceptance bound are what a backward-stable solver gives; guard regressions.
    expect(residual).toBeLessThan(1e-13);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('does not modify its input and agrees with eigvalsh', () => {
    const a = goe(120, 3);
    const copy = Float64Array.from(a.data);
    const { values } = eigh(a);
    const only = eigvalsh(a);
    expect(maxAbsDiff(a.data, copy)).toBe(0);
    expect(maxAbsDiff(values, only)).toBeLessThan(1e-13);
  });

  it('returns the eigenvalues of ml-matrix EigenvalueDecomposition to 1e-10 relative at n = 300', () => {
    const n = 300;
    const a = goe(n, 12);
    const oracle = new EigenvalueDecomposition(new Matrix(Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * n, (i + 1) * n)))), { assumeSymmetric: true });
    const ref = Float64Array.from(oracle.realEigenvalues).sort();
    const mine = eigvalsh(a);
    const scale = Math.max(Math.abs(ref[0]), Math.abs(ref[n - 1]));
    expect(maxAbsDiff(mine, ref) / scale).toBeLessThan(1e-10);
  });

  it('handles the identity: all eigenvalues 1 and V orthogonal', () => {
    const a = diagonal(Array(50).fill(1));
    const { values, vectors } = eigh(a);
    expect(maxAbsDiff(values, new Float64Array(50).fill(1))).toBeLessThan(1e-15);
    const r = residuals(a, values, vectors);
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.orthogonality).toBeLessThan(1e-14);
  });

  it('sorts a diagonal matrix with repeated entries', () => {
    const d = [3, -1, 2, 2, 0, -1, 5, 2];
    const { values, vectors } = eigh(diagonal(d));
    expect(Array.from(values)).toEqual([...d].sort((x, y) => x - y));
    const r = residuals(diagonal(d), values, vectors);
    expect(r.residual).toBeLessThan(1e-15);
    expect(r.orthogonality).toBeLessThan(1e-14);
  });

  it('finds 1 + ‖u‖² and n − 1 copies of 1 for I + uuᵀ', () => {
    const n = 200;
    const u = gaussian(n, 1, 4).data;
    const data = new Float64Array(n * n);
    let uu = 0;
    for (let i = 0; i < n; i++) {
      uu += u[i] * u[i];
      for (let j = 0; j < n; j++) data[i * n + j] = u[i] * u[j] + (i === j ? 1 : 0);
    }
    const a = { rows: n, cols: n, data };
    const { values, vectors } = eigh(a);
    for (let i = 0; i < n - 1; i++) expect(Math.abs(values[i] - 1)).toBeLessThan(1e-12 * uu);
    expect(Math.abs(values[n - 1] - (1 + uu)) / (1 + uu)).toBeLessThan(1e-13);
    const r = residuals(a, values, vectors);
    expect(r.residual).toBeLessThan(1e-13);
    expect(r.orthogonality).toBeLessThan(1e-12);
  });

  for (const size of [21, 101]) {
    it(`resolves the nearly-equal eigenvalue pairs of the Wilkinson matrix W${size}+`, () => {
      const a = wilkinson(size);
      const { values, vectors } = eigh(a);
      const r = residuals(a, values, vectors);
      expect(r.residual).toBeLessThan(1e-14);
      expect(r.orthogonality).toBeLessThan(1e-13);
      if (size === 21) {
        // Largest eigenvalues of W21+ (Wilkinson, The Algebraic Eigenvalue Problem, §5.45).
        expect(values[20]).toBeCloseTo(10.746194182903393, 12);
        expect(values[19]).toBeCloseTo(10.746194182903322, 12);
      }
    });
  }

  it('refuses non-square and non-finite input with messages naming the function', () => {
    expect(() => eigh(gaussian(3, 4, 1))).toThrow('eigh: A must be square, got 3×4');
    expect(() => eigvalsh(gaussian(2, 3, 1))).toThrow('eigvalsh: A must be square, got 2×3');
    const bad = goe(4, 1);
    bad.data[5] = NaN;
    expect(() => eigvalsh(bad)).toThrow('eigvalsh: A contains NaN at (1, 1); inputs must be finite');
    bad.data[5] = Infinity;
    expect(() => eigh(bad)).toThrow('eigh: A contains Infinity at (1, 1); inputs must be finite');
  });

  it('handles n = 0, 1 and 2', () => {
    expect(eigvalsh({ rows: 0, cols: 0, data: new Float64Array(0) }).length).toBe(0);
    expect(Array.from(eigvalsh({ rows: 1, cols: 1, data: Float64Array.of(-3) }))).toEqual([-3]);
    const two = eigh({ rows: 2, cols: 2, data: Float64Array.of(2, 1, 1, 2) });
    expect(two.values[0]).toBeCloseTo(1, 15);
    expect(two.values[1]).toBeCloseTo(3, 15);
  });
});

describe('eigTopK', () => {
  it('finds the spikes of a spiked GOE matrix as eigh does, descending, with aligned vectors', () => {
    const n = 400;
    const a = goe(n, 21);
    // Rank-two spike θ₁ u₁u₁ᵀ + θ₂ u₂u₂ᵀ with θ above the BBP threshold 1: outliers at θ + 1/θ.
    const u = gaussian(n, 2, 22).data;
    const thetas = [4, 2.5];
    for (let s = 0; s < 2; s++) {
      let norm = 0;
      for (let i = 0; i < n; i++) norm += u[i * 2 + s] ** 2;
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a.data[i * n + j] += (thetas[s] * u[i * 2 + s] * u[j * 2 + s]) / (norm * norm);
    }
    const k = 5;
    const top = eigTopK(a, k, { seed: 3 });
    const full = eigh(a);
    for (let j = 0; j < k; j++) {
      expect(Math.abs(top.values[j] - full.values[n - 1 - j])).toBeLessThan(1e-9);
      // Same eigenvector up to sign: |<v_top, v_full>| = 1.
      let dot = 0;
      for (let i = 0; i < n; i++) dot += top.vectors.data[i * k + j] * full.vectors.data[i * n + (n - 1 - j)];
      if (j < 2) expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-8);
    }
    expect(top.values[0]).toBeGreaterThan(top.values[1]);
    const r = residuals(a, top.values, top.vectors);
    expect(r.orthogonality).toBeLessThan(1e-12);
    // Outlier positions from the BBP formula θ + 1/θ, up to O(n^{-1/2}) fluctuations.
    expect(Math.abs(top.values[0] - 4.25)).toBeLessThan(0.3);
    expect(Math.abs(top.values[1] - 2.9)).toBeLessThan(0.3);
  });

  it('is deterministic for a fixed seed and exact when k = n', () => {
    const a = goe(30, 5);
    const x = eigTopK(a, 3, { seed: 9 });
    const y = eigTopK(a, 3, { seed: 9 });
    expect(maxAbsDiff(x.vectors.data, y.vectors.data)).toBe(0);
    const all = eigTopK(a, 30);
    const ref = eigvalsh(a);
    expect(maxAbsDiff(all.values, Float64Array.from(ref).reverse())).toBeLessThan(1e-12);
  });

  it('refuses k outside [1, n]', () => {
    expect(() => eigTopK(goe(5, 1), 6)).toThrow('eigTopK: k must be an integer in [1, 5], got 6');
  });
});

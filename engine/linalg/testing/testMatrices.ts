import { Rng } from '../../random/Rng.js';
import type { DenseMatrix } from '../DenseMatrix.js';

/** Seeded test matrices shared by the linalg tests. */
export function gaussian(rows: number, cols: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows, cols, data };
}

/** GOE-like (G + Gᵀ)/√(2n): spectrum on [−2, 2]. */
export function goe(n: number, seed: number): DenseMatrix {
  const g = gaussian(n, n, seed).data;
  const data = new Float64Array(n * n);
  const s = 1 / Math.sqrt(2 * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = (g[i * n + j] + g[j * n + i]) * s;
  return { rows: n, cols: n, data };
}

/** Textbook triple loop: the oracle for GEMM (op(A) op(B), row-major). */
export function naiveProduct(a: DenseMatrix, b: DenseMatrix, transA: boolean, transB: boolean, alpha = 1): DenseMatrix {
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const x = transA ? a.data[p * a.cols + i] : a.data[i * a.cols + p];
        const y = transB ? b.data[j * b.cols + p] : b.data[p * b.cols + j];
        s += x * y;
      }
      out[i * n + j] = alpha * s;
    }
  }
  return { rows: m, cols: n, data: out };
}

export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

export function frobenius(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

export function bitsEqual(x: Float64Array | Float32Array, y: Float64Array | Float32Array): boolean {
  if (x.length !== y.length) return false;
  const a = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  const b = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

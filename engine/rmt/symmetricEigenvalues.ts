import { symmetricTridiagonalEigen } from './symmetricTridiagonalEigen.js';

/**
 * Eigenvalues of a dense real symmetric matrix (row-major, n×n), ascending: Householder reduction to
 * tridiagonal form followed by implicit QL (symmetricTridiagonalEigen).
 *
 * Plain JS, O(n³) with ~4n³/3 flops for the reduction: meant for the rmt tests' seeded simulations at
 * n ≤ 800 (the kinds use engine/linalg's WASM eigh). Only the lower triangle is read.
 */
export function symmetricEigenvalues(matrix: Float64Array, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`symmetricEigenvalues: n must be a positive integer, got ${n}`);
  if (matrix.length !== n * n) {
    throw new RangeError(`symmetricEigenvalues: matrix has ${matrix.length} entries, expected n*n = ${n * n}`);
  }
  // Work on a copy; symmetrise from the lower triangle so callers may pass only that half.
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = matrix[i * n + j];
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  const diag = new Float64Array(n);
  const off = new Float64Array(Math.max(n - 1, 0));
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Householder vector v annihilating a[k+2.., k]; v has support k+1..n−1.
    let alpha = 0;
    for (let i = k + 1; i < n; i++) alpha += a[i * n + k] * a[i * n + k];
    alpha = Math.sqrt(alpha);
    const x0 = a[(k + 1) * n + k];
    if (alpha === 0) {
      off[k] = 0;
      continue;
    }
    // Sign chosen so that v_0 = x0 + sign(x0)·α has no cancellation.
    const sgn = x0 >= 0 ? 1 : -1;
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k];
    v[k + 1] += sgn * alpha;
    let vnorm2 = 0;
    for (let i = k + 1; i < n; i++) vnorm2 += v[i] * v[i];
    const beta = 2 / vnorm2;
    // p = β A v on the trailing block, w = p − (β/2)(vᵀp) v, A ← A − v wᵀ − w vᵀ.
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = k + 1; j < n; j++) s += a[row + j] * v[j];
      p[i] = beta * s;
      vp += v[i] * p[i];
    }
    const h = (beta / 2) * vp;
    for (let i = k + 1; i < n; i++) p[i] -= h * v[i];
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const pi = p[i];
      for (let j = k + 1; j < n; j++) a[row + j] -= vi * p[j] + pi * v[j];
    }
    off[k] = -sgn * alpha;
  }
  for (let i = 0; i < n; i++) diag[i] = a[i * n + i];
  if (n >= 2) off[n - 2] = a[(n - 1) * n + (n - 2)];
  return symmetricTridiagonalEigen(diag, off).values;
}

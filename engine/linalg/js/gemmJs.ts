/**
 * Reference GEMM in plain TypeScript: C = alpha * op(A) op(B), all row-major. Used only when the WASM
 * backend cannot load. The loop order i-k-j keeps the innermost access to B and C contiguous (stride 1)
 * whatever the transpose flags, by first materialising op(A) row by row.
 */
export function gemmJs(
  m: number, n: number, k: number,
  a: ArrayLike<number>, transA: boolean,
  b: ArrayLike<number>, transB: boolean,
  alpha: number,
  c: Float64Array | Float32Array,
): void {
  // op(B) is needed as k×n row-major for contiguous inner loops; transpose once if necessary (O(kn) memory).
  let bk: ArrayLike<number> = b;
  if (transB) {
    const t = new Float64Array(k * n);
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) t[p * n + j] = b[j * k + p];
    bk = t;
  }
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const aip = transA ? a[p * m + i] : a[i * k + p];
      const off = p * n;
      for (let j = 0; j < n; j++) row[j] += aip * bk[off + j];
    }
    const ci = i * n;
    for (let j = 0; j < n; j++) c[ci + j] = alpha * row[j];
  }
}

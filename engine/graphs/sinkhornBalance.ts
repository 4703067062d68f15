/**
 * Sinkhorn–Knopp balancing: alternately rescales rows and columns of a positive n×n matrix until
 * every row and column sums to 1 (to `tol` in the max norm), giving a doubly stochastic matrix.
 * Converges for any matrix with positive entries (Sinkhorn 1964); returns a new matrix.
 */
export function sinkhornBalance(x: Float64Array, n: number, opts: { tol?: number; maxIter?: number } = {}): Float64Array {
  const tol = opts.tol ?? 1e-10;
  const maxIter = opts.maxIter ?? 2000;
  const out = Float64Array.from(x);
  const col = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += out[i * n + j];
      const f = 1 / s;
      for (let j = 0; j < n; j++) out[i * n + j] *= f;
    }
    col.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) col[j] += out[i * n + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] /= col[j];
    // After the column step columns are exact; the rows measure how far from balanced we are.
    let err = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += out[i * n + j];
      err = Math.max(err, Math.abs(s - 1));
    }
    if (err < tol) break;
  }
  return out;
}

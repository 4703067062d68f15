/**
 * Puts a graph on the scale where GRAMPA's η is meaningful (spectrum ≈ semicircle on [−2, 2];
 * MATH.md §9.2–§9.3), returning a new matrix:
 *
 * - 0/1 graphs (Erdős–Rényi, imported unweighted): Ā = (A − q̂(J − I)) / √(n q̂ (1 − q̂)), with q̂ the
 *   edge density Σ_{i≠j} A_ij / (n(n − 1)) of this graph (MATH.md §9.2). Removing the mean also removes
 *   the Perron eigenvalue ≈ nq̂, which would otherwise dominate every spectral method. The diagonal
 *   stays 0 (the authors subtract q there too; the difference is negligible). A graph with q̂ ∈ {0, 1}
 *   has no spectral information: it is returned as zeros.
 * - weighted graphs (Gaussian model): used as they are when `scale` is false; with `scale` (imported
 *   weighted graphs, whose units are arbitrary) divided by ‖A‖_F/√n so that ‖Ā‖²_F = n like a GOE.
 */
export function normaliseForSpectra(a: Float64Array, n: number, binary: boolean, scale = false): Float64Array {
  const out = new Float64Array(n * n);
  if (binary) {
    let edges = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) edges += a[i * n + j];
    const qHat = n > 1 ? edges / (n * (n - 1)) : 0;
    const spread = Math.sqrt(n * qHat * (1 - qHat));
    if (!(spread > 0)) return out;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) out[i * n + j] = i === j ? 0 : (a[i * n + j] - qHat) / spread;
    }
    return out;
  }
  let f = 1;
  if (scale) {
    let ss = 0;
    for (let k = 0; k < a.length; k++) ss += a[k] * a[k];
    f = ss > 0 ? Math.sqrt(n / ss) : 1;
  }
  for (let k = 0; k < a.length; k++) out[k] = f * a[k];
  return out;
}

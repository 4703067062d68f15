/**
 * Eigenvalues (and optionally the first component of each normalised eigenvector) of a real symmetric
 * tridiagonal matrix, by the implicit QL algorithm with Wilkinson-type shifts.
 *
 * Needed by Golub–Welsch (MATH.md §1 "Quadrature": nodes are the eigenvalues of the Jacobi matrix, weights
 * the squared first eigenvector components), for N ≤ a few hundred. QL with implicit shifts is O(N²) for
 * eigenvalues and keeps full relative accuracy of the tridiagonal data; only the first row of the
 * eigenvector matrix is accumulated because that is all Golub–Welsch needs (O(N²) instead of O(N³)).
 */
export interface TridiagonalEigenResult {
  /** Eigenvalues in increasing order. */
  values: Float64Array;
  /** First components of the matching unit eigenvectors (present when requested). */
  firstComponents?: Float64Array;
}

/**
 * @param diagonal  a_0..a_{N−1}
 * @param offDiagonal  b_0..b_{N−2} (b_i couples i and i+1); length N−1 (a longer array is truncated)
 */
export function symmetricTridiagonalEigen(
  diagonal: ArrayLike<number>,
  offDiagonal: ArrayLike<number>,
  options: { firstComponents?: boolean } = {},
): TridiagonalEigenResult {
  const n = diagonal.length;
  if (n === 0) throw new RangeError('symmetricTridiagonalEigen: the matrix is empty');
  if (offDiagonal.length < n - 1) {
    throw new RangeError(`symmetricTridiagonalEigen: offDiagonal needs ${n - 1} entries, got ${offDiagonal.length}`);
  }
  const d = Float64Array.from(diagonal);
  // e[i] couples i and i+1; e[n−1] = 0 is a sentinel so the deflation scan can run to the end.
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(d[i]) || !Number.isFinite(e[i])) {
      throw new RangeError('symmetricTridiagonalEigen: entries must be finite');
    }
  }
  const wantZ = options.firstComponents === true;
  // First row of the accumulated rotations, starting from the identity.
  const z = new Float64Array(n);
  z[0] = 1;

  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      // Deflate: find the first negligible off-diagonal at or after l (relative to its neighbours).
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (++iter > 60) throw new Error('symmetricTridiagonalEigen: QL did not converge in 60 iterations');
        // Shift from the leading 2×2 block (Wilkinson-like), written to avoid cancellation.
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i];
          const b = c * e[i];
          r = Math.hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            // Recover from underflow: the rotation is the identity, deflate and restart.
            d[i + 1] -= p;
            e[m] = 0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          if (wantZ) {
            const t = z[i + 1];
            z[i + 1] = s * z[i] + c * t;
            z[i] = c * z[i] - s * t;
          }
        }
        if (underflow) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }

  // Sort ascending, carrying the first components along.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a] - d[b]);
  const values = new Float64Array(n);
  const first = wantZ ? new Float64Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    values[k] = d[order[k]];
    if (first) first[k] = z[order[k]];
  }
  return first ? { values, firstComponents: first } : { values };
}

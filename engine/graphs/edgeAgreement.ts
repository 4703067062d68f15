/**
 * Σ_ij A[i, j] · B[m[i], m[j]] = ⟨A, Πᵐ B Πᵐᵀ⟩ for the matching m (vertex i of A ↔ vertex m[i] of B);
 * MATH.md §9.6 (the top-eigenvector baseline uses it on the centred graphs to pick a sign).
 */
export function edgeAgreement(a: Float64Array, b: Float64Array, n: number, m: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const rowB = m[i] * n;
    const rowA = i * n;
    for (let j = 0; j < n; j++) s += a[rowA + j] * b[rowB + m[j]];
  }
  return s;
}

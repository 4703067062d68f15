/**
 * B = Π B̃ Πᵀ in the orientation of MATH.md §9.1: B[perm[i], perm[j]] = B̃[i, j], so vertex i of the
 * unrelabelled graph becomes vertex perm[i]. Returns a new n×n row-major matrix.
 */
export function relabelGraph(bTilde: Float64Array, n: number, perm: Int32Array): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const src = i * n;
    const dst = perm[i] * n;
    for (let j = 0; j < n; j++) out[dst + perm[j]] = bTilde[src + j];
  }
  return out;
}

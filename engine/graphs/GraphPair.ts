/**
 * Two graphs on the same vertex set {0, …, n−1} as dense symmetric adjacency matrices (row-major,
 * entry (i, j) at i·n + j, zero diagonal for graphs), with the hidden correspondence when it is known.
 *
 * Orientation used everywhere in engine/graphs (MATH.md §9.1, §9.3): vertex i of A corresponds to
 * vertex truth[i] of B, i.e. B[truth[i], truth[j]] = A[i, j] in the noiseless case, and a matching
 * `m` (Int32Array) claims that vertex i of A is vertex m[i] of B.
 */
export interface GraphPair {
  readonly n: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /**
   * truth[i] = the vertex of B that is vertex i of A, −1 where unknown (a partial imported mapping);
   * null for an imported pair without ground truth.
   */
  readonly truth: Int32Array | null;
  /** 0/1 adjacency (Erdős–Rényi, imported unweighted): centred as in MATH.md §9.2 before the spectral methods. */
  readonly binary: boolean;
}

import { matmul, type DenseMatrix } from '../linalg/index.js';
import type { Eigensystem } from './grampaSimilarity.js';

/**
 * Umeyama's similarity (Umeyama 1988; MATH.md §9.5): X = |U| |V|ᵀ with entrywise absolute values and
 * both eigenbases sorted by eigenvalue (eigh sorts both ascending), so that X[i, j] = Σ_k |U_ik| |V_jk|
 * aligns the k-th eigenvector of A with the k-th of B only. The absolute values remove the sign
 * ambiguity of each eigenvector. Rounded by linear assignment like GRAMPA.
 */
export function umeyamaSimilarity(eigA: Eigensystem, eigB: Eigensystem): DenseMatrix {
  const abs = (m: DenseMatrix): DenseMatrix => ({ rows: m.rows, cols: m.cols, data: m.data.map(Math.abs) });
  return matmul(abs(eigA.vectors), abs(eigB.vectors), { transB: true });
}

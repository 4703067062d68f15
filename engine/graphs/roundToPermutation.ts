import { linearSumAssignment, type DenseMatrix } from '../linalg/index.js';
import { greedyAssignment } from './greedyAssignment.js';

export type Rounding = 'lap' | 'greedy';

/**
 * Rounds a similarity matrix (large = match) to a permutation (MATH.md §9.4): 'lap' maximises
 * Σ_i X[i, π(i)] exactly (Jonker–Volgenant in linalg), 'greedy' is §9.4(b).
 */
export function roundToPermutation(similarity: DenseMatrix, rounding: Rounding): Int32Array {
  if (similarity.rows !== similarity.cols) throw new RangeError(`roundToPermutation: similarity must be square, got ${similarity.rows}×${similarity.cols}`);
  return rounding === 'lap' ? linearSumAssignment(similarity, { maximize: true }) : greedyAssignment(similarity.data, similarity.rows);
}

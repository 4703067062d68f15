import type { Rng } from '../random/Rng.js';
import type { GraphPair } from './GraphPair.js';
import { fillGoe } from './fillGoe.js';
import { randomPermutation } from './randomPermutation.js';
import { relabelGraph } from './relabelGraph.js';

/**
 * Correlated Gaussian Wigner pair (Fan, Mao, Wu & Xu 2019, arXiv 1907.08880; MATH.md §9.1):
 * A, Z independent GOE(n), B̃ = A + σZ, B = Π B̃ Πᵀ with a uniformly random hidden permutation.
 * A, Z and the permutation come from separate sub-streams, so that runs at different σ with the same
 * seed share A, Z and Π (common random numbers make recovery curves smooth in σ).
 */
export function sampleCorrelatedWigner(rng: Rng, n: number, sigma: number): GraphPair {
  const a = fillGoe(rng.fork('A'), n);
  const z = fillGoe(rng.fork('Z'), n);
  for (let k = 0; k < z.length; k++) z[k] = a[k] + sigma * z[k];
  const truth = randomPermutation(rng.fork('permutation'), n);
  return { n, a, b: relabelGraph(z, n, truth), truth, binary: false };
}

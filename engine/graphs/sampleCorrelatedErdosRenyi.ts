import type { Rng } from '../random/Rng.js';
import type { GraphPair } from './GraphPair.js';
import { randomPermutation } from './randomPermutation.js';
import { relabelGraph } from './relabelGraph.js';

/**
 * Correlated Erdős–Rényi pair in the seed slides' parameterisation (Pedarsani & Grossglauser 2011 as
 * used by Fan, Mao, Wu & Xu; MATH.md §9.1 "exact sampler"): for each i < j, A_ij ~ Bern(q); given
 * A_ij = 1, B̃_ij = 1 with probability 1 − δ; given A_ij = 0, B̃_ij = 1 with probability δq/(1 − q).
 * Then B̃_ij ~ Bern(q) marginally and P[A_ij = B̃_ij = 1] = (1 − δ)q. Needs δq ≤ 1 − q.
 * Finally B = Π B̃ Πᵀ with a uniformly random hidden permutation.
 *
 * Each pair (i, j) consumes exactly two uniforms, A from the first and B̃ from the second, so runs at
 * different δ with the same seed share A and the coupling (common random numbers across a δ sweep).
 */
export function sampleCorrelatedErdosRenyi(rng: Rng, n: number, q: number, delta: number): GraphPair {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be strictly between 0 and 1, got ${q}`);
  if (!(delta >= 0 && delta <= 1)) throw new RangeError(`delta must be in [0, 1], got ${delta}`);
  if (delta * q > 1 - q + 1e-15) throw new RangeError(`delta·q = ${delta * q} exceeds 1 − q = ${1 - q}`);
  const keep = 1 - delta;
  const appear = (delta * q) / (1 - q);
  const edges = rng.fork('edges');
  const a = new Float64Array(n * n);
  const bTilde = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ua = edges.uniform();
      const ub = edges.uniform();
      const aij = ua < q ? 1 : 0;
      const bij = ub < (aij ? keep : appear) ? 1 : 0;
      a[i * n + j] = a[j * n + i] = aij;
      bTilde[i * n + j] = bTilde[j * n + i] = bij;
    }
  }
  const truth = randomPermutation(rng.fork('permutation'), n);
  return { n, a, b: relabelGraph(bTilde, n, truth), truth, binary: true };
}

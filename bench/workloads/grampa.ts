import type { BenchWorkload } from '../BenchWorkload.js';
import { eigh } from '../../engine/linalg/index.js';
import { Rng } from '../../engine/random/Rng.js';
import type { GraphPair } from '../../engine/graphs/GraphPair.js';
import { grampaSimilarity } from '../../engine/graphs/grampaSimilarity.js';
import { matchingMetrics } from '../../engine/graphs/matchingMetrics.js';
import { roundToPermutation } from '../../engine/graphs/roundToPermutation.js';
import { sampleCorrelatedWigner } from '../../engine/graphs/sampleCorrelatedWigner.js';

interface Prepared {
  pair: GraphPair;
  eta: number;
}

/**
 * One GRAMPA run as numpy_ref.py's `grampa` times it: eigendecompositions of both graphs of a
 * correlated Gaussian Wigner pair, the similarity X̂ = (U·diag(ũ))·C·(diag(ṽ)·Vᵀ) and exact linear
 * assignment; the check is the recovered fraction (≈ 1 at σ = 0.2, n ≥ 1000, on both sides).
 * The pair is sampled untimed (the engine's Rng, so the draw differs from numpy's but not its law).
 */
export const grampa: BenchWorkload<Prepared> = {
  name: 'grampa',
  goal: { n: 1000, ratio: 2.5, issue: 6 },
  defaultSizes: [1000, 2000],
  description: 'GRAMPA on a correlated Gaussian Wigner pair (σ = 0.2, η = 0.2): 2 × eigh, similarity, linear assignment',
  params: (n) => ({ n, sigma: 0.2, eta: 0.2 }),
  numpy: (n) => ({ workload: 'grampa', args: { n, sigma: 0.2, eta: 0.2 } }),
  prepare: (p) => ({ pair: sampleCorrelatedWigner(new Rng(6), +p.n, +p.sigma), eta: +p.eta }),
  run: ({ pair, eta }) => timeGrampaOnce(pair, eta),
};

/** Runs GRAMPA + linear assignment once on `pair` and returns the recovered fraction. */
export function timeGrampaOnce(pair: GraphPair, eta: number): number {
  const { n } = pair;
  const ea = eigh({ rows: n, cols: n, data: pair.a });
  const eb = eigh({ rows: n, cols: n, data: pair.b });
  const x = grampaSimilarity(ea, eb, eta);
  return matchingMetrics(pair, roundToPermutation(x, 'lap')).recovered ?? Number.NaN;
}

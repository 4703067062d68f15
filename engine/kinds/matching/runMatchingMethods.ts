import { eigh, type DenseMatrix } from '../../linalg/index.js';
import type { GraphPair } from '../../graphs/GraphPair.js';
import { degreeProfileSimilarity } from '../../graphs/degreeProfileSimilarity.js';
import { doublyStochasticQp } from '../../graphs/doublyStochasticQp.js';
import { grampaSimilarity, type Eigensystem } from '../../graphs/grampaSimilarity.js';
import { normaliseForSpectra } from '../../graphs/normaliseForSpectra.js';
import { roundToPermutation, type Rounding } from '../../graphs/roundToPermutation.js';
import { sinkhornBalance } from '../../graphs/sinkhornBalance.js';
import { topEigenvectorMatching } from '../../graphs/topEigenvectorMatching.js';
import { umeyamaSimilarity } from '../../graphs/umeyamaSimilarity.js';
import type { MatchingMethod } from './matchingParams.js';

export interface MethodOutcome {
  matching: Int32Array;
  /** Wall time of this method, including its share of the work it needs (see runMatchingMethods). */
  seconds: number;
  /** The matrix the matching was rounded from (large = match), when kept. */
  similarity: DenseMatrix | null;
}

export interface MethodOptions {
  methods: readonly MatchingMethod[];
  eta: number;
  rounding: Rounding;
  qpIterations: number;
  /** Keep each method's similarity matrix (for confidence margins and the heatmap); costs n² per method. */
  keepSimilarity: boolean;
  /** Scale imported weighted graphs to ‖Ā‖²_F = n (simulated Gaussian graphs are already on that scale). */
  scaleWeighted: boolean;
}

const SPECTRAL: readonly MatchingMethod[] = ['grampa', 'topeig', 'umeyama', 'qp'];

/**
 * Runs the requested methods on one pair. Shared work is done once and charged to every method that
 * needs it, so each method's seconds is what it would cost alone: the centring and the two
 * eigendecompositions go to grampa, topeig, umeyama and qp; GRAMPA's similarity also to qp (its start).
 */
export function runMatchingMethods(pair: GraphPair, opts: MethodOptions): { outcomes: Partial<Record<MatchingMethod, MethodOutcome>>; qpObjective: Float64Array | null } {
  const { n } = pair;
  const want = new Set(opts.methods);
  const outcomes: Partial<Record<MatchingMethod, MethodOutcome>> = {};
  const keep = (s: DenseMatrix) => (opts.keepSimilarity ? s : null);

  let aBar: Float64Array | null = null;
  let bBar: Float64Array | null = null;
  let eigA: Eigensystem | null = null;
  let eigB: Eigensystem | null = null;
  let spectralSeconds = 0;
  if (opts.methods.some((m) => SPECTRAL.includes(m))) {
    const t0 = performance.now();
    aBar = normaliseForSpectra(pair.a, n, pair.binary, opts.scaleWeighted);
    bBar = normaliseForSpectra(pair.b, n, pair.binary, opts.scaleWeighted);
    eigA = eigh({ rows: n, cols: n, data: aBar });
    eigB = eigh({ rows: n, cols: n, data: bBar });
    spectralSeconds = (performance.now() - t0) / 1000;
  }

  let grampaX: DenseMatrix | null = null;
  let grampaSeconds = 0;
  if (want.has('grampa') || want.has('qp')) {
    const t0 = performance.now();
    grampaX = grampaSimilarity(eigA!, eigB!, opts.eta);
    grampaSeconds = (performance.now() - t0) / 1000;
  }
  if (want.has('grampa')) {
    const t0 = performance.now();
    const matching = roundToPermutation(grampaX!, opts.rounding);
    outcomes.grampa = { matching, seconds: spectralSeconds + grampaSeconds + (performance.now() - t0) / 1000, similarity: keep(grampaX!) };
  }
  if (want.has('topeig')) {
    const t0 = performance.now();
    const r = topEigenvectorMatching(aBar!, bBar!, eigA!, eigB!);
    const seconds = spectralSeconds + (performance.now() - t0) / 1000;
    outcomes.topeig = { matching: r.matching, seconds, similarity: opts.keepSimilarity ? r.score() : null };
  }
  if (want.has('umeyama')) {
    const t0 = performance.now();
    const x = umeyamaSimilarity(eigA!, eigB!);
    const matching = roundToPermutation(x, opts.rounding);
    outcomes.umeyama = { matching, seconds: spectralSeconds + (performance.now() - t0) / 1000, similarity: keep(x) };
  }
  if (want.has('degree-profile')) {
    const t0 = performance.now();
    const x = degreeProfileSimilarity(pair.a, pair.b, n, pair.binary);
    const matching = roundToPermutation(x, opts.rounding);
    outcomes['degree-profile'] = { matching, seconds: (performance.now() - t0) / 1000, similarity: keep(x) };
  }
  let qpObjective: Float64Array | null = null;
  if (want.has('qp')) {
    const t0 = performance.now();
    const qp = doublyStochasticQp(aBar!, bBar!, n, qpStart(grampaX!), opts.qpIterations);
    const matching = roundToPermutation(qp.x, opts.rounding);
    qpObjective = qp.objective;
    outcomes.qp = { matching, seconds: spectralSeconds + grampaSeconds + (performance.now() - t0) / 1000, similarity: keep(qp.x) };
  }
  return { outcomes, qpObjective };
}

/**
 * The QP's start (MATH.md §9.7: the Sinkhorn-balanced GRAMPA similarity). X̂ has negative entries and
 * Sinkhorn needs positive ones: the positive part of X̂ plus a floor of 1e-6·max X̂ (which guarantees
 * convergence) is balanced. The floor adds almost nothing to rows that carry signal.
 */
function qpStart(x: DenseMatrix): Float64Array {
  const n = x.rows;
  let max = 0;
  for (let k = 0; k < x.data.length; k++) max = Math.max(max, x.data[k]);
  const floor = max > 0 ? 1e-6 * max : 1;
  const pos = new Float64Array(n * n);
  for (let k = 0; k < pos.length; k++) pos[k] = Math.max(0, x.data[k]) + floor;
  return sinkhornBalance(pos, n);
}

/**
 * matching: graph matching on correlated random graphs and on your own graphs — GRAMPA (Fan, Mao, Wu
 * & Xu, "Spectral graph matching and regularized quadratic relaxations", arXiv 1907.08880 / 1907.08883,
 * eq. (3): X̂ = Σ_ij η/((λ_i − μ_j)² + η²) u_i u_iᵀ J v_j v_jᵀ) against the top-eigenvector sort,
 * Umeyama (1988), degree profiles (Ding, Ma, Wu & Xu 2018) and the doubly stochastic QP solved by
 * Frank–Wolfe from GRAMPA's start. Models, centring, rounding and metrics follow MATH.md §9.1–§9.7.
 *
 * One run draws `repeats` independent pairs for each setting (the base model, or each value of
 * `sweep`), runs every method on each pair and reports recovery (mean ± standard error), edge
 * agreement, ‖A − ΠᵀBΠ‖²_F and seconds. Repeat r uses the sub-stream `repeat r` at every sweep value,
 * so a curve's points share their random numbers (common random numbers: smoother curves).
 */
import { sampleCorrelatedErdosRenyi } from '../../graphs/sampleCorrelatedErdosRenyi.js';
import { sampleCorrelatedWigner } from '../../graphs/sampleCorrelatedWigner.js';
import { importGraphPair } from '../../graphs/importGraphPair.js';
import { matchingMetrics } from '../../graphs/matchingMetrics.js';
import { rowMargins } from '../../graphs/rowMargins.js';
import type { GraphPair } from '../../graphs/GraphPair.js';
import type { Rounding } from '../../graphs/roundToPermutation.js';
import type { Rng } from '../../random/Rng.js';
import type { ComputationModule, SweepMetric } from '../ComputationModule.js';
import { IMPORT_LIMITS, matchingParams, type MatchingMethod, type MatchingModel, type MatchingParams, type SweepParam } from './matchingParams.js';
import { runMatchingMethods } from './runMatchingMethods.js';

export { matchingParams, MATCHING_METHODS, type MatchingMethod, type MatchingParams } from './matchingParams.js';

/** Largest n for which GRAMPA's similarity is kept as a heatmap (n² values in the result). */
export const HEATMAP_MAX_N = 200;

export interface MatchingMethodSummary {
  [key: string]: unknown;
  /** Mean recovered fraction over repeats; null without ground truth. */
  recovered: number | null;
  /** Standard error of that mean (sample sd/√repeats; 0 for one repeat); null without ground truth. */
  recoveredStderr: number | null;
  edgeAgreement: number;
  objective: number;
  seconds: number;
}

export interface MatchingCurve {
  [key: string]: unknown;
  x: Float64Array;
  mean: Float64Array;
  stderr: Float64Array;
  edgeAgreement: Float64Array;
  objective: Float64Array;
  seconds: Float64Array;
}

export interface MatchingResult {
  [key: string]: unknown;
  modelType: MatchingModel['type'];
  /** Vertices of the (first) setting's graphs. */
  n: number;
  eta: number;
  rounding: Rounding;
  repeats: number;
  methodNames: MatchingMethod[];
  /** Per method, over the repeats of the first setting (the base model, or sweep.values[0]). */
  methods: Partial<Record<MatchingMethod, MatchingMethodSummary>>;
  sweep: { param: SweepParam; values: Float64Array } | null;
  /** Per method, one point per sweep value: recovered mean ± stderr and the other metrics' means. */
  curves: Partial<Record<MatchingMethod, MatchingCurve>> | null;
  /**
   * GRAMPA's similarity for the first pair, size×size row-major, when n ≤ 200: row i is vertex i of A,
   * column k is vertex truth[k] of B ('truth') or, without a full ground truth, vertex m[k] of GRAMPA's
   * own matching ('matching'), so that the pairs that should match lie on the diagonal.
   */
  heatmap: { size: number; values: Float64Array; order: 'truth' | 'matching' } | null;
  /** Imported pairs: each method's matching (matching[i] = vertex of B for vertex i of A) and row-margin confidence. */
  matchings: Partial<Record<MatchingMethod, { matching: Float64Array; confidence: Float64Array }>> | null;
  /** ‖ĀX − XB̄‖²_F along the Frank–Wolfe iterations of the first pair (non-increasing), when qp ran. */
  qpObjective: Float64Array | null;
  warnings: string[];
}

interface Setting {
  x: number | null;
  model: MatchingModel;
  eta: number;
}

export const matching: ComputationModule<MatchingParams, MatchingResult> = {
  kind: 'matching',
  title: 'Graph matching: GRAMPA and spectral baselines',
  description:
    'Recover the hidden vertex correspondence between two correlated graphs — the correlated Gaussian Wigner model ' +
    'B = Π(A + σZ)Πᵀ or correlated Erdős–Rényi graphs with edge probability q and fraction δ of differing edges — ' +
    'or between two graphs you import. GRAMPA (Fan, Mao, Wu & Xu 2019) weights every pair of eigenvectors by a ' +
    'Cauchy kernel in the difference of their eigenvalues; it is compared with the top-eigenvector sort, Umeyama, ' +
    'degree profiles and the doubly stochastic QP, by recovered fraction, edge agreement and ‖A − ΠᵀBΠ‖²_F.',
  params: matchingParams,
  summarize: (p) => {
    const m = p.model;
    const model = m.type === 'gaussian' ? `gaussian n=${m.n} σ=${m.sigma}` : m.type === 'erdos-renyi' ? `ER n=${m.n} q=${m.q} δ=${m.delta}` : 'imported';
    const sweep = p.sweep ? ` sweep ${p.sweep.param}×${p.sweep.values.length}` : '';
    return `${model} η=${p.eta} ${p.rounding}${sweep} ×${p.repeats}`;
  },
  sweepMetrics: (r) => {
    const out: SweepMetric[] = [];
    for (const name of r.methodNames) {
      const s = r.methods[name];
      if (s && s.recovered !== null) out.push({ series: `recovered (${name})`, role: 'simulation', value: s.recovered });
    }
    return out;
  },
  async run(p, ctx) {
    const warnings: string[] = [];
    const settings = expandSettings(p);
    const imported = p.model.type === 'imported';
    const repeats = imported ? 1 : p.repeats;
    if (imported && p.repeats > 1) warnings.push(`repeats = ${p.repeats} ignored: an imported pair is fixed and every method is deterministic, so it runs once`);
    const methods = [...new Set(p.methods)];
    const total = settings.length * repeats;
    type Sample = { recovered: number | null; edgeAgreement: number; objective: number; seconds: number };
    const samples: Record<string, Sample[]>[] = settings.map(() => Object.fromEntries(methods.map((m) => [m, []])));
    let heatmap: MatchingResult['heatmap'] = null;
    let matchings: MatchingResult['matchings'] = null;
    let qpObjective: Float64Array | null = null;
    let firstN = 0;

    for (let si = 0; si < settings.length; si++) {
      const s = settings[si];
      for (let r = 0; r < repeats; r++) {
        ctx.signal.throwIfAborted();
        const done = si * repeats + r;
        const label = s.x === null ? '' : `${p.sweep!.param} = ${s.x}, `;
        ctx.progress(done / total, `${label}pair ${r + 1}/${repeats}: sampling`);
        const pair = makePair(s.model, ctx.rng.fork(`repeat ${r}`), warnings, si === 0 && r === 0);
        const first = si === 0 && r === 0;
        if (first) firstN = pair.n;
        const wantHeatmap = first && p.heatmap && pair.n <= HEATMAP_MAX_N && methods.includes('grampa');
        ctx.progress((done + 0.2) / total, `${label}pair ${r + 1}/${repeats}: ${methods.join(', ')}`);
        const { outcomes, qpObjective: trace } = runMatchingMethods(pair, {
          methods,
          eta: s.eta,
          rounding: p.rounding,
          qpIterations: p.qpIterations,
          keepSimilarity: (first && imported) || wantHeatmap,
          scaleWeighted: imported,
        });
        for (const m of methods) {
          const o = outcomes[m]!;
          samples[si][m].push({ ...matchingMetrics(pair, o.matching), seconds: o.seconds });
        }
        if (first) {
          qpObjective = trace;
          if (wantHeatmap) heatmap = reorderedHeatmap(outcomes.grampa!.similarity!.data, pair, outcomes.grampa!.matching);
          if (imported) {
            matchings = {};
            for (const m of methods) {
              const o = outcomes[m]!;
              matchings[m] = { matching: Float64Array.from(o.matching), confidence: rowMargins(o.similarity!.data, pair.n) };
            }
          }
        }
      }
    }

    const summaries = samples.map((bySetting) =>
      Object.fromEntries(methods.map((m) => [m, summarise(bySetting[m])])) as Record<MatchingMethod, MatchingMethodSummary>,
    );
    let curves: MatchingResult['curves'] = null;
    if (p.sweep) {
      curves = {};
      const pick = (m: MatchingMethod, f: (s: MatchingMethodSummary) => number | null) => Float64Array.from(summaries, (s) => f(s[m]) ?? Number.NaN);
      for (const m of methods) {
        curves[m] = {
          x: Float64Array.from(p.sweep.values),
          mean: pick(m, (s) => s.recovered),
          stderr: pick(m, (s) => s.recoveredStderr),
          edgeAgreement: pick(m, (s) => s.edgeAgreement),
          objective: pick(m, (s) => s.objective),
          seconds: pick(m, (s) => s.seconds),
        };
      }
    }
    ctx.progress(1, 'done');
    return {
      modelType: p.model.type,
      n: firstN,
      eta: settings[0].eta,
      rounding: p.rounding,
      repeats,
      methodNames: methods,
      methods: summaries[0],
      sweep: p.sweep ? { param: p.sweep.param, values: Float64Array.from(p.sweep.values) } : null,
      curves,
      heatmap,
      matchings,
      qpObjective,
      warnings,
    };
  },
};

/** The base setting, or one setting per sweep value with that parameter replaced. */
function expandSettings(p: MatchingParams): Setting[] {
  if (!p.sweep) return [{ x: null, model: p.model, eta: p.eta }];
  const { param, values } = p.sweep;
  return values.map((v) => {
    if (param === 'eta') return { x: v, model: p.model, eta: v };
    return { x: v, model: { ...p.model, [param]: v } as MatchingModel, eta: p.eta };
  });
}

function makePair(model: MatchingModel, rng: Rng, warnings: string[], reportWarnings: boolean): GraphPair {
  switch (model.type) {
    case 'gaussian':
      return sampleCorrelatedWigner(rng, model.n, model.sigma);
    case 'erdos-renyi':
      return sampleCorrelatedErdosRenyi(rng, model.n, model.q, model.delta);
    case 'imported': {
      const r = importGraphPair(model, IMPORT_LIMITS);
      // The schema has already parsed these texts; a failure here means the params bypassed it.
      if (!r.ok) throw new Error(`model.${r.field}: ${r.message}`);
      if (reportWarnings) warnings.push(...r.warnings);
      return r.pair;
    }
  }
}

function summarise(samples: { recovered: number | null; edgeAgreement: number; objective: number; seconds: number }[]): MatchingMethodSummary {
  const k = samples.length;
  const mean = (f: (s: (typeof samples)[number]) => number) => samples.reduce((acc, s) => acc + f(s), 0) / k;
  const rec = samples.map((s) => s.recovered).filter((x): x is number => x !== null);
  let recovered: number | null = null;
  let recoveredStderr: number | null = null;
  if (rec.length === k && k > 0) {
    recovered = rec.reduce((a, b) => a + b, 0) / k;
    const ss = rec.reduce((a, b) => a + (b - recovered!) ** 2, 0);
    recoveredStderr = k > 1 ? Math.sqrt(ss / (k - 1) / k) : 0;
  }
  return { recovered, recoveredStderr, edgeAgreement: mean((s) => s.edgeAgreement), objective: mean((s) => s.objective), seconds: mean((s) => s.seconds) };
}

function reorderedHeatmap(x: Float64Array, pair: GraphPair, grampaMatching: Int32Array): NonNullable<MatchingResult['heatmap']> {
  const n = pair.n;
  const full = pair.truth !== null && pair.truth.every((t) => t >= 0);
  const cols = full ? pair.truth! : grampaMatching;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) values[i * n + k] = x[i * n + cols[k]];
  return { size: n, values, order: full ? 'truth' : 'matching' };
}

/**
 * spike: low-rank signal through the layers of a deep random network — the nonlinear spiked
 * covariance model of Wang, Wu & Fan (arXiv 2402.10127; MATH.md §5). The input carries r spikes
 * (signal-plus-noise, or a Gaussian mixture reduced to that form); each layer's conjugate kernel
 * CK_ℓ = X_ℓᵀX_ℓ shows outliers above its bulk while the signal is supercritical (a BBP-type phase
 * transition), and its top eigenvectors keep a predictable alignment with the sample-space signal.
 * Theory (Gaussian-equivalent model, §5.3): population spike θ_ℓ = (1 − b²) + b²λ_{ℓ−1}, outlier
 * λ_ℓ = ψ_ℓ(θ_ℓ), per-layer overlap c_ℓ = θ_ℓψ_ℓ′/ψ_ℓ, cumulative overlap Π c_ℓ, the bulk edge, and the
 * end-to-end threshold on θ. Activations with c₂ ≠ 0 add an uninformative outlier (MATH.md §2.6 says
 * along 1/√n; measured here, with raw Gaussian inputs it lies mostly along the samples' norm deviations
 * — the centred diagonal of CK_ℓ — because E σ̃(sξ) ≠ 0 for s ≠ 1 when c₂ ≠ 0). It is detected by its
 * overlap with span{1/√n, centred diag CK_ℓ}, which needs no ground truth, and excluded.
 */
import { z } from 'zod';
import { eigTopK, eigvalsh } from '../../linalg/index.js';
import { ACTIVATIONS, activationConstants, normalisedActivation, type ActivationName } from '../../rmt/activations.js';
import { spikeTheory, type SpikeLayer } from '../../rmt/spikeTheory.js';
import { ckDensityCurve } from '../../rmt/ckDensityCurve.js';
import { mpMeasure } from '../../rmt/spectralMeasure.js';
import { mpDensity, mpEdges } from '../../rmt/marchenkoPastur.js';
import { forwardPass } from '../../nn/networkForward.js';
import { MEMORY_BUDGET_BYTES, formatBytes, type ComputationModule, type SweepMetric } from '../ComputationModule.js';
import { gaussianMixture, signalPlusNoise, type SpikedInput } from './spikeInput.js';

const MAX_SIZE = 20_000;
const size = (name: string, fallback: number) =>
  z.number().int(`${name} must be a whole number`).min(1, `${name} must be at least 1`).max(MAX_SIZE, `${name} must be at most ${MAX_SIZE}`).default(fallback);

const signalPlusNoiseModel = z.object({
  type: z.literal('signal-plus-noise'),
  theta: z.array(z.number().min(0, 'θ must be ≥ 0 (a spike strength)').refine(Number.isFinite, 'θ must be finite'))
    .min(1, 'give at least one spike strength θ').max(10, 'at most 10 spikes').default([6])
    .describe('Spike strengths θ_k of X = Σ √θ_k a_k b_kᵀ + Z'),
  support: z.enum(['delocalised', 'localised']).default('delocalised').describe('b_k spread over all samples, or supported on `supportSize` samples'),
  supportSize: z.number().int().min(1, 'supportSize must be at least 1').max(MAX_SIZE).default(20).describe('Samples carrying each localised spike'),
  labels: z.enum(['rademacher', 'gaussian']).default('rademacher').describe('Delocalised b = y/√n with labels y iid ±1 or Gaussian'),
});
const mixtureModel = z.object({
  type: z.literal('mixture'),
  proportions: z.array(z.number().positive('proportions must be positive')).min(2, 'a mixture needs at least 2 classes').max(11, 'at most 11 classes').default([0.5, 0.5])
    .describe('Class proportions (sum to 1)'),
  theta: z.number().min(0, 'θ must be ≥ 0').max(1e6).default(6).describe('θ = n‖μ_c‖²: signal strength of the class means'),
});

export const spikeParams = z
  .object({
    n: size('n', 1000).describe('Samples n'),
    d0: size('d0', 1000).describe('Input dimension d₀'),
    widths: z.array(size('width', 1000)).min(1, 'give at least one layer width').max(10, 'at most 10 layers').default([1200, 1000]).describe('Widths d₁…d_L'),
    activation: z.enum(ACTIVATIONS).default('tanh').describe('Activation σ (normalised: Eσ̃ = 0, Eσ̃² = 1)'),
    model: z.discriminatedUnion('type', [signalPlusNoiseModel, mixtureModel]).default({ type: 'signal-plus-noise', theta: [6], support: 'delocalised', supportSize: 20, labels: 'rademacher' }),
    repeats: z.number().int().min(1, 'repeats must be at least 1').max(200, 'repeats must be at most 200').default(5).describe('Independent draws averaged (alignment mean ± stderr)'),
    bins: z.number().int().min(10).max(400).default(60).describe('Histogram bins per layer (first repeat)'),
  })
  .superRefine((p, ctx) => {
    if (p.model.type === 'signal-plus-noise') {
      const r = p.model.theta.length;
      if (p.model.support === 'localised' && r * p.model.supportSize > p.n) {
        ctx.addIssue({ code: 'custom', path: ['model', 'supportSize'], message: `${r} localised spikes × ${p.model.supportSize} samples exceed n = ${p.n}; lower supportSize or the number of spikes` });
      }
      if (r >= p.n || r >= p.d0) ctx.addIssue({ code: 'custom', path: ['model', 'theta'], message: `${r} spikes need fewer than n = ${p.n} samples and d₀ = ${p.d0} dimensions` });
    } else {
      const sum = p.model.proportions.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['model', 'proportions'], message: `proportions must sum to 1 (they sum to ${sum.toPrecision(6)})` });
      if (p.model.proportions.length > p.n) ctx.addIssue({ code: 'custom', path: ['model', 'proportions'], message: `more classes than samples (n = ${p.n})` });
    }
    const dims = [p.d0, ...p.widths];
    if (![p.n, ...dims].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_SIZE)) return;
    const bytes = spikeMemory(p.n, dims);
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['n'], message: `these sizes need about ${formatBytes(bytes)} (weights, activations and n×n kernels in float64); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n or the widths.` });
    }
  });

export type SpikeParams = z.infer<typeof spikeParams>;

/** Largest W_ℓ, two consecutive activations, a Gram and its eigen workspace. */
export function spikeMemory(n: number, dims: number[]): number {
  let worst = 0;
  for (let l = 1; l < dims.length; l++) worst = Math.max(worst, dims[l] * dims[l - 1] + (dims[l] + dims[l - 1]) * n);
  return 8 * (worst + 4 * n * n);
}

export interface SpikeLayerResult {
  [key: string]: unknown;
  layer: number;
  /** Eigenvalues of CK_ℓ (first repeat), ascending. */
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  theory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][] };
  /** Informative outliers above the edge (mean over repeats of the k-th largest, k = 1..count). */
  outliers: { mean: number[]; stderr: number[]; count: number; countPerRepeat: number[] };
  /** The c₂ ≠ 0 outlier, when present: mean location and squared overlap with span{1/√n, centred diag CK_ℓ}. */
  uninformative: { location: number; onesOverlap: number } | null;
  predicted: { lambda: number; overlap: number; cumulativeOverlap: number; edge: number; populationSpike: number; lost: boolean };
  /** |⟨v̂_1, b_1⟩|² of the top informative eigenvector, mean ± stderr over repeats. */
  alignment: { mean: number; stderr: number };
  /** Σ_j |⟨v̂_j, b_k⟩|² over the top r informative eigenvectors, per spike k (subspace overlap). */
  subspaceOverlap: { mean: number[]; stderr: number[] };
  /** Top informative eigenvalue, mean ± stderr. */
  topEigenvalue: { mean: number; stderr: number };
}

export interface SpikeResult {
  [key: string]: unknown;
  activation: { name: string; b: number; a: number; c2: number };
  thetas: number[];
  gammas: number[];
  layers: SpikeLayerResult[];
  /** Smallest input θ for which the spike survives every layer. */
  threshold: number;
  /** First layer where the (top) spike is lost, or null when it survives. */
  lostAtLayer: number | null;
  perSpikeTheory: { theta: number; threshold: number; layers: SpikeLayer[] }[];
}

const meanStd = (v: number[]): { mean: number; stderr: number } => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const s2 = v.length > 1 ? v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) : 0;
  return { mean: m, stderr: Math.sqrt(s2 / v.length) };
};

function histogram(eigs: Float64Array, lo: number, hi: number, bins: number, n: number) {
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  const w = (hi - lo) / bins;
  const density = new Float64Array(bins);
  for (const v of eigs) if (v >= lo && v <= hi) density[Math.min(bins - 1, Math.floor((v - lo) / w))] += 1 / (n * w);
  return { edges, density };
}

/** Bulk density of μ_ℓ on a grid (ℓ = 0: closed-form MP). */
function bulkTheory(layer: number, gamma0: number, b: number, gammas: number[]) {
  if (layer === 0) {
    const [lo, hi] = mpEdges(gamma0);
    const x = Float64Array.from({ length: 301 }, (_, i) => lo + ((hi - lo) * (1 - Math.cos((Math.PI * i) / 300))) / 2);
    return { x, density: x.map((v) => mpDensity(v, gamma0)), atoms: gamma0 > 1 ? [{ x: 0, mass: 1 - 1 / gamma0 }] : [], edges: [[lo, hi]] as [number, number][] };
  }
  const curve = ckDensityCurve({ mu0: mpMeasure(gamma0), b, gammas: gammas.slice(0, layer) }, { points: 400 });
  return { x: curve.x, density: curve.density, atoms: curve.atoms, edges: curve.edges };
}

export const spike: ComputationModule<SpikeParams, SpikeResult> = {
  kind: 'spike',
  title: 'Spikes through depth (BBP transitions)',
  description:
    'Nonlinear spiked covariance (Wang, Wu & Fan): the input carries low-rank signal — X = Σ √θ_k a_k b_kᵀ + Z or a Gaussian ' +
    'mixture — and a deep random network X_ℓ = σ̃(W_ℓX_{ℓ−1})/√d_ℓ carries it through its layers. Each conjugate kernel shows ' +
    'outlier eigenvalues while the spike is above the layer’s BBP threshold; the top eigenvector’s alignment with the signal ' +
    'decays layer by layer as predicted by the Gaussian-equivalent outlier map (MATH.md §5).',
  params: spikeParams,
  summarize: (p) =>
    `n=${p.n} d0=${p.d0} widths=${p.widths.join(',')} ${p.activation} ` +
    (p.model.type === 'mixture' ? `mixture×${p.model.proportions.length} θ=${p.model.theta}` : `θ=${p.model.theta.join(',')}${p.model.support === 'localised' ? ` on ${p.model.supportSize}` : ''}`) +
    ` ×${p.repeats}`,
  sweepMetrics: (r) => {
    const out: SweepMetric[] = [];
    for (const l of r.layers) {
      out.push({ series: `alignment layer ${l.layer}`, role: 'simulation', value: l.alignment.mean });
      out.push({ series: `alignment layer ${l.layer}`, role: 'theory', value: l.predicted.cumulativeOverlap });
      out.push({ series: `top eigenvalue layer ${l.layer}`, role: 'simulation', value: l.topEigenvalue.mean });
      out.push({ series: `top eigenvalue layer ${l.layer}`, role: 'theory', value: l.predicted.lost ? l.predicted.edge : l.predicted.lambda });
    }
    return out;
  },
  async run(p, ctx) {
    const { n, d0, widths } = p;
    const L = widths.length;
    const name = p.activation as ActivationName;
    const constants = activationConstants(name);
    const act = normalisedActivation(name);
    const gamma0 = n / d0;
    const gammas = widths.map((d) => n / d);
    const hasC2 = Math.abs(constants.c2) > 1e-6;
    const ones = 1 / Math.sqrt(n);

    // Per-repeat, per-layer measurements.
    type Measure = { top: number[]; align: number; subspace: number[]; uninformative: { location: number; onesOverlap: number } | null };
    const measures: Measure[][] = Array.from({ length: L + 1 }, () => []);
    const firstEigs: Float64Array[] = [];
    let thetas: number[] = [];
    let theory: ReturnType<typeof spikeTheory>[] = [];
    const steps = p.repeats * (L + 1);
    let done = 0;

    for (let rep = 0; rep < p.repeats; rep++) {
      const rng = ctx.rng.fork(`repeat-${rep}`);
      const input: SpikedInput = p.model.type === 'mixture'
        ? gaussianMixture(d0, n, { proportions: p.model.proportions, theta: p.model.theta }, rng.fork('input'))
        : signalPlusNoise(d0, n, p.model, rng.fork('input'));
      if (rep === 0) {
        thetas = input.thetas;
        theory = thetas.map((theta) => spikeTheory({ theta, gamma0, b: constants.b, gammas }));
      }
      const r = input.thetas.length;
      forwardPass(input.x, widths, act, rng.fork('network'), {
        keepGrams: false,
        signal: ctx.signal,
        onLayer: (layer, g) => {
          ctx.progress(done / steps, `repeat ${rep + 1}/${p.repeats}: layer ${layer} eigenvectors`);
          // Top r informative pairs plus room for the c₂ outlier (and one spare for stability).
          const k = Math.min(n, r + (hasC2 && layer > 0 ? 2 : 1));
          const top = eigTopK(g, k);
          const informative: number[] = [];
          let uninformative: Measure['uninformative'] = null;
          // Unit vector along the centred diagonal of CK_ℓ (orthogonal to 1/√n by construction).
          const dev = new Float64Array(n);
          let mean = 0, norm = 0;
          for (let i = 0; i < n; i++) mean += g.data[i * n + i] / n;
          for (let i = 0; i < n; i++) norm += (dev[i] = g.data[i * n + i] - mean) ** 2;
          norm = Math.sqrt(norm) || 1;
          for (let j = 0; j < k; j++) {
            let s = 0, t = 0;
            for (let i = 0; i < n; i++) {
              s += top.vectors.data[i * k + j];
              t += top.vectors.data[i * k + j] * dev[i];
            }
            const onesOverlap = (s * ones) ** 2 + (t / norm) ** 2;
            if (hasC2 && layer > 0 && onesOverlap > 0.5 && !uninformative) uninformative = { location: top.values[j], onesOverlap };
            else informative.push(j);
          }
          const overlapWith = (j: number, b: Float64Array) => {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += top.vectors.data[i * k + j] * b[i];
            return dot * dot;
          };
          const lead = informative.slice(0, r);
          measures[layer].push({
            top: lead.map((j) => top.values[j]),
            align: overlapWith(lead[0], input.signals[0]),
            subspace: input.signals.map((b) => lead.reduce((acc, j) => acc + overlapWith(j, b), 0)),
            uninformative,
          });
          if (rep === 0) firstEigs[layer] = eigvalsh(g);
          done++;
        },
      });
    }

    ctx.progress(0.97, 'theory');
    const main = theory[0];
    const layers: SpikeLayerResult[] = [];
    for (let l = 0; l <= L; l++) {
      const pl = main.layers[l];
      // Outlier threshold: theory edge plus a Tracy–Widom-scale margin 3·n^{−2/3}·E₊ (MATH.md §7.2).
      const cut = pl.edge * (1 + 3 * Math.pow(n, -2 / 3));
      const countPerRepeat = measures[l].map((m) => m.top.filter((v) => v > cut).length);
      const count = Math.max(0, ...countPerRepeat);
      const outMean: number[] = [], outErr: number[] = [];
      for (let j = 0; j < count; j++) {
        const s = meanStd(measures[l].map((m) => m.top[j] ?? NaN).filter(Number.isFinite));
        outMean.push(s.mean);
        outErr.push(s.stderr);
      }
      const un = measures[l].map((m) => m.uninformative).filter((u): u is NonNullable<typeof u> => u !== null);
      const eigs = firstEigs[l];
      const lo = Math.min(eigs[0], 0);
      const hi = Math.max(pl.edge * 1.15, eigs[eigs.length - 1] * 1.02);
      const subspace = input0Subspace(measures[l]);
      layers.push({
        layer: l,
        eigenvalues: eigs,
        histogram: histogram(eigs, lo, hi, p.bins, n),
        theory: bulkTheory(l, gamma0, constants.b, gammas),
        outliers: { mean: outMean, stderr: outErr, count, countPerRepeat },
        uninformative: un.length ? { location: meanStd(un.map((u) => u.location)).mean, onesOverlap: meanStd(un.map((u) => u.onesOverlap)).mean } : null,
        predicted: { lambda: pl.lambda, overlap: pl.overlap, cumulativeOverlap: pl.cumulativeOverlap, edge: pl.edge, populationSpike: pl.populationSpike, lost: pl.lost },
        alignment: meanStd(measures[l].map((m) => m.align)),
        subspaceOverlap: subspace,
        topEigenvalue: meanStd(measures[l].map((m) => m.top[0])),
      });
    }
    const lost = main.layers.find((x) => x.lost);
    ctx.progress(1, 'done');
    return {
      activation: { name, b: constants.b, a: constants.a, c2: constants.c2 },
      thetas,
      gammas: [gamma0, ...gammas],
      layers,
      threshold: main.inputThreshold,
      lostAtLayer: lost ? lost.layer : null,
      perSpikeTheory: theory.map((t, k) => ({ theta: thetas[k], threshold: t.inputThreshold, layers: t.layers })),
    };
  },
};

function input0Subspace(ms: { subspace: number[] }[]): { mean: number[]; stderr: number[] } {
  const r = ms[0]?.subspace.length ?? 0;
  const mean: number[] = [], stderr: number[] = [];
  for (let k = 0; k < r; k++) {
    const s = meanStd(ms.map((m) => m.subspace[k]));
    mean.push(s.mean);
    stderr.push(s.stderr);
  }
  return { mean, stderr };
}

/**
 * heavy-tail: conjugate kernels Y = f(WX) with heavy-tailed weights (Guionnet & Piccolo, arXiv
 * 2502.18428; MATH.md §8). W is symmetric α-stable (scaled d^{−1/α}), Student-t, Pareto-tailed or
 * sparse; X has light-tailed iid entries (not normalised by √d); f is bounded, smooth and odd. The
 * heavy tails correlate the entries of Y through the neuron gains s_r = ‖w_r‖, which no longer
 * concentrate, and change the spectrum of K = YᵀY/N fundamentally. Theory where it exists: the
 * Gaussian-weight limit (the ck-ntk recursion, MP(n/N) ⊠ ((1 − b²) + b²MP(n/d)), rescaled to f's
 * variance) as the baseline on every panel, and the first moment from the gains, m₁ = E_r τ(s_r) with
 * τ(s) = E f(sξ)² (exact given W for Gaussian X).
 */
import { z } from 'zod';
import { eigvalsh, gram, matmul } from '../../linalg/index.js';
import { ENTRY_DISTRIBUTIONS, fillEntries, type EntryDistribution } from '../../random/entryDistribution.js';
import { activationConstants, rawActivation, type ActivationName } from '../../rmt/activations.js';
import { gaussHermite } from '../../rmt/gaussHermite.js';
import { ckDensityCurve } from '../../rmt/ckDensityCurve.js';
import { cdfEvaluator } from '../../rmt/cdfFromDensity.js';
import { mpMeasure } from '../../rmt/spectralMeasure.js';
import { ksDistance } from '../../rmt/ksDistance.js';
import { hillEstimator } from '../../rmt/hillEstimator.js';
import { powerLawFit } from '../../rmt/powerLawFit.js';
import { MEMORY_BUDGET_BYTES, formatBytes, type ComputationModule, type SweepMetric } from '../ComputationModule.js';
import { drawWeights, gaussianEquivalentScale, type WeightSpec } from './heavyWeights.js';

const MAX_SIZE = 20_000;
const size = (name: string, fallback: number, what: string) =>
  z.number().int(`${name} must be a whole number`).min(2, `${name} must be at least 2`).max(MAX_SIZE, `${name} must be at most ${MAX_SIZE}`).default(fallback).describe(what);
export const HEAVY_TAIL_ACTIVATIONS = ['tanh', 'erf', 'arctan', 'sin'] as const;

const weightsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alpha-stable'), alpha: z.number().gt(0, 'α must be in (0, 2]').max(2, 'α must be in (0, 2]').default(1.5).describe('Stability index α: characteristic function exp(−|t|^α), scaled d^(−1/α)') }),
  z.object({ type: z.literal('gaussian') }),
  z.object({ type: z.literal('student-t'), nu: z.number().gt(0, 'ν must be positive').max(1000).default(3).describe('Degrees of freedom ν') }),
  z.object({ type: z.literal('pareto'), alpha: z.number().gt(0, 'the tail index must be positive').max(100).default(1.5).describe('Tail index: P(|W| > x) = (1 + x)^(−α)') }),
  z.object({ type: z.literal('sparse'), c: z.number().gt(0, 'c must be positive (expected non-zeros per row)').default(5).describe('Expected non-zeros per row: Bernoulli(c/d) mask × N(0,1)') }),
]);

export const heavyTailParams = z
  .object({
    n: size('n', 800, 'Samples n (K is n×n)'),
    d: size('d', 800, 'Input dimension d'),
    N: size('N', 800, 'Neurons N (rows of W)'),
    weights: weightsSchema.default({ type: 'alpha-stable', alpha: 1.5 }),
    input: z.enum(ENTRY_DISTRIBUTIONS as unknown as ['gaussian', 'rademacher', 'uniform']).default('gaussian').describe('Law of the entries of X (unit variance, not scaled by √d)'),
    f: z.enum(HEAVY_TAIL_ACTIVATIONS).default('tanh').describe('Odd bounded activation f'),
    normalise: z.boolean().default(false).describe('Use the normalised f̃ = f/sd (Eξ f̃² = 1) instead of raw f'),
    repeats: z.number().int().min(1, 'repeats must be at least 1').max(100).default(3).describe('Independent draws: moments mean ± stderr'),
    bins: z.number().int().min(10).max(400).default(80),
  })
  .superRefine((p, ctx) => {
    if (p.weights.type === 'sparse' && p.weights.c > p.d) ctx.addIssue({ code: 'custom', path: ['weights', 'c'], message: `c must be at most d = ${p.d} (it is the expected number of non-zeros per row)` });
    if (![p.n, p.d, p.N].every((v) => Number.isInteger(v) && v >= 2 && v <= MAX_SIZE)) return;
    const bytes = 8 * (p.N * p.d + p.d * p.n + 2 * p.N * p.n + 3 * p.n * p.n + 3 * Math.min(p.N, p.d) ** 2);
    if (bytes > MEMORY_BUDGET_BYTES) ctx.addIssue({ code: 'custom', path: ['n'], message: `these sizes need about ${formatBytes(bytes)}; the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n, d or N.` });
  });

export type HeavyTailParams = z.infer<typeof heavyTailParams>;

export interface HeavyTailResult {
  [key: string]: unknown;
  /** Eigenvalues of K = YᵀY/N (first draw), ascending. */
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  /** (1/n) tr K^k, k = 1..6, mean ± stderr over draws. */
  moments: { k: number[]; mean: number[]; stderr: number[] };
  /** First moment predicted from the neuron gains, mean over draws. */
  firstMomentFromGains: number;
  topEigenvalues: number[];
  /** Neuron gains s_r = ‖w_r‖ (first draw) and their histogram. */
  /** Gains histogram; over log₁₀‖w_r‖ when they spread over more than a decade (heavy tails). */
  gains: { values: Float64Array; histogram: { edges: Float64Array; density: Float64Array }; log10: boolean };
  /** Nonzero eigenvalues of WᵀW (= those of WWᵀ), first draw, ascending. */
  weightEigenvalues: Float64Array;
  weightTail: { alpha: number; xmin: number; ks: number; nTail: number; hill: { k: number; tailIndex: number; densityExponent: number } | null; noHeavyTail: boolean } | null;
  kernelTail: { alpha: number; xmin: number; ks: number; nTail: number; noHeavyTail: boolean } | null;
  /** The Gaussian-weight (α = 2-type) limit at the matching variance, rescaled to f's scale. */
  baseline: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][]; b: number; scale: number; weightScale: number };
  /** KS distance to the baseline; meaningful when the weights have finite variance. */
  ksToBaseline: number;
  /** Median |(WX)_ij|: should not drift with d (scaling self-check of §8.1). */
  medianPreactivation: number;
}

/** E g(ξ), E g(ξ)², E ξg(ξ) for ξ ~ N(0,1) by 120-node Gauss–Hermite (smooth g). */
function gaussianMoments(g: (x: number) => number): { mean: number; second: number; stein: number } {
  const rule = gaussHermite(120);
  let mean = 0, second = 0, stein = 0;
  for (let i = 0; i < rule.nodes.length; i++) {
    const x = rule.nodes[i], w = rule.weights[i], v = g(x);
    mean += w * v;
    second += w * v * v;
    stein += w * x * v;
  }
  return { mean, second, stein };
}

function histogramOf(values: ArrayLike<number>, bins: number, lo: number, hi: number, total = values.length) {
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  const w = (hi - lo) / bins || 1;
  const density = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= lo && v <= hi) density[Math.min(bins - 1, Math.floor((v - lo) / w))] += 1 / (total * w);
  }
  return { edges, density };
}

const meanStderr = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const s2 = v.length > 1 ? v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) : 0;
  return { mean: m, stderr: Math.sqrt(s2 / v.length) };
};

export const heavyTail: ComputationModule<HeavyTailParams, HeavyTailResult> = {
  kind: 'heavy-tail',
  title: 'Heavy-tailed weights: conjugate kernel',
  description:
    'K = YᵀY/N for Y = f(WX) with heavy-tailed weights W — symmetric α-stable (scaled d^(−1/α)), Student-t, Pareto-tailed or sparse — ' +
    'light-tailed inputs X and an odd bounded f (Guionnet & Piccolo). Shows the ESD against the Gaussian-weight limit, the first six ' +
    'moments with errors over draws, the neuron gains ‖w_r‖ and the heavy-tailed ESD of WWᵀ with Hill and power-law fits (MATH.md §8, §7.2).',
  params: heavyTailParams,
  summarize: (p) => {
    const w = p.weights;
    const label = w.type === 'alpha-stable' ? `α=${w.alpha}` : w.type === 'student-t' ? `t(ν=${w.nu})` : w.type === 'pareto' ? `Pareto(${w.alpha})` : w.type === 'sparse' ? `sparse c=${w.c}` : 'gaussian';
    return `n=${p.n} d=${p.d} N=${p.N} ${label} ${p.f}${p.normalise ? '~' : ''} ×${p.repeats}`;
  },
  sweepMetrics: (r) => {
    const out: SweepMetric[] = r.moments.k.map((k, i) => ({ series: `moment m${k}`, role: 'simulation' as const, value: r.moments.mean[i] }));
    out.push({ series: 'moment m1', role: 'theory', value: r.firstMomentFromGains });
    out.push({ series: 'largest eigenvalue', role: 'simulation', value: r.topEigenvalues[0] });
    if (r.weightTail) out.push({ series: 'weight tail exponent', role: 'simulation', value: r.weightTail.alpha });
    out.push({ series: 'KS to Gaussian baseline', role: 'simulation', value: r.ksToBaseline });
    return out;
  },
  async run(p, ctx) {
    const { n, d, N } = p;
    const raw = rawActivation(p.f as ActivationName).f;
    const constants = activationConstants(p.f as ActivationName);
    // f as used: raw, or divided by its sd at unit variance (odd f: mean 0 already).
    const fScale = p.normalise ? 1 / constants.sd : 1;
    const f = (x: number) => fScale * raw(x);
    const tau = (s: number) => gaussianMoments((x) => f(s * x)).second;
    const spec = p.weights as WeightSpec;
    const kmax = 6;
    const momentDraws: number[][] = Array.from({ length: kmax }, () => []);
    const gainMoments: number[] = [];
    interface FirstDraw {
      eigenvalues: Float64Array;
      topEigenvalues: number[];
      gains: HeavyTailResult['gains'];
      weightEigenvalues: Float64Array;
      weightTail: HeavyTailResult['weightTail'];
      kernelTail: HeavyTailResult['kernelTail'];
      medianPreactivation: number;
    }
    let first: FirstDraw | null = null;

    for (let rep = 0; rep < p.repeats; rep++) {
      const rng = ctx.rng.fork(`repeat-${rep}`);
      const stage = (f0: number, what: string) => ctx.progress((rep + f0) / p.repeats * 0.95, `draw ${rep + 1}/${p.repeats}: ${what}`);
      stage(0, 'sampling W and X');
      const w = drawWeights(spec, N, d, rng.fork('W'));
      const x = new Float64Array(d * n);
      fillEntries(rng.fork('X'), p.input as EntryDistribution, x);
      stage(0.2, 'Y = f(WX)');
      const y = matmul({ rows: N, cols: d, data: w }, { rows: d, cols: n, data: x }).data;
      let median = NaN;
      if (rep === 0) {
        const sample = Float64Array.from({ length: Math.min(y.length, 20001) }, (_, i) => Math.abs(y[Math.floor((i * y.length) / Math.min(y.length, 20001))]));
        sample.sort();
        median = sample[sample.length >> 1];
      }
      let nonFinite = 0;
      for (let i = 0; i < y.length; i++) {
        y[i] = f(y[i]);
        if (!Number.isFinite(y[i])) nonFinite++;
      }
      if (nonFinite > 0) throw new Error(`f(WX) has ${nonFinite} non-finite entries; the weights overflowed float64`);
      stage(0.4, 'K = YᵀY/N');
      const k = gram({ rows: N, cols: n, data: y }, { alpha: 1 / N });
      stage(0.55, 'eigenvalues of K');
      const eig = eigvalsh(k);
      // Moments (1/n) tr K^k from the eigenvalues.
      for (let m = 1; m <= kmax; m++) {
        let s = 0;
        for (const v of eig) s += v ** m;
        momentDraws[m - 1].push(s / n);
      }
      // Gains s_r = ‖w_r‖ and the first moment they predict: (1/N) Σ_r τ(s_r).
      const gains = new Float64Array(N);
      for (let r = 0; r < N; r++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += w[r * d + j] ** 2;
        gains[r] = Math.sqrt(s);
      }
      // τ is smooth and the gains repeat little: evaluate per neuron (120 nodes × N, cheap).
      let m1 = 0;
      for (let r = 0; r < N; r++) m1 += tau(gains[r]);
      gainMoments.push(m1 / N);
      if (rep === 0) {
        stage(0.75, 'spectrum of WWᵀ and tail fits');
        // Nonzero eigenvalues of WWᵀ (N×N) equal those of WᵀW (d×d): diagonalise the smaller one.
        const wwT = N <= d
          ? matmul({ rows: N, cols: d, data: w }, { rows: N, cols: d, data: w }, { transB: true })
          : gram({ rows: N, cols: d, data: w });
        const weightEig = eigvalsh(wwT).filter((v) => v > 1e-12 * Math.max(1, Math.abs(wwT.data[0])));
        let weightTail: HeavyTailResult['weightTail'] = null;
        if (weightEig.length > 60) {
          const fit = powerLawFit(weightEig, { minTail: Math.max(10, Math.min(50, Math.floor(weightEig.length / 20))) });
          const kHill = Math.max(5, Math.floor(weightEig.length / 10));
          const hill = kHill < weightEig.length ? hillEstimator(weightEig, kHill) : null;
          weightTail = { alpha: fit.alpha, xmin: fit.xmin, ks: fit.D, nTail: fit.nTail, hill: hill && { k: hill.k, tailIndex: hill.tailIndex, densityExponent: hill.densityExponent }, noHeavyTail: fit.noHeavyTail };
        }
        const posEig = eig.filter((v) => v > 0);
        let kernelTail: HeavyTailResult['kernelTail'] = null;
        if (posEig.length > 60) {
          const fit = powerLawFit(posEig, { minTail: Math.max(10, Math.min(50, Math.floor(posEig.length / 20))) });
          kernelTail = { alpha: fit.alpha, xmin: fit.xmin, ks: fit.D, nTail: fit.nTail, noHeavyTail: fit.noHeavyTail };
        }
        const gs = Float64Array.from(gains).sort();
        const log10 = gs[0] > 0 && gs[gs.length - 1] / gs[gs.length >> 1] > 10;
        const hv = log10 ? gs.map(Math.log10) : gs;
        first = {
          eigenvalues: eig,
          topEigenvalues: Array.from(eig.slice(-5)).reverse(),
          gains: { values: gains, histogram: histogramOf(hv, 40, hv[0], hv[hv.length - 1] + 1e-9 * Math.max(1, Math.abs(hv[hv.length - 1]))), log10 },
          weightEigenvalues: weightEig,
          weightTail,
          kernelTail,
          medianPreactivation: median,
        };
      }
    }

    ctx.progress(0.96, 'Gaussian-weight baseline');
    // Baseline: weights N(0, s²)/√d with the Gaussian-equivalent s (√2 for α-stable at α = 2, else 1).
    // Then (WX)_ij ≈ N(0, s²) and K = c²·CK₁ with CK₁ the normalised-activation kernel of g(x) = f(sx),
    // whose law is MP(n/N) ⊠ ((1 − b_g²) + b_g² MP(n/d)) (MATH.md §2.1; odd f, so E g = 0).
    const s = gaussianEquivalentScale(spec) ?? 1;
    const gm = gaussianMoments((x) => f(s * x));
    const c2 = gm.second - gm.mean ** 2;
    const bg = gm.stein / Math.sqrt(c2);
    const curve = ckDensityCurve({ mu0: mpMeasure(n / d), b: bg, gammas: [n / N] }, { points: 500 });
    const baseline = {
      x: curve.x.map((v) => v * c2),
      density: curve.density.map((v) => v / c2),
      atoms: curve.atoms.map((a) => ({ x: a.x * c2, mass: a.mass })),
      edges: curve.edges.map(([a, b]) => [a * c2, b * c2] as [number, number]),
      b: bg,
      scale: c2,
      weightScale: s,
    };
    const cdf = cdfEvaluator(curve);
    const eig = first!.eigenvalues;
    const ksToBaseline = ksDistance(eig, (t) => cdf(t / c2));
    const top = eig[eig.length - 1];
    const hi = Math.max(top * 1.02, baseline.edges.length ? baseline.edges[baseline.edges.length - 1][1] * 1.05 : top);
    const moments = { k: [1, 2, 3, 4, 5, 6], mean: [] as number[], stderr: [] as number[] };
    for (let m = 0; m < kmax; m++) {
      const ms = meanStderr(momentDraws[m]);
      moments.mean.push(ms.mean);
      moments.stderr.push(ms.stderr);
    }
    ctx.progress(1, 'done');
    return {
      ...first!,
      histogram: histogramOf(eig, p.bins, Math.min(0, eig[0]), hi, n),
      moments,
      firstMomentFromGains: meanStderr(gainMoments).mean,
      baseline,
      ksToBaseline,
    };
  },
};

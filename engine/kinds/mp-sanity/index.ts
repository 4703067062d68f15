/**
 * mp-sanity: the smallest theory-against-simulation check. X is d×n with iid zero-mean unit-variance
 * entries scaled by 1/√d; the ESD of XᵀX converges to the Marchenko–Pastur law with ratio γ = n/d
 * (Marchenko & Pastur 1967; MATH.md §2.1, the ν = δ₁ case of the MP map), including an atom of mass
 * 1 − 1/γ at 0 when γ > 1. Every later kind follows this template: zod params with bounds and a
 * memory estimate, a seeded simulation on the linalg kernels, the theory computed next to it, and
 * diagnostics (histogram L1 distance, KS distance, atom mass) in the result.
 */
import { z } from 'zod';
import { ENTRY_DISTRIBUTIONS, fillEntries } from '../../random/entryDistribution.js';
import { eigvalsh, gram } from '../../linalg/index.js';
import { MEMORY_BUDGET_BYTES, formatBytes, type ComputationModule } from '../ComputationModule.js';
import { edgeClusteredGrid, marchenkoPasturLaw } from './mpTheory.js';

const MAX_SIZE = 20_000;

export const mpSanityParams = z
  .object({
    n: z.number().int('n must be a whole number').min(2, 'n must be at least 2').max(MAX_SIZE, `n must be at most ${MAX_SIZE}`).default(1000)
      .describe('Samples n: columns of X; XᵀX is n×n'),
    d: z.number().int('d must be a whole number').min(1, 'd must be at least 1').max(MAX_SIZE, `d must be at most ${MAX_SIZE}`).default(2000)
      .describe('Dimension d: rows of X; γ = n/d'),
    entries: z.enum(ENTRY_DISTRIBUTIONS as unknown as ['gaussian', 'rademacher', 'uniform']).default('gaussian')
      .describe('Law of the entries of X (all have mean 0, variance 1 before the 1/√d scaling)'),
    bins: z.number().int('bins must be a whole number').min(10, 'bins must be at least 10').max(400, 'bins must be at most 400').default(50)
      .describe('Histogram bins over the bulk'),
  })
  .superRefine((p, ctx) => {
    // Sizes already refused by their own bounds get that one message, not a memory estimate too.
    if (!(Number.isInteger(p.n) && Number.isInteger(p.d) && p.n <= MAX_SIZE && p.d <= MAX_SIZE)) return;
    const bytes = mpSanityMemory(p.n, p.d);
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['n'],
        message: `n = ${p.n}, d = ${p.d} needs about ${formatBytes(bytes)} (X is d×n, XᵀX is n×n, float64); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n or d.`,
      });
    }
  });

export type MpSanityParams = z.infer<typeof mpSanityParams>;

/** X (d·n) + Gram (n²) + eigen workspace (~2n²), in bytes. */
export function mpSanityMemory(n: number, d: number): number {
  return 8 * (d * n + 3 * n * n);
}

export interface MpSanityResult {
  [key: string]: unknown;
  n: number;
  d: number;
  gamma: number;
  entries: string;
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  theory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][] };
  diagnostics: { l1: number; ks: number; atomMassEmpirical: number; atomMassTheory: number; maxEigenvalue: number; edgeTheory: number };
}

export const mpSanity: ComputationModule<MpSanityParams, MpSanityResult> = {
  kind: 'mp-sanity',
  title: 'Marchenko–Pastur sanity check',
  description:
    'Eigenvalues of XᵀX for a d×n matrix X with iid entries of variance 1/d, against the Marchenko–Pastur law ' +
    'with ratio γ = n/d (density and, when γ > 1, the atom 1 − 1/γ at zero). The smallest end-to-end check of ' +
    'the engine: if this histogram does not sit on the red curve, nothing else can be trusted.',
  params: mpSanityParams,
  summarize: (p) => `n=${p.n} d=${p.d} γ=${(p.n / p.d).toPrecision(3)} ${p.entries}`,
  sweepMetrics: (r) => [
    { series: 'largest eigenvalue', role: 'simulation', value: r.diagnostics.maxEigenvalue },
    { series: 'largest eigenvalue', role: 'theory', value: r.diagnostics.edgeTheory },
    { series: 'atom mass', role: 'simulation', value: r.diagnostics.atomMassEmpirical },
    { series: 'atom mass', role: 'theory', value: r.diagnostics.atomMassTheory },
    { series: 'KS distance', role: 'simulation', value: r.diagnostics.ks },
  ],
  async run(p, ctx) {
    const { n, d } = p;
    ctx.progress(0, 'sampling X');
    const x = new Float64Array(d * n);
    fillEntries(ctx.rng.fork('X'), p.entries, x, 1 / Math.sqrt(d));
    ctx.progress(0.2, 'forming XᵀX');
    const k = gram({ rows: d, cols: n, data: x });
    ctx.progress(0.4, 'eigenvalues');
    const eigenvalues = eigvalsh(k);
    ctx.progress(0.9, 'theory');
    const law = marchenkoPasturLaw(n / d);

    // Zero eigenvalues (rank n − d when n > d) are the atom; numerically they are O(ε·λmax).
    const top = eigenvalues[n - 1];
    const zeroTol = 1e-8 * Math.max(1, top);
    let zeros = 0;
    while (zeros < n && Math.abs(eigenvalues[zeros]) <= zeroTol) zeros++;

    // Histogram of the bulk over the theory support widened by 5% (finite-n edges spill slightly).
    const pad = 0.05 * (law.upper - law.lower);
    const lo = Math.max(zeros > 0 ? zeroTol : -Infinity, law.lower - pad);
    const hi = Math.max(law.upper + pad, top * (1 + 1e-9));
    const edges = new Float64Array(p.bins + 1);
    for (let i = 0; i <= p.bins; i++) edges[i] = lo + ((hi - lo) * i) / p.bins;
    const width = (hi - lo) / p.bins;
    const counts = new Float64Array(p.bins);
    for (let i = zeros; i < n; i++) {
      const b = Math.min(p.bins - 1, Math.max(0, Math.floor((eigenvalues[i] - lo) / width)));
      counts[b]++;
    }
    const density = counts.map((c) => c / (n * width));

    // L1 distance between the histogram density and the bin averages of the theory density.
    let l1 = 0;
    for (let b = 0; b < p.bins; b++) {
      const theoryAvg = (law.bulkCdf(edges[b + 1]) - law.bulkCdf(edges[b])) / width;
      l1 += Math.abs(density[b] - theoryAvg) * width;
    }
    // KS distance against the full CDF (atom included), evaluated on both sides of every jump.
    // The zero eigenvalues are one jump of the empirical CDF (0 → zeros/n) against the atom's jump.
    let ks = Math.abs(zeros / n - law.atom);
    for (let i = zeros; i < n; i++) {
      const f = law.bulkCdf(eigenvalues[i]) + law.atom;
      ks = Math.max(ks, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }

    const gridX = edgeClusteredGrid(law.lower, law.upper, 401);
    const gridDensity = gridX.map((v) => law.density(v));
    ctx.progress(1, 'done');
    return {
      n,
      d,
      gamma: n / d,
      entries: p.entries,
      eigenvalues,
      histogram: { edges, density },
      theory: {
        x: gridX,
        density: gridDensity,
        atoms: law.atom > 0 ? [{ x: 0, mass: law.atom }] : [],
        edges: [[law.lower, law.upper]],
      },
      diagnostics: {
        l1,
        ks,
        atomMassEmpirical: zeros / n,
        atomMassTheory: law.atom,
        maxEigenvalue: top,
        edgeTheory: law.upper,
      },
    };
  },
};

import { z } from 'zod';
import { importGraphPair } from '../../graphs/importGraphPair.js';
import { MEMORY_BUDGET_BYTES, formatBytes } from '../ComputationModule.js';

export const MATCHING_METHODS = ['grampa', 'topeig', 'umeyama', 'degree-profile', 'qp'] as const;
export type MatchingMethod = (typeof MATCHING_METHODS)[number];

export const SWEEP_PARAMS = ['sigma', 'delta', 'n', 'q', 'eta'] as const;
export type SweepParam = (typeof SWEEP_PARAMS)[number];

/** Vertices an imported or simulated graph may have before any memory estimate is made. */
export const MAX_VERTICES = 20_000;

/**
 * Float64 n×n matrices alive at once: A, B, Ā, B̄, U, V, eigen workspace (2), C, U·diag(ũ), V·diag(ṽ),
 * the GEMM intermediate and X̂ — 13; the QP adds X, R, ∇, S and two GEMM outputs — 19; the degree
 * profile's similarity and profiles — one more. 20 · 8n² bytes is the bound used for refusal.
 */
export function matchingMemory(n: number): number {
  return 20 * 8 * n * n;
}

/** Largest n whose matching fits in the memory budget. */
export const MAX_MEMORY_VERTICES = Math.floor(Math.sqrt(MEMORY_BUDGET_BYTES / 160));

/** Imported graphs are refused while being read, before an n×n matrix is allocated. */
export const IMPORT_LIMITS = {
  maxVertices: MAX_MEMORY_VERTICES,
  limitNote: `matching n vertices needs about 20 dense n×n float64 matrices, ${formatBytes(matchingMemory(MAX_MEMORY_VERTICES))} at the limit; the budget is ${formatBytes(MEMORY_BUDGET_BYTES)}`,
};

const whole = (name: string, min: number, max: number) =>
  z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);

const gaussianModel = z
  .object({
    type: z.literal('gaussian'),
    n: whole('n', 2, MAX_VERTICES).default(500).describe('Vertices n of each graph'),
    sigma: z.number({ error: 'sigma must be a number' }).min(0, 'sigma must be ≥ 0 (0 = isomorphic graphs)').max(10, 'sigma must be at most 10').default(0.2)
      .describe('Noise σ: B = Π(A + σZ)Πᵀ with A, Z independent GOE(n)'),
  })
  .describe('Correlated Gaussian Wigner model (MATH.md §9.1)');

const erdosRenyiModel = z
  .object({
    type: z.literal('erdos-renyi'),
    n: whole('n', 2, MAX_VERTICES).default(500).describe('Vertices n of each graph'),
    q: z.number({ error: 'q must be a number' }).default(0.1).describe('Edge probability q of each graph, in (0, 1)'),
    delta: z.number({ error: 'delta must be a number' }).default(0.05).describe('Fraction of differing edges δ: P[A_ij = B_ij = 1] = (1 − δ)q, in [0, 1] with δq ≤ 1 − q'),
  })
  .superRefine((m, ctx) => {
    for (const issue of erdosRenyiIssues(m.q, m.delta)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  })
  .describe('Correlated Erdős–Rényi model, exact sampler (MATH.md §9.1)');

const importedModel = z
  .object({
    type: z.literal('imported'),
    graphA: z.string({ error: 'graphA must be the text of an edge list or adjacency CSV' }).meta({ contentMediaType: 'text/plain' }).describe('Text of graph A: "i j" per line, or an n×n adjacency CSV'),
    graphB: z.string({ error: 'graphB must be the text of an edge list or adjacency CSV' }).meta({ contentMediaType: 'text/plain' }).describe('Text of graph B, same format as graph A'),
    format: z.enum(['auto', 'edges', 'csv']).default('auto').describe("'auto': CSV if the first data line has more than 3 fields, else an edge list"),
    indexBase: z.union([z.literal(0), z.literal(1)], { error: 'indexBase must be 0 or 1' }).default(0).describe('First vertex index in edge lists and the truth file'),
    truth: z.string().meta({ contentMediaType: 'text/plain' }).optional().describe('Optional ground truth: "i j" per line, vertex i of A is vertex j of B (may be partial)'),
    pad: z.boolean().default(false).describe('If the graphs differ in size: pad the smaller with isolated vertices (true) or refuse (false)'),
  })
  .superRefine((m, ctx) => {
    const r = importGraphPair(m, IMPORT_LIMITS);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: [r.field], message: r.message });
  })
  .describe('Your own pair of graphs');

/** Messages for the Erdős–Rényi parameters (MATH.md §9.1's sampler needs q ∈ (0, 1), δ ∈ [0, 1], δq ≤ 1 − q). */
export function erdosRenyiIssues(q: number, delta: number): { field: 'q' | 'delta'; message: string }[] {
  const out: { field: 'q' | 'delta'; message: string }[] = [];
  if (!(q > 0 && q < 1)) out.push({ field: 'q', message: `q must be strictly between 0 and 1 (it is the edge probability), got ${q}` });
  if (!(delta >= 0 && delta <= 1)) out.push({ field: 'delta', message: `delta must be between 0 and 1 (it is the fraction of differing edges), got ${delta}` });
  if (out.length === 0 && delta * q > 1 - q) {
    out.push({
      field: 'delta',
      message: `delta·q = ${fmt(delta * q)} exceeds 1 − q = ${fmt(1 - q)}: B would need more edges than its non-edges allow. Lower delta to at most (1 − q)/q = ${fmt((1 - q) / q)} or lower q`,
    });
  }
  return out;
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

export const matchingParams = z
  .object({
    model: z.discriminatedUnion('type', [gaussianModel, erdosRenyiModel, importedModel], {
      error: "model.type must be 'gaussian', 'erdos-renyi' or 'imported'",
    }).default({ type: 'gaussian', n: 500, sigma: 0.2 }),
    methods: z.array(z.enum(MATCHING_METHODS, { error: `each method must be one of ${MATCHING_METHODS.join(', ')}` }))
      .min(1, 'methods must list at least one method')
      .default(['grampa', 'topeig', 'umeyama'])
      .describe('Matching methods to run on every pair'),
    eta: z.number({ error: 'eta must be a number' }).gt(0, 'eta must be positive (the Cauchy kernel width; 0.2 is the authors’ choice)').max(100, 'eta must be at most 100').default(0.2)
      .describe('GRAMPA bandwidth η on the normalised scale (spectrum in [−2, 2])'),
    rounding: z.enum(['lap', 'greedy'], { error: "rounding must be 'lap' (exact linear assignment) or 'greedy'" }).default('lap')
      .describe('Similarity → permutation: exact linear assignment or greedy (MATH.md §9.4)'),
    repeats: whole('repeats', 1, 500).default(1).describe('Independent pairs per setting (mean ± standard error)'),
    qpIterations: whole('qpIterations', 1, 2000).default(100).describe('Frank–Wolfe iterations of the doubly stochastic QP'),
    sweep: z
      .object({
        param: z.enum(SWEEP_PARAMS, { error: `sweep.param must be one of ${SWEEP_PARAMS.join(', ')}` }),
        values: z.array(z.number({ error: 'sweep values must be numbers' })).min(1, 'sweep.values must have at least one value').max(100, 'sweep.values may have at most 100 values'),
      })
      .optional()
      .describe('Recovery curves: every method at each value of one parameter'),
    heatmap: z.boolean().default(true).describe('Keep GRAMPA’s similarity matrix as a heatmap when n ≤ 200'),
  })
  .superRefine((p, ctx) => {
    const model = p.model;
    const ns: number[] = [];
    if (model.type !== 'imported') ns.push(model.n);
    if (p.sweep) {
      const { param, values } = p.sweep;
      const needs: Record<SweepParam, string | null> = { sigma: 'gaussian', delta: 'erdos-renyi', q: 'erdos-renyi', n: null, eta: null };
      const want = needs[param];
      if (want && model.type !== want) {
        ctx.addIssue({ code: 'custom', path: ['sweep', 'param'], message: `sweeping ${param} needs model.type '${want}', but the model is '${model.type}'` });
        return;
      }
      if (param === 'n' && model.type === 'imported') {
        ctx.addIssue({ code: 'custom', path: ['sweep', 'param'], message: 'sweeping n needs a simulated model (gaussian or erdos-renyi); imported graphs have a fixed size' });
        return;
      }
      values.forEach((v, i) => {
        const path = ['sweep', 'values', i];
        const bad = (message: string) => ctx.addIssue({ code: 'custom', path, message });
        if (!Number.isFinite(v)) return bad(`sweep value ${v} is not a finite number`);
        if (param === 'sigma' && !(v >= 0 && v <= 10)) bad(`sigma values must be in [0, 10], got ${v}`);
        if (param === 'eta' && !(v > 0 && v <= 100)) bad(`eta values must be in (0, 100], got ${v}`);
        if (param === 'n') {
          if (!(Number.isInteger(v) && v >= 2 && v <= MAX_VERTICES)) bad(`n values must be whole numbers in [2, ${MAX_VERTICES}], got ${v}`);
          else ns.push(v);
        }
        if ((param === 'q' || param === 'delta') && model.type === 'erdos-renyi') {
          const q = param === 'q' ? v : model.q;
          const d = param === 'delta' ? v : model.delta;
          for (const issue of erdosRenyiIssues(q, d)) bad(`at ${param} = ${v}: ${issue.message}`);
        }
      });
    }
    const n = Math.max(0, ...ns);
    const bytes = matchingMemory(n);
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: p.sweep?.param === 'n' ? ['sweep', 'values'] : ['model', 'n'],
        message: `n = ${n} needs about ${formatBytes(bytes)} (about 20 dense n×n float64 matrices: graphs, eigenvectors, similarity, QP state); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n to at most ${MAX_MEMORY_VERTICES}.`,
      });
    }
  });

export type MatchingParams = z.infer<typeof matchingParams>;
export type MatchingModel = MatchingParams['model'];

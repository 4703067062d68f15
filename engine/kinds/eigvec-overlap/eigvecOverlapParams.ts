import { z } from 'zod';
import { MEMORY_BUDGET_BYTES, formatBytes } from '../ComputationModule.js';

const MAX_N = 20_000;

const whole = (name: string, min: number, max: number) =>
  z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);

/** A, Z, B, U, V, eigen workspace (2) and the selected rows of UᵀV: about 8 n×n float64 matrices. */
export function eigvecOverlapMemory(n: number): number {
  return 8 * 8 * n * n;
}

export const eigvecOverlapParams = z
  .object({
    variant: z.enum(['stationary', 'additive'], { error: "variant must be 'stationary' (B = √(1−t)A + √t Z) or 'additive' (B = A + √t Z)" }).default('stationary')
      .describe('Dyson Brownian motion variant (MATH.md §10.1)'),
    n: whole('n', 10, MAX_N).default(1000).describe('Matrix size n (GOE, semicircle on [−2, 2]); needs n·t ≫ 1'),
    t: z.number({ error: 't must be a number' }).gt(0, 't must be positive (the Brownian time)').max(10, 't must be at most 10').default(0.02)
      .describe('Time t: B is A after Brownian motion of variance t per entry (scaled like the GOE)'),
    window: z.number({ error: 'window must be a number' }).gt(0, 'window must be positive').max(2, 'window must be at most 2 (the spectrum ends at ±2)').default(0.3)
      .describe('Rows i with |λ_i| < window enter the profile (a bulk window)'),
    range: z.number({ error: 'range must be a number' }).gt(0, 'range must be positive').max(100, 'range must be at most 100').default(6)
      .describe('The profile covers λ_i − μ_j ∈ [−range·t, range·t]'),
    bins: whole('bins', 3, 1000).default(37).describe('Bins of λ_i − μ_j (odd: one bin is centred at 0); width ≤ t/3 resolves the peak'),
    draws: whole('draws', 1, 200).default(3).describe('Independent (A, Z) draws averaged'),
    perIndex: z
      .object({
        n: whole('perIndex.n', 10, MAX_N).default(500).describe('Vertices of the Erdős–Rényi pair'),
        p: z.number({ error: 'perIndex.p must be a number' }).default(0.5).describe('Edge probability p, in (0, 1)'),
        delta: z.number({ error: 'perIndex.delta must be a number' }).default(0.01).describe('Fraction of differing edges δ, in [0, 1] with δp ≤ 1 − p'),
        i: whole('perIndex.i', 1, MAX_N).default(100).describe('Index i of u_i, counted from the largest eigenvalue (1 = Perron vector)'),
        halfWidth: whole('perIndex.halfWidth', 1, 500).default(20).describe('j runs over i − halfWidth … i + halfWidth'),
        draws: whole('perIndex.draws', 1, 2000).default(20).describe('Independent pairs averaged'),
      })
      .superRefine((q, ctx) => {
        if (!(q.p > 0 && q.p < 1)) ctx.addIssue({ code: 'custom', path: ['p'], message: `p must be strictly between 0 and 1 (the edge probability), got ${q.p}` });
        else if (!(q.delta >= 0 && q.delta <= 1)) ctx.addIssue({ code: 'custom', path: ['delta'], message: `delta must be between 0 and 1 (the fraction of differing edges), got ${q.delta}` });
        else if (q.delta * q.p > 1 - q.p) ctx.addIssue({ code: 'custom', path: ['delta'], message: `delta·p = ${q.delta * q.p} exceeds 1 − p = ${1 - q.p}; lower delta to at most ${((1 - q.p) / q.p).toPrecision(6)}` });
        if (q.i > q.n) ctx.addIssue({ code: 'custom', path: ['i'], message: `i = ${q.i} exceeds n = ${q.n}: pick an eigenvector index between 1 and n` });
      })
      .nullable()
      .default({ n: 500, p: 0.5, delta: 0.01, i: 100, halfWidth: 20, draws: 20 })
      .describe('The seed slides’ per-index overlaps ⟨u_i, v_j⟩² for a correlated Erdős–Rényi pair; null to skip'),
  })
  .superRefine((p, ctx) => {
    if (p.variant === 'stationary' && p.t > 1) {
      ctx.addIssue({ code: 'custom', path: ['t'], message: `the stationary variant needs t ≤ 1 (B = √(1−t)A + √t Z), got ${p.t}; use the additive variant for larger t` });
    }
    const n = Math.max(p.n, p.perIndex?.n ?? 0);
    const bytes = eigvecOverlapMemory(n);
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({ code: 'custom', path: [p.n >= n ? 'n' : 'perIndex'], message: `n = ${n} needs about ${formatBytes(bytes)} (about 8 dense n×n float64 matrices); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n.` });
    }
  });

export type EigvecOverlapParams = z.infer<typeof eigvecOverlapParams>;

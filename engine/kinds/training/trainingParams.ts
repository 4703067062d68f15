/**
 * Parameters of the training kind: the single source of validation for the form, the API and the CLI.
 * Every message names the field and says how to fix it. Sizes are checked against their own bounds
 * first; only a parameter set whose sizes are legal gets the cross-field checks and the memory estimate.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../../rmt/activations.js';
import { PARAMETERISATIONS } from '../../train/parameterisation.js';
import { MEMORY_BUDGET_BYTES, formatBytes } from '../ComputationModule.js';

export const MAX_N = 20_000;
export const MAX_WIDTH = 20_000;
export const MAX_LAYERS = 8;
export const MAX_STEPS = 100_000;
export const MAX_NTK_PROBE = 200;

const size = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max.toLocaleString('en-US')}`);

/** A positive finite number; NaN, ±Infinity, 0 and negatives each get a message that says what to use. */
const positive = (name: string, example: string) =>
  z
    .number({ error: (iss) => (iss.input !== undefined && Number.isNaN(iss.input) ? `${name} is NaN; use a positive number such as ${example}` : `${name} must be a number, e.g. ${example}`) })
    .refine((v) => Number.isFinite(v), { message: `${name} must be finite; use a positive number such as ${example}` })
    .refine((v) => v > 0, { message: `${name} must be > 0; use a positive number such as ${example}` });

const fraction = (name: string, dflt: number) =>
  z.number({ error: `${name} must be a number` }).min(0, `${name} must be in [0, 1)`).lt(1, `${name} must be in [0, 1)`).default(dflt);

const scheduleSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('constant') }),
    z.object({
      type: z.literal('step'),
      every: size('optimizer.schedule.every', 1, MAX_STEPS).default(50).describe('Multiply the learning rate by `factor` every this many steps'),
      factor: z.number({ error: 'optimizer.schedule.factor must be a number' }).gt(0, 'optimizer.schedule.factor must be in (0, 1]').max(1, 'optimizer.schedule.factor must be in (0, 1]').default(0.5),
    }),
  ])
  .default({ type: 'constant' })
  .describe('Learning-rate schedule: constant, or step decay η·factor^⌊t/every⌋');

const lr = positive('optimizer.lr', '0.1').describe('Learning rate η (per parameterisation scaling, see the description)');

const optimizerSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('gd'), lr: lr.default(0.5), schedule: scheduleSchema }).describe('Full-batch gradient descent'),
    z
      .object({ type: z.literal('sgd'), lr: lr.default(0.1), batch: size('optimizer.batch', 1, MAX_N).default(64).describe('Minibatch size (≤ n); batches are drawn without replacement, reshuffled every epoch'), schedule: scheduleSchema })
      .describe('Minibatch SGD'),
    z
      .object({
        type: z.literal('adam'),
        lr: lr.default(1e-3),
        batch: size('optimizer.batch', 1, MAX_N).optional().describe('Minibatch size; omit for full batch'),
        beta1: fraction('optimizer.beta1', 0.9).describe('β₁, first-moment decay'),
        beta2: fraction('optimizer.beta2', 0.999).describe('β₂, second-moment decay'),
        eps: positive('optimizer.eps', '1e-8').default(1e-8).describe('ε in the denominator'),
        schedule: scheduleSchema,
      })
      .describe('Adam (Kingma & Ba) with bias correction'),
  ])
  .default({ type: 'gd', lr: 0.5, schedule: { type: 'constant' } });

const targetSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('single-index'),
      link: z.enum(ACTIVATIONS).default('tanh').describe('Teacher link σ* (raw, not normalised)'),
      noise: z.number({ error: 'target.noise must be a number' }).min(0, 'target.noise must be ≥ 0').max(100, 'target.noise must be at most 100').default(0).describe('Label noise sd σ_ε'),
    }),
    z.object({
      type: z.literal('gaussian-mixture'),
      separation: z.number({ error: 'target.separation must be a number' }).min(0, 'target.separation must be ≥ 0').max(1000, 'target.separation must be at most 1000').default(2).describe('‖class mean‖ in units of the per-coordinate noise (before the 1/√d scaling)'),
    }),
  ])
  .default({ type: 'single-index', link: 'tanh', noise: 0 })
  .describe('Targets: single-index teacher y = σ*(⟨β, g⟩) + noise, or two-class Gaussian-mixture labels ±1');

export const trainingParams = z
  .object({
    mode: z.enum(['train', 'one-step']).default('train').describe('train: the spectra over training (MATH §7); one-step: one large step on W₁ then ridge on the second layer (MATH §6, N = widths[0])'),
    n: size('n', 2, MAX_N).default(500).describe('Training samples n'),
    nTest: size('nTest', 2, MAX_N).default(500).describe('Test samples (test loss, test-input CK, one-step CK alignment)'),
    d: size('d', 1, MAX_WIDTH).default(400).describe('Input dimension d = d₀'),
    widths: z
      .array(size('every width', 1, MAX_WIDTH))
      .min(1, 'widths: give at least one hidden layer width')
      .max(MAX_LAYERS, `widths: at most ${MAX_LAYERS} layers`)
      .default([400, 400])
      .describe('Hidden widths d₁…d_L (one-step mode uses widths[0] as N)'),
    activation: z.enum(ACTIVATIONS).default('tanh').describe('σ, normalised to σ̃ = (σ − Eσ(ξ))/sd σ(ξ)'),
    parameterisation: z.enum(PARAMETERISATIONS).default('ntk').describe('ntk, standard (trained θ = W/√fan_in) or mean-field (1/width readout)'),
    target: targetSchema,
    optimizer: optimizerSchema,
    steps: size('steps', 0, MAX_STEPS).default(100).describe('Optimiser updates'),
    snapshots: z
      .array(size('every snapshot step', 0, MAX_STEPS))
      .min(1, 'snapshots: give at least one step')
      .max(200, 'snapshots: at most 200 steps')
      .optional()
      .describe('Steps at which spectra are recorded (0 = initialisation); default [0, steps/2, steps]'),
    ntkProbe: size('ntkProbe', 0, MAX_NTK_PROBE).default(100).describe('Probe samples for the NTK (≤ 200; 0 = no NTK)'),
    ckSamples: size('ckSamples', 2, MAX_N).default(1000).describe('CK on at most this many training samples (the first ones)'),
    topK: size('topK', 1, 50).default(10).describe('Top eigenvalues reported, and k for the label variance explained'),
    ridge: positive('ridge', '0.01').default(0.01).describe('one-step mode: ridge λ for the second layer'),
  })
  .superRefine((p, ctx) => {
    const sizesOk = [p.n, p.nTest, p.d, ...p.widths].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_WIDTH) && p.n <= MAX_N && p.nTest <= MAX_N;
    if (p.mode === 'train') {
      const batch = p.optimizer.type === 'gd' ? undefined : p.optimizer.batch;
      if (batch !== undefined && Number.isInteger(p.n) && batch > p.n) {
        ctx.addIssue({ code: 'custom', path: ['optimizer', 'batch'], message: `optimizer.batch = ${batch} is larger than the data (n = ${p.n}); use a batch of at most ${p.n}, or optimizer.type "gd" for full batch` });
      }
      if (p.snapshots && Number.isInteger(p.steps)) {
        const beyond = p.snapshots.filter((s) => s > p.steps);
        if (beyond.length > 0) {
          ctx.addIssue({ code: 'custom', path: ['snapshots'], message: `snapshots ${beyond.join(', ')} ${beyond.length === 1 ? 'is' : 'are'} beyond the step count (steps = ${p.steps}); use steps between 0 and ${p.steps}, or raise steps` });
        }
      }
    }
    if (!sizesOk) return;
    const bytes = trainingMemory(p);
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['n'],
        message: `n = ${p.n}, d = ${p.d}, widths = [${p.widths.join(', ')}] needs about ${formatBytes(bytes)} (weights, optimiser state, activations and n×n kernels, float64); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n, ckSamples or the widths.`,
      });
    }
  });

export type TrainingParams = z.infer<typeof trainingParams>;

/** Rough peak bytes; the largest terms only (they dominate by orders of magnitude). */
export function trainingMemory(p: Pick<TrainingParams, 'mode' | 'n' | 'nTest' | 'd' | 'widths' | 'ckSamples' | 'optimizer' | 'ntkProbe'>): number {
  if (p.mode === 'one-step') {
    const N = p.widths[0];
    return 8 * (4 * p.n * N + 2 * p.n * p.d + 5 * p.d * N + 3 * p.nTest * p.nTest + 3 * p.nTest * N + 4 * N * N + p.nTest * p.d);
  }
  const dims = [p.d, ...p.widths];
  let params = 0;
  let width = 0;
  for (let l = 1; l < dims.length; l++) {
    params += dims[l] * dims[l - 1];
    width += dims[l];
  }
  const copies = p.optimizer.type === 'adam' ? 6 : 4; // weights, gradients, a second init for the noise floor, Adam's two moments
  const nCk = Math.min(p.n, p.ckSamples);
  const kernels = 4 * (nCk * nCk + p.nTest * p.nTest) + 6 * p.ntkProbe * p.ntkProbe;
  const activations = 3 * Math.max(p.n, p.nTest) * width + (p.n + p.nTest) * p.d;
  return 8 * (copies * params + kernels + activations);
}

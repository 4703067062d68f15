/**
 * Parameters of the ck-ntk kind: the single source of validation for the form, the API and the CLI.
 * Sizes are checked against their own bounds first; only a parameter set whose sizes are all legal gets
 * the memory estimate (as mp-sanity does), so a user sees one message per mistake.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../../rmt/activations.js';
import { matrixShape, type ImportedMatrix, type MatrixIssue } from '../../nn/importedMatrix.js';
import { isImported, resolveImported, type ImportInput } from './importedInput.js';
import { MEMORY_BUDGET_BYTES, formatBytes } from '../ComputationModule.js';

export const MAX_N = 20_000;
export const MAX_D0 = 200_000;
/** The ultra-wide regime needs d_1 ≫ n; K is accumulated in chunks of W's rows, so d_1 costs time, not memory. */
export const MAX_WIDTH = 2_000_000;
export const MAX_LAYERS = 10;

const size = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max.toLocaleString('en-US')}`);

const gaussianInputSchema = z.object({ type: z.literal('gaussian') }).describe('iid N(0, 1/d₀) entries: μ₀ = MP(n/d₀) in closed form');

const mixtureInputSchema = z
  .object({
    type: z.literal('mixture'),
    classes: size('classes', 1, 50).default(2).describe('Number of balanced classes k (sample i is in class i mod k)'),
    theta: z.number().min(0, 'theta must be ≥ 0').max(1e4, 'theta must be at most 10000').default(4).describe('Signal strength θ: class means √(θ/n)·u_c with random unit u_c'),
  })
  .describe('Gaussian mixture x_i = μ_c(i) + z_i (MATH.md §5.1(B)); μ₀ = empirical spectrum of XᵀX');

const preprocessing = {
  orientation: z.enum(['samples-as-rows', 'samples-as-columns']).default('samples-as-rows').describe('Whether each row or each column is one sample'),
  centre: z.boolean().default(true).describe('Subtract the mean sample'),
  unitNorm: z.boolean().default(true).describe('Rescale every sample to unit norm (the Fan–Wang normalisation); otherwise one global scale so that tr XᵀX = n'),
  removeTopPCs: z.number().int('removeTopPCs must be a whole number').min(0, 'removeTopPCs must be at least 0').max(100, 'removeTopPCs must be at most 100').default(0).describe('Project out this many top principal components'),
};

const matrixInputSchema = z
  .object({
    type: z.literal('matrix'),
    rows: z.number({ error: 'rows must be a number' }).describe('Rows of the imported matrix'),
    cols: z.number({ error: 'cols must be a number' }).describe('Columns of the imported matrix'),
    // Entries are checked by matrixIssues (NaN with its row and column), not by zod, so the message names the entry.
    data: z.array(z.any()).describe('Entries, row-major (rows × cols)'),
    ...preprocessing,
  })
  .describe('An inline data matrix; its shape sets n and d₀ (μ₀ = its empirical spectrum)');

// The file itself is checked by importedInput.ts (size, parse errors with line and column), not by zod.
const csvInputSchema = z
  .object({
    type: z.literal('csv'),
    text: z
      .string({ error: 'text must be the contents of a .csv file: choose one with “Load file…”' })
      .meta({ title: '.csv file', contentMediaType: 'text/csv' })
      .describe('The .csv file: one row per line, comma, semicolon, tab or space separated; an optional header line'),
    ...preprocessing,
  })
  .describe('A data matrix from a .csv file; its shape sets n and d₀ (μ₀ = its empirical spectrum)');

const npyInputSchema = z
  .object({
    type: z.literal('npy'),
    base64: z
      .string({ error: 'base64 must hold a .npy file: choose one with the file picker' })
      .meta({ title: '.npy file', contentMediaType: 'application/x-npy', contentEncoding: 'base64' })
      .describe('The .npy file (np.save of a 2-D float32 or float64 array)'),
    ...preprocessing,
  })
  .describe('A data matrix from a NumPy .npy file; its shape sets n and d₀ (μ₀ = its empirical spectrum)');

/** Issues of an imported input, sizes included (n ≤ MAX_N, d₀ ≤ MAX_D0 in the declared orientation). */
function importIssues(input: CkNtkInput): MatrixIssue[] {
  if (!isImported(input)) return [];
  const { matrix, issues } = resolveImported(input as Extract<ImportInput, { type: 'matrix' | 'csv' | 'npy' }>);
  if (!matrix || issues.length > 0) return issues;
  const { samples, features } = matrixShape(matrix);
  const flip = input.orientation === 'samples-as-rows' ? 'samples-as-columns' : 'samples-as-rows';
  const out: MatrixIssue[] = [];
  if (samples > MAX_N) {
    out.push({
      path: 'orientation',
      message:
        `with orientation "${input.orientation}" the ${matrix.rows}×${matrix.cols} matrix has ${samples.toLocaleString('en-US')} samples, more than the ${MAX_N.toLocaleString('en-US')} allowed (n×n kernels)` +
        (features <= MAX_N ? ` — is the orientation wrong? With "${flip}" it has ${features.toLocaleString('en-US')}` : ''),
    });
  }
  if (features > MAX_D0) {
    out.push({ path: 'orientation', message: `with orientation "${input.orientation}" the ${matrix.rows}×${matrix.cols} matrix has ${features.toLocaleString('en-US')} features, more than the ${MAX_D0.toLocaleString('en-US')} allowed` });
  }
  return out;
}

export const ckNtkParams = z
  .object({
    n: size('n', 2, MAX_N).default(1500).describe('Samples n (CK and NTK are n×n); set by the matrix for an imported input'),
    d0: size('d0', 1, MAX_D0).default(1500).describe('Input dimension d₀ (γ₀ = n/d₀); set by the matrix for an imported input'),
    widths: z
      .array(size('every width', 1, MAX_WIDTH))
      .min(1, 'give at least one hidden layer width')
      .max(MAX_LAYERS, `at most ${MAX_LAYERS} layers (widths d₁…d_L)`)
      .default([2000, 2000])
      .describe('Hidden widths d₁…d_L (γ_ℓ = n/d_ℓ), L from 1 to 10'),
    activation: z.enum(ACTIVATIONS).default('tanh').describe('σ, always normalised to σ̃ = (σ − Eσ(ξ))/sd σ(ξ)'),
    input: z.discriminatedUnion('type', [gaussianInputSchema, mixtureInputSchema, matrixInputSchema, csvInputSchema, npyInputSchema]).default({ type: 'gaussian' }).describe('Input data X₀ (d₀×n)'),
    ntk: z.boolean().default(true).describe('Also compute the NTK (linear regime only)'),
    readout: z
      .enum(['sphere', 'gaussian'])
      .default('sphere')
      .describe('NTK readout v: N(0, I) rescaled to ‖v‖² = d_L (sphere), or plain N(0, I), whose ‖v‖²/d_L rescales the whole backward part by a random 1 ± O(d_L^−½) (MATH.md §3.5)'),
    regime: z.enum(['linear', 'ultra-wide']).default('linear').describe('linear: n/d_ℓ → γ_ℓ; ultra-wide: √(d₁/n)(K − EK) with d₁ ≫ n, L = 1'),
    precision: z.enum(['float64', 'float32']).default('float64').describe('Forward pass precision; eigenvalues are always float64. float32 is ~1.4× faster and moves the CK spectra by KS = 1/n (eigenvalues by < 4e-7 at n = 1000)'),
    repeats: size('repeats', 1, 100).default(1).describe('Independent draws averaged in the histograms (weights, and the input when iid Gaussian)'),
    bins: size('bins', 10, 400).default(60).describe('Histogram bins over the bulk'),
    theoryPoints: size('theoryPoints', 100, 5000).default(800).describe('Grid points of each theory density'),
  })
  .superRefine((p, ctx) => {
    const inputIssues = importIssues(p.input);
    for (const issue of inputIssues) ctx.addIssue({ code: 'custom', path: issue.path ? ['input', issue.path] : ['input'], message: issue.message });
    if (p.regime === 'ultra-wide' && p.widths.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['widths'], message: `the ultra-wide regime has one hidden layer (L = 1); got L = ${p.widths.length}` });
    }
    // Sizes refused by their own bounds get that one message, not a memory estimate too.
    const sizesOk =
      Number.isInteger(p.n) && p.n >= 2 && p.n <= MAX_N && Number.isInteger(p.d0) && p.d0 >= 1 && p.d0 <= MAX_D0 &&
      p.widths.length >= 1 && p.widths.length <= MAX_LAYERS && p.widths.every((w) => Number.isInteger(w) && w >= 1 && w <= MAX_WIDTH);
    if (!sizesOk) return;
    if (inputIssues.length > 0) return;
    const { n, d0 } = effectiveSizes(p);
    const bytes = ckNtkMemory({ ...p, n, d0 });
    if (bytes > MEMORY_BUDGET_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['widths'],
        message:
          `n = ${n}, d₀ = ${d0}, widths ${p.widths.join(', ')}${p.ntk && p.regime === 'linear' ? ' with the NTK' : ''} need about ${formatBytes(bytes)} ` +
          `(${memoryBreakdown({ ...p, n, d0 })}); the limit is ${formatBytes(MEMORY_BUDGET_BYTES)}. Reduce n or the widths${p.ntk ? ', or turn the NTK off' : ''}.`,
      });
    }
  });

export type CkNtkParams = z.infer<typeof ckNtkParams>;
export type CkNtkInput = CkNtkParams['input'];

/** n and d₀ as the run will use them: an imported matrix sets both (a file that cannot be read: the form's n, d₀). */
export function effectiveSizes(p: Pick<CkNtkParams, 'n' | 'd0' | 'input'>): { n: number; d0: number } {
  const m = importedMatrix(p.input);
  if (m) {
    const { samples, features } = matrixShape(m);
    return { n: samples, d0: features };
  }
  return { n: p.n, d0: p.d0 };
}

/** The data matrix of an imported input (inline, .csv or .npy), or null for a synthetic one or a file that cannot be read. */
export function importedMatrix(input: CkNtkInput): ImportedMatrix | null {
  if (!isImported(input)) return null;
  return resolveImported(input as Extract<ImportInput, { type: 'matrix' | 'csv' | 'npy' }>).matrix;
}

/** Rows of W streamed at once in the ultra-wide regime (so that W_c X is about 32 MB). */
export function ultraWideChunk(n: number, d0: number): number {
  return Math.max(1, Math.floor(4_000_000 / Math.max(n, d0)));
}

type MemoryParams = Pick<CkNtkParams, 'n' | 'd0' | 'widths' | 'ntk' | 'regime' | 'precision'>;

function memoryParts(p: MemoryParams): { label: string; bytes: number }[] {
  const { n, d0, widths } = p;
  const f = p.precision === 'float32' ? 4 : 8;
  const parts: { label: string; bytes: number }[] = [{ label: 'input X', bytes: 8 * d0 * n }];
  // Eigen workspace ~2n² on top of the n×n matrix itself.
  const kernels = (k: number) => ({ label: `${k} n×n kernels + eigen workspace`, bytes: 8 * (k + 3) * n * n });
  if (p.regime === 'ultra-wide') {
    const c = Math.min(widths[0], ultraWideChunk(n, d0));
    parts.push({ label: 'one chunk of W and WX', bytes: f * c * (d0 + 2 * n) });
    parts.push(kernels(3));
    return parts;
  }
  const dims = [d0, ...widths];
  if (p.ntk) {
    // Every W_ℓ, X_ℓ and D_ℓ is kept for the backward pass (float64), plus the Grams of every layer.
    let w = 0;
    let act = 0;
    for (let l = 1; l < dims.length; l++) {
      w += dims[l] * dims[l - 1];
      act += 2 * dims[l] * n;
    }
    parts.push({ label: 'all W_ℓ', bytes: 8 * w }, { label: 'all X_ℓ and σ̃′ factors', bytes: 8 * act + 8 * 2 * Math.max(...widths) * n });
    parts.push(kernels(widths.length + 3));
  } else {
    let peak = 0;
    for (let l = 1; l < dims.length; l++) peak = Math.max(peak, f * (dims[l] * dims[l - 1] + dims[l] * n + dims[l - 1] * n));
    parts.push({ label: 'the largest layer (W_ℓ, X_ℓ₋₁, X_ℓ)', bytes: peak });
    parts.push(kernels(1));
  }
  return parts;
}

/** Peak bytes of a run (float64 kernels; the forward pass in the chosen precision). */
export function ckNtkMemory(p: MemoryParams): number {
  return memoryParts(p).reduce((s, x) => s + x.bytes, 0);
}

function memoryBreakdown(p: MemoryParams): string {
  return memoryParts(p)
    .filter((x) => x.bytes > 0)
    .map((x) => `${x.label} ${formatBytes(x.bytes)}`)
    .join(', ');
}

/**
 * The forward pass of the deep random network of Fan & Wang (arXiv 2005.11879, MATH.md §2.1):
 * X_ℓ = σ̃(W_ℓ X_{ℓ−1}) / √d_ℓ, ℓ = 1…L, with W_ℓ ∈ ℝ^{d_ℓ×d_{ℓ−1}} iid N(0, 1) and σ̃ the normalised
 * activation (Eσ̃(ξ) = 0, Eσ̃(ξ)² = 1). Shared by the ck-ntk, spike and training kinds.
 *
 * Layout: every X_ℓ is row-major d_ℓ×n (features × samples, as in the paper), so column i is sample i
 * and the conjugate kernel is CK_ℓ = X_ℓᵀX_ℓ (n×n) — one SYRK by `gram`.
 *
 * Randomness: W_ℓ comes from `rng.fork('W<ℓ>')`, so changing the width of one layer or adding a layer
 * leaves the weights of the other layers unchanged, and float32 and float64 passes see the same draws.
 */
import { applyActivation, applyActivationF32, fillGaussian, gram, gramF32, matmul, matmulF32, type DenseMatrix, type DenseMatrixF32 } from '../linalg/index.js';
import type { Rng } from '../random/Rng.js';
import type { ScalarFunctionPair } from '../rmt/activations.js';

export type ForwardPrecision = 'float64' | 'float32';

export interface ForwardPassOptions {
  /** 'float32' runs the GEMMs and the activation in single precision (matmulF32); Grams are returned in float64. */
  precision?: ForwardPrecision;
  /**
   * Keep what the NTK needs: every W_ℓ, every X_ℓ and D_ℓ = σ̃′(W_ℓX_{ℓ−1})/√d_ℓ (float64). Without it
   * only the current layer lives in memory.
   */
  keepForNtk?: boolean;
  /** Called after each layer, e.g. for progress or to compute that layer's spectrum and drop its Gram. */
  onLayer?: (layer: number, gramMatrix: DenseMatrix) => void;
  /** Checked between layers (cancellation). */
  signal?: AbortSignal;
  /** XᵀX when the caller already has it (a fixed input over repeats); 'skip' leaves CK_0 out entirely (benchmarks). */
  inputGram?: DenseMatrix | 'skip';
}

export interface ForwardPassResult {
  /** CK_0..CK_L as n×n float64 Grams (CK_0 = XᵀX). Omitted entries are null when onLayer consumed them and keepGrams is off. */
  grams: (DenseMatrix | null)[];
  /** With keepForNtk: W_1..W_L (index ℓ−1). */
  weights?: DenseMatrix[];
  /** With keepForNtk: X_0..X_L. */
  activations?: DenseMatrix[];
  /** With keepForNtk: D_1..D_L (index ℓ−1), D_ℓ = σ̃′(H_ℓ)/√d_ℓ. */
  derivatives?: DenseMatrix[];
}

/**
 * Fills an array with iid N(0, 1) draws: four words of `rng` key linalg's threaded generator (fixed chunks
 * with their own streams), so the array follows the experiment's seed and not the thread count.
 */
export function fillStandardNormal(rng: Rng, out: Float64Array | Float32Array): void {
  fillGaussian(out, [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]);
}

/**
 * Runs the network on the input X_0 (d_0×n) through layers of the given widths. Returns the Gram matrix
 * of every layer (or hands each to `onLayer` and keeps none, with `keepGrams: false`).
 */
export function forwardPass(
  x0: DenseMatrix,
  widths: readonly number[],
  activation: ScalarFunctionPair,
  rng: Rng,
  options: ForwardPassOptions & { keepGrams?: boolean } = {},
): ForwardPassResult {
  const precision = options.precision ?? 'float64';
  const keepNtk = options.keepForNtk ?? false;
  const keepGrams = options.keepGrams ?? true;
  const n = x0.cols;
  const grams: (DenseMatrix | null)[] = [];
  const weights: DenseMatrix[] = [];
  const activations: DenseMatrix[] = [x0];
  const derivatives: DenseMatrix[] = [];
  const f = activation.f;
  const df = activation.df;

  if (options.inputGram === 'skip') {
    if (keepNtk) throw new Error('forwardPass: the NTK needs CK_0; do not skip the input Gram');
    grams.push(null);
  } else {
    const g0 = options.inputGram ?? gramOf(x0, precision);
    options.onLayer?.(0, g0);
    grams.push(keepGrams ? g0 : null);
  }

  // The previous layer's output, in the precision of the pass.
  let prev64: DenseMatrix = x0;
  let prev32: DenseMatrixF32 | null = precision === 'float32' ? { rows: x0.rows, cols: n, data: Float32Array.from(x0.data) } : null;
  for (let l = 1; l <= widths.length; l++) {
    options.signal?.throwIfAborted();
    const d = widths[l - 1];
    const dPrev = prev32 ? prev32.rows : prev64.rows;
    const inv = 1 / Math.sqrt(d);
    const wRng = rng.fork(`W${l}`);
    let deriv: Float64Array | null = null;
    let g: DenseMatrix;
    if (prev32) {
      // Same draws as the float64 pass, rounded to single precision.
      const w32 = new Float32Array(d * dPrev);
      fillStandardNormal(wRng, w32);
      const h = matmulF32({ rows: d, cols: dPrev, data: w32 }, prev32).data;
      if (keepNtk) deriv = new Float64Array(h.length);
      // H becomes X_ℓ in place: one d×n buffer per layer (threaded kernel unless the NTK needs D_ℓ too).
      if (activation.elementwise && !deriv) {
        applyActivationF32(activation.elementwise, h, h, inv);
      } else {
        for (let i = 0; i < h.length; i++) {
          const v = h[i];
          if (deriv) deriv[i] = df(v) * inv;
          h[i] = f(v) * inv;
        }
      }
      prev32 = { rows: d, cols: n, data: h };
      if (keepNtk) {
        weights.push({ rows: d, cols: dPrev, data: Float64Array.from(w32) });
        activations.push({ rows: d, cols: n, data: Float64Array.from(h) });
      }
      g = gramF32(prev32);
    } else {
      const w = new Float64Array(d * dPrev);
      fillStandardNormal(wRng, w);
      const wm: DenseMatrix = { rows: d, cols: dPrev, data: w };
      const h = matmul(wm, prev64).data;
      if (keepNtk) deriv = new Float64Array(h.length);
      if (activation.elementwise) {
        applyActivation(activation.elementwise, h, h, deriv, inv);
      } else {
        for (let i = 0; i < h.length; i++) {
          const v = h[i];
          if (deriv) deriv[i] = df(v) * inv;
          h[i] = f(v) * inv;
        }
      }
      prev64 = { rows: d, cols: n, data: h };
      if (keepNtk) {
        weights.push(wm);
        activations.push(prev64);
      }
      g = gram(prev64);
    }
    if (deriv) derivatives.push({ rows: d, cols: n, data: deriv });
    options.onLayer?.(l, g);
    grams.push(keepGrams ? g : null);
  }
  return keepNtk ? { grams, weights, activations, derivatives } : { grams };
}

function gramOf(x: DenseMatrix, precision: ForwardPrecision): DenseMatrix {
  return precision === 'float32' ? gramF32({ rows: x.rows, cols: x.cols, data: Float32Array.from(x.data) }) : gram(x);
}


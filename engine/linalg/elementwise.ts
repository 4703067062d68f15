/**
 * Elementwise kernels of the forward and backward passes on the linalg threads: normalised activations
 * with their slopes, and iid N(0, 1) fills. They live here because the WASM module, its memory and its
 * threads do; the activation formulas themselves belong to engine/rmt/activations.ts, which builds the
 * `ElementwiseActivation` descriptors (code for the WASM kernel, closures for the TypeScript fallback).
 */
import { getBackend } from './backendRegistry.js';

/** Kernel codes, in the order of engine/linalg/assembly/elementwise.ts. Names match rmt's ActivationName. */
export const ACTIVATION_CODES = ['linear', 'relu', 'tanh', 'erf', 'arctan', 'sigmoid', 'softplus', 'silu', 'gelu', 'sin', 'cos'] as const;

/**
 * σ̃(x) = (σ(x) − mean)·inv and σ̃′(x) = σ′(x)·inv, where the WASM kernel evaluates σ by `code` (sigmoid
 * already centred as ½ tanh(x/2), so its mean is 0) and the fallback calls `f`/`df` (already normalised).
 */
export interface ElementwiseActivation {
  readonly code: number;
  readonly mean: number;
  readonly inv: number;
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
}

function checkLength(fn: string, what: string, got: number, want: number): void {
  if (got !== want) throw new RangeError(`${fn}: ${what} has length ${got}, expected ${want} (same as z)`);
}

/** out[i] = scale·σ̃(z[i]); slope[i] = scale·σ̃′(z[i]) when given. out may be z itself. */
export function applyActivation(act: ElementwiseActivation, z: Float64Array, out: Float64Array, slope: Float64Array | null, scale = 1): void {
  checkLength('applyActivation', 'out', out.length, z.length);
  if (slope) checkLength('applyActivation', 'slope', slope.length, z.length);
  getBackend().activate(act, z, out, slope, scale);
}

/** The same in float32 (evaluated in float64, rounded once); no slope. */
export function applyActivationF32(act: ElementwiseActivation, z: Float32Array, out: Float32Array, scale = 1): void {
  checkLength('applyActivationF32', 'out', out.length, z.length);
  getBackend().activateF32(act, z, out, scale);
}

/**
 * Fills `out` with iid N(0, 1) draws determined by the 128-bit key alone (fixed chunks with their own
 * xoshiro128** streams, Marsaglia's polar method), for any thread count. Take the key from an Rng
 * (four nextUint32()) so the draws follow the experiment's seed.
 */
export function fillGaussian(out: Float64Array | Float32Array, key: readonly number[]): void {
  if (key.length !== 4 || key.some((k) => !Number.isInteger(k) || k < 0 || k > 0xffffffff)) {
    throw new RangeError('fillGaussian: key must be four unsigned 32-bit integers');
  }
  getBackend().fillGaussian(out, key);
}

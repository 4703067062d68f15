import type { ElementwiseActivation } from './elementwise.js';

/**
 * What a linalg backend provides. Two implementations: the WASM one (SIMD kernels, threads over one
 * shared memory) and the plain-TypeScript fallback used only when WASM cannot load. Arguments are
 * already validated; buffers are row-major and are never modified.
 */
export interface LinalgBackend {
  readonly name: 'wasm' | 'js';
  readonly simd: boolean;
  readonly relaxedSimd: boolean;
  readonly threads: number;
  /** Share of thread-pool tasks run by the helper threads so far (0 with one thread); a diagnostic for benchmarks. */
  helperTaskShare(): number;
  /** alpha · op(A) op(B), op(A) m×k, op(B) k×n. */
  gemm(m: number, n: number, k: number, a: Float64Array, transA: boolean, b: Float64Array, transB: boolean, alpha: number): Float64Array;
  gemmF32(m: number, n: number, k: number, a: Float32Array, transA: boolean, b: Float32Array, transB: boolean, alpha: number): Float32Array;
  /** alpha · XᵀX for X rows×cols, full symmetric cols×cols output. */
  gram(rows: number, cols: number, x: Float64Array, alpha: number): Float64Array;
  /** alpha · XᵀX in single precision (SSYRK) for X rows×cols, widened to a full, exactly symmetric float64 matrix. */
  gramF32(rows: number, cols: number, x: Float32Array, alpha: number): Float64Array;
  /** Ascending eigenvalues (and column eigenvectors) of the symmetric n×n matrix. */
  eigh(n: number, a: Float64Array, wantVectors: boolean): { values: Float64Array; vectors: Float64Array | null };
  /** Elementwise activation (see elementwise.ts); arguments already validated. */
  activate(act: ElementwiseActivation, z: Float64Array, out: Float64Array, slope: Float64Array | null, scale: number): void;
  activateF32(act: ElementwiseActivation, z: Float32Array, out: Float32Array, scale: number): void;
  /** iid N(0, 1) draws determined by the key (see elementwise.ts). */
  fillGaussian(out: Float64Array | Float32Array, key: readonly number[]): void;
  /** Runs `fn` with y ← A x for the symmetric n×n matrix A (the backend may keep A resident meanwhile). */
  withSymmetricOperator<T>(n: number, a: Float64Array, fn: (matvec: (x: Float64Array, y: Float64Array) => void) => T): T;
}

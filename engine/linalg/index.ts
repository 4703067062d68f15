/**
 * Dense linear algebra for the engine: GEMM, Gram matrices, symmetric eigensolvers, top-k Lanczos and
 * linear assignment. Kernels are AssemblyScript compiled to WASM (SIMD, FMA via relaxed SIMD when the
 * runtime has it, worker threads over one shared memory); a plain-TypeScript backend takes over only
 * if the WASM build cannot load. Nothing outside this folder sees WASM memory: every function takes
 * and returns ordinary typed arrays.
 */
import type { DenseMatrix, DenseMatrixF32 } from './DenseMatrix.js';
import { validateMatrix } from './validateMatrix.js';
import { getBackend, initBackend } from './backendRegistry.js';
import { lanczosTopK } from './lanczosTopK.js';
import { linearSumAssignmentCore } from './linearSumAssignmentCore.js';

export type { DenseMatrix, DenseMatrixF32 } from './DenseMatrix.js';
export { ACTIVATION_CODES, applyActivation, applyActivationF32, fillGaussian, type ElementwiseActivation } from './elementwise.js';

/** Idempotent: compiles the WASM kernels and starts the worker threads (threads default to os.availableParallelism()). */
export async function initLinalg(opts?: { threads?: number }): Promise<void> {
  await initBackend(opts);
}

export function linalgInfo(): { simd: boolean; relaxedSimd: boolean; threads: number; backend: 'wasm' | 'js' } {
  const b = getBackend();
  return { simd: b.simd, relaxedSimd: b.relaxedSimd, threads: b.threads, backend: b.name };
}

/** Share of parallel tasks the helper threads ran since start-up: ≈ (threads − 1)/threads when the pool works. */
export function linalgHelperTaskShare(): number {
  return getBackend().helperTaskShare();
}

function opShape(m: { rows: number; cols: number }, trans: boolean): [number, number] {
  return trans ? [m.cols, m.rows] : [m.rows, m.cols];
}

function checkProduct(fn: string, a: { rows: number; cols: number }, b: { rows: number; cols: number }, transA: boolean, transB: boolean): [number, number, number] {
  const [m, k] = opShape(a, transA);
  const [k2, n] = opShape(b, transB);
  if (k !== k2) {
    const ta = transA ? 'Aᵀ' : 'A';
    const tb = transB ? 'Bᵀ' : 'B';
    throw new RangeError(`${fn}: ${ta} is ${m}×${k} but ${tb} is ${k2}×${n} (inner dimensions ${k} ≠ ${k2})`);
  }
  return [m, n, k];
}

function checkAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) throw new RangeError(`${fn}: alpha must be a finite number, got ${alpha}`);
}

/** alpha · op(A) op(B), where op transposes when transA / transB. */
export function matmul(a: DenseMatrix, b: DenseMatrix, opts: { transA?: boolean; transB?: boolean; alpha?: number } = {}): DenseMatrix {
  validateMatrix('matmul', 'A', a);
  validateMatrix('matmul', 'B', b);
  const transA = !!opts.transA;
  const transB = !!opts.transB;
  const alpha = opts.alpha ?? 1;
  checkAlpha('matmul', alpha);
  const [m, n, k] = checkProduct('matmul', a, b, transA, transB);
  return { rows: m, cols: n, data: getBackend().gemm(m, n, k, a.data, transA, b.data, transB, alpha) };
}

/** Single-precision alpha · op(A) op(B) (f32x4 kernels): for forward passes where float32 rounding is acceptable. */
export function matmulF32(a: DenseMatrixF32, b: DenseMatrixF32, opts: { transA?: boolean; transB?: boolean; alpha?: number } = {}): DenseMatrixF32 {
  validateMatrix('matmulF32', 'A', a);
  validateMatrix('matmulF32', 'B', b);
  const transA = !!opts.transA;
  const transB = !!opts.transB;
  const alpha = opts.alpha ?? 1;
  checkAlpha('matmulF32', alpha);
  const [m, n, k] = checkProduct('matmulF32', a, b, transA, transB);
  return { rows: m, cols: n, data: getBackend().gemmF32(m, n, k, a.data, transA, b.data, transB, alpha) };
}

/**
 * alpha · XᵀX in single precision (f32x4 SSYRK, half the flops of XᵀX by GEMM), returned widened to float64
 * and exactly symmetric, ready for the float64 eigensolver: the Gram of a float32 forward pass.
 */
export function gramF32(x: DenseMatrixF32, opts: { alpha?: number } = {}): DenseMatrix {
  validateMatrix('gramF32', 'X', x);
  const alpha = opts.alpha ?? 1;
  checkAlpha('gramF32', alpha);
  return { rows: x.cols, cols: x.cols, data: getBackend().gramF32(x.rows, x.cols, x.data, alpha) };
}

/** alpha · XᵀX (x.cols × x.cols), computed once per pair (SYRK) and mirrored so the output is exactly symmetric. */
export function gram(x: DenseMatrix, opts: { alpha?: number } = {}): DenseMatrix {
  validateMatrix('gram', 'X', x);
  const alpha = opts.alpha ?? 1;
  checkAlpha('gram', alpha);
  return { rows: x.cols, cols: x.cols, data: getBackend().gram(x.rows, x.cols, x.data, alpha) };
}

/** Eigenvalues of the symmetric matrix A, ascending. Reads the full matrix (symmetrised as (A + Aᵀ)/2); A is not modified. */
export function eigvalsh(a: DenseMatrix): Float64Array {
  validateMatrix('eigvalsh', 'A', a, { square: true, finite: true });
  return getBackend().eigh(a.rows, a.data, false).values;
}

/** Eigenvalues ascending and orthonormal eigenvectors: column j of `vectors` (vectors.data[i*n + j]) belongs to values[j]. */
export function eigh(a: DenseMatrix): { values: Float64Array; vectors: DenseMatrix } {
  validateMatrix('eigh', 'A', a, { square: true, finite: true });
  const n = a.rows;
  const r = getBackend().eigh(n, a.data, true);
  return { values: r.values, vectors: { rows: n, cols: n, data: r.vectors as Float64Array } };
}

/**
 * The k largest eigenpairs of the symmetric matrix A, values DESCENDING, vectors n×k (column j ↔ values[j]),
 * by Lanczos with full reorthogonalisation. Deterministic for a fixed seed (default 1).
 */
export function eigTopK(a: DenseMatrix, k: number, opts: { tol?: number; maxIter?: number; seed?: number } = {}): { values: Float64Array; vectors: DenseMatrix } {
  validateMatrix('eigTopK', 'A', a, { square: true, finite: true });
  const n = a.rows;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`eigTopK: k must be an integer in [1, ${n}], got ${k}`);
  if (opts.tol !== undefined && !(opts.tol > 0)) throw new RangeError(`eigTopK: tol must be positive, got ${opts.tol}`);
  if (opts.maxIter !== undefined && !(Number.isInteger(opts.maxIter) && opts.maxIter >= 1)) throw new RangeError(`eigTopK: maxIter must be a positive integer, got ${opts.maxIter}`);
  const backend = getBackend();
  // Symmetrise like eigh does, so that both agree on slightly asymmetric input.
  let sym = a.data;
  if (!isSymmetric(n, sym)) {
    sym = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym[i * n + j] = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
  }
  const r = backend.withSymmetricOperator(n, sym, (matvec) => lanczosTopK(n, k, matvec, opts));
  return { values: r.values, vectors: { rows: n, cols: k, data: r.vectors } };
}

function isSymmetric(n: number, d: Float64Array): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (d[i * n + j] !== d[j * n + i]) return false;
  return true;
}

/**
 * Optimal assignment of rows to distinct columns (rows ≤ cols) minimising (or maximising) the total cost,
 * as scipy.optimize.linear_sum_assignment. result[i] is the column of row i.
 */
export function linearSumAssignment(cost: DenseMatrix, opts: { maximize?: boolean } = {}): Int32Array {
  validateMatrix('linearSumAssignment', 'cost', cost, { finite: true });
  if (cost.rows > cost.cols) {
    throw new RangeError(`linearSumAssignment: cost must have rows ≤ cols, got ${cost.rows}×${cost.cols} (pass the transpose)`);
  }
  return linearSumAssignmentCore(cost.rows, cost.cols, cost.data, opts.maximize ? -1 : 1);
}

/**
 * The ultra-wide regime (MATH.md §4; Wang & Zhu, arXiv 2109.09304): K = (1/d_1) YᵀY with Y = σ̃(WX),
 * W ∈ ℝ^{d_1×d_0} iid N(0, 1), d_1 ≫ n, and its expectation Φ = E_W K. The object is √(d_1/n)(K − Φ).
 *
 * K is accumulated over chunks of W's rows (K += Y_cᵀY_c), never forming WX in full (§4.4): memory is one
 * chunk, d_1 only costs time. Φ_ij = κ(x_iᵀx_j) by rmt/kernelExpectation for unit-norm columns, with the
 * diagonal exactly κ(1) = 1 (§4.3) — quadrature, not Monte Carlo, because an error E in Φ is magnified to
 * √(d_1/n)·E, the very object measured (§4.3 "Monte Carlo is a trap").
 */
import { applyActivation, gram, matmul, matmulF32, type DenseMatrix } from '../../linalg/index.js';
import type { ActivationName, ScalarFunctionPair } from '../../rmt/activations.js';
import { kernelExpectation } from '../../rmt/kernelExpectation.js';
import type { Rng } from '../../random/Rng.js';
import { fillStandardNormal } from '../../nn/networkForward.js';

/** K = σ̃(WX)ᵀσ̃(WX)/d_1, accumulated over row chunks of W (drawn from `rng` in order). */
export function ultraWideGram(
  x: DenseMatrix,
  d1: number,
  activation: ScalarFunctionPair,
  rng: Rng,
  opts: { chunk: number; precision: 'float64' | 'float32'; signal?: AbortSignal; onChunk?: (done: number) => void },
): DenseMatrix {
  const { rows: d0, cols: n } = x;
  const k = new Float64Array(n * n);
  const x32 = opts.precision === 'float32' ? { rows: d0, cols: n, data: Float32Array.from(x.data) } : null;
  const f = activation.f;
  for (let start = 0; start < d1; start += opts.chunk) {
    opts.signal?.throwIfAborted();
    const c = Math.min(opts.chunk, d1 - start);
    let y: Float64Array;
    if (x32) {
      const w = new Float32Array(c * d0);
      fillStandardNormal(rng, w);
      const h = matmulF32({ rows: c, cols: d0, data: w }, x32).data;
      y = Float64Array.from(h);
      if (activation.elementwise) applyActivation(activation.elementwise, y, y, null);
      else for (let i = 0; i < y.length; i++) y[i] = f(y[i]);
    } else {
      const w = new Float64Array(c * d0);
      fillStandardNormal(rng, w);
      y = matmul({ rows: c, cols: d0, data: w }, x).data;
      if (activation.elementwise) applyActivation(activation.elementwise, y, y, null);
      else for (let i = 0; i < y.length; i++) y[i] = f(y[i]);
    }
    const g = gram({ rows: c, cols: n, data: y }, { alpha: 1 / d1 }).data;
    for (let i = 0; i < k.length; i++) k[i] += g[i];
    opts.onChunk?.(start + c);
  }
  return { rows: n, cols: n, data: k };
}

/** Φ_ij = κ(x_iᵀx_j) for unit-norm columns x_i; diagonal exactly 1. */
export function kernelExpectationMatrix(x: DenseMatrix, activation: ActivationName): DenseMatrix {
  const n = x.cols;
  const rho = gram(x).data;
  const kappa = kernelExpectation(activation);
  const phi = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    phi[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const v = kappa(Math.max(-1, Math.min(1, rho[i * n + j])));
      phi[i * n + j] = v;
      phi[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: phi };
}

/** Scales every column of X to unit norm in place (the §4.3 normalisation under which Φ = κ(XᵀX)). */
export function normaliseColumns(x: DenseMatrix): void {
  const { rows, cols, data } = x;
  const s = new Float64Array(cols);
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) s[i] += data[j * cols + i] ** 2;
  for (let i = 0; i < cols; i++) s[i] = s[i] > 0 ? 1 / Math.sqrt(s[i]) : 0;
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) data[j * cols + i] *= s[i];
}

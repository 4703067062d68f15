import { matmul, type DenseMatrix } from '../linalg/index.js';
import type { Rng } from '../random/Rng.js';
import type { ActivationName } from '../rmt/activations.js';
import { activationKernel, type ActivationKernel } from './activationKernel.js';

/**
 * A fully connected network on the MATH.md §2 forward pass, with backpropagation written out on the
 * linalg GEMM kernels (no autodiff library):
 *
 *   Z_ℓ = W_ℓ X_{ℓ−1},  X_ℓ = σ̃(Z_ℓ)/√d_ℓ  (ℓ = 1..L),   f = κ·vᵀX_L,   loss = (1/2n)‖f − y‖².
 *
 * Layout: samples are COLUMNS (X_ℓ is d_ℓ×n row-major), as in MATH §2 and numpy_ref.py, so every
 * product is one GEMM with n as the long dimension and CK_ℓ = X_ℓᵀX_ℓ is a Gram of the stored buffer.
 * W_ℓ is d_ℓ×d_{ℓ−1} row-major. Backward, with G_X = ∂loss/∂X:
 *   G_X,L = κ·v·gᵀ (g = (f − y)/n),  G_Z,ℓ = G_X,ℓ ∘ σ̃′(Z_ℓ)/√d_ℓ,  ∇W_ℓ = G_Z,ℓ X_{ℓ−1}ᵀ,  G_X,ℓ−1 = W_ℓᵀ G_Z,ℓ,
 *   ∇v = κ·X_L g.
 * The slope buffer σ̃′(Z_ℓ)/√d_ℓ is produced by the forward pass (one transcendental call per entry for
 * tanh) and Z_ℓ itself is not kept: only X_ℓ and the slope are needed backwards.
 */
export interface Mlp {
  readonly activation: ActivationName;
  /** [d_0, d_1, …, d_L]. */
  readonly dims: readonly number[];
  /** W_1..W_L, W_ℓ is d_ℓ×d_{ℓ−1}; updated in place by the optimisers. */
  readonly weights: DenseMatrix[];
  /** v ∈ ℝ^{d_L}. */
  readonly readout: Float64Array;
  /** κ (parameterisation.ts). */
  readonly readoutScale: number;
}

/** Weights and readout iid N(0, 1) (the §2 initialisation), one forked stream per tensor. */
export function initMlp(rng: Rng, activation: ActivationName, dims: readonly number[], readoutScale: number): Mlp {
  const weights: DenseMatrix[] = [];
  for (let l = 1; l < dims.length; l++) {
    const r = rng.fork(`W${l}`);
    const data = new Float64Array(dims[l] * dims[l - 1]);
    for (let i = 0; i < data.length; i++) data[i] = r.normal();
    weights.push({ rows: dims[l], cols: dims[l - 1], data });
  }
  const rv = rng.fork('v');
  const readout = new Float64Array(dims[dims.length - 1]);
  for (let i = 0; i < readout.length; i++) readout[i] = rv.normal();
  return { activation, dims: [...dims], weights, readout, readoutScale };
}

export function cloneMlp(net: Mlp): Mlp {
  return {
    ...net,
    weights: net.weights.map((w) => ({ rows: w.rows, cols: w.cols, data: w.data.slice() })),
    readout: net.readout.slice(),
  };
}

export interface ForwardCache {
  /** X_0..X_L (X_0 is the input, not copied). */
  readonly layers: DenseMatrix[];
  /** σ̃′(Z_ℓ)/√d_ℓ for ℓ = 1..L (index ℓ − 1); empty when slopes were not requested. */
  readonly slopes: Float64Array[];
  /** f(x_j) for every column j. */
  readonly output: Float64Array;
}

const kernels = new Map<ActivationName, ActivationKernel>();
function kernelFor(name: ActivationName): ActivationKernel {
  let k = kernels.get(name);
  if (!k) kernels.set(name, (k = activationKernel(name)));
  return k;
}

export function forwardPass(net: Mlp, x: DenseMatrix, opts: { slopes?: boolean } = {}): ForwardCache {
  if (x.rows !== net.dims[0]) throw new RangeError(`forwardPass: input has ${x.rows} rows but the network expects d_0 = ${net.dims[0]}`);
  const kernel = kernelFor(net.activation);
  const layers: DenseMatrix[] = [x];
  const slopes: Float64Array[] = [];
  let h = x;
  for (let l = 0; l < net.weights.length; l++) {
    const z = matmul(net.weights[l], h);
    const scale = 1 / Math.sqrt(net.dims[l + 1]);
    // σ̃(Z) overwrites Z's buffer: Z is not needed once its slope is known.
    const slope = opts.slopes ? new Float64Array(z.data.length) : null;
    kernel.apply(z.data, z.data, slope, scale);
    if (slope) slopes.push(slope);
    layers.push(z);
    h = z;
  }
  const n = x.cols;
  const output = new Float64Array(n);
  const v = net.readout;
  const kappa = net.readoutScale;
  const data = h.data;
  for (let i = 0; i < v.length; i++) {
    const vi = kappa * v[i];
    const row = i * n;
    for (let j = 0; j < n; j++) output[j] += vi * data[row + j];
  }
  return { layers, slopes, output };
}

export interface Gradients {
  /** ∂loss/∂W_ℓ, same shapes as the weights. */
  weights: DenseMatrix[];
  readout: Float64Array;
}

/**
 * Gradients of Σ_j g_j f(x_j) for the given per-sample output cotangent g (for the MSE loss,
 * g = (f − y)/n). The input layer's W_1ᵀG_Z (the gradient with respect to the data) is skipped.
 */
export function backward(net: Mlp, cache: ForwardCache, g: Float64Array): Gradients {
  const L = net.weights.length;
  if (cache.slopes.length !== L) throw new Error('backward: the forward pass was run without slopes');
  const n = g.length;
  const kappa = net.readoutScale;
  const xl = cache.layers[L];
  const dL = net.dims[L];
  // ∇v = κ X_L g
  const gv = new Float64Array(dL);
  for (let i = 0; i < dL; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += xl.data[row + j] * g[j];
    gv[i] = kappa * s;
  }
  // G_Z,L = (κ v gᵀ) ∘ slope_L, formed directly (the outer product is never stored on its own).
  let gz: Float64Array = new Float64Array(dL * n);
  {
    const slope = cache.slopes[L - 1];
    for (let i = 0; i < dL; i++) {
      const vi = kappa * net.readout[i];
      const row = i * n;
      for (let j = 0; j < n; j++) gz[row + j] = vi * g[j] * slope[row + j];
    }
  }
  const gw: DenseMatrix[] = new Array(L);
  for (let l = L - 1; l >= 0; l--) {
    const gzm: DenseMatrix = { rows: net.dims[l + 1], cols: n, data: gz };
    gw[l] = matmul(gzm, cache.layers[l], { transB: true });
    if (l === 0) break;
    const gx = matmul(net.weights[l], gzm, { transA: true });
    const slope = cache.slopes[l - 1];
    const d = gx.data;
    for (let i = 0; i < d.length; i++) d[i] *= slope[i];
    gz = d;
  }
  return { weights: gw, readout: gv };
}

/** Mean-squared-error loss (1/2n)‖f − y‖² of a forward pass. */
export function mseLoss(output: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let j = 0; j < y.length; j++) {
    const r = output[j] - y[j];
    s += r * r;
  }
  return s / (2 * y.length);
}

/** Loss and its gradients on (x, y) in one forward and one backward pass. */
export function lossAndGradients(net: Mlp, x: DenseMatrix, y: Float64Array): { loss: number; grads: Gradients; output: Float64Array } {
  const cache = forwardPass(net, x, { slopes: true });
  const n = y.length;
  const g = new Float64Array(n);
  for (let j = 0; j < n; j++) g[j] = (cache.output[j] - y[j]) / n;
  return { loss: mseLoss(cache.output, y), grads: backward(net, cache, g), output: cache.output };
}

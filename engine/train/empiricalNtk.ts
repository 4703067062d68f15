import { gram, matmul, type DenseMatrix } from '../linalg/index.js';
import { forwardPass, type Mlp } from './mlp.js';

/**
 * Empirical NTK on a probe set (columns of x, p ≤ a few hundred), K = J Jᵀ with J the Jacobian of
 * f(x_1..x_p) with respect to all trained tensors (MATH.md §7.1, §3.1), in the backprop Jacobian form:
 * the per-sample gradient of f(x_j) with respect to W_ℓ is the outer product g_ℓ(j)·x_{ℓ−1}(j)ᵀ, where
 * g_ℓ(j) is column j of G_Z,ℓ when the output cotangent is 1 for every sample, so
 *   K = Σ_ℓ s_ℓ·(G_Z,ℓᵀG_Z,ℓ) ∘ (X_{ℓ−1}ᵀX_{ℓ−1}) + s_v·κ²·X_LᵀX_L.
 * This never forms J (which would be p × #parameters). s_ℓ are the parameterisation's gradient-step
 * scales, so K is the kernel of gradient descent in the trained parameters (K_t drives df/dt = −K·r
 * up to the 1/n of the loss).
 */
export function empiricalNtk(net: Mlp, x: DenseMatrix, stepScale: ArrayLike<number>): DenseMatrix {
  const cache = forwardPass(net, x, { slopes: true });
  const L = net.weights.length;
  const p = x.cols;
  const kappa = net.readoutScale;
  const k = new Float64Array(p * p);
  const addHadamard = (a: DenseMatrix, b: DenseMatrix, s: number) => {
    for (let i = 0; i < k.length; i++) k[i] += s * a.data[i] * b.data[i];
  };
  // Readout block: ∂f/∂v = κ X_L.
  const ckL = gram(cache.layers[L]);
  for (let i = 0; i < k.length; i++) k[i] += stepScale[L] * kappa * kappa * ckL.data[i];
  // G_Z,L column j = κ v ∘ slope_L(:, j); then backwards as in mlp.backward with cotangent 1.
  const dL = net.dims[L];
  let gz: Float64Array = new Float64Array(dL * p);
  for (let i = 0; i < dL; i++) {
    const vi = kappa * net.readout[i];
    const slope = cache.slopes[L - 1];
    for (let j = 0; j < p; j++) gz[i * p + j] = vi * slope[i * p + j];
  }
  for (let l = L - 1; l >= 0; l--) {
    const gzm: DenseMatrix = { rows: net.dims[l + 1], cols: p, data: gz };
    addHadamard(gram(gzm), gram(cache.layers[l]), stepScale[l]);
    if (l === 0) break;
    const next = matmul(net.weights[l], gzm, { transA: true }).data;
    const slope = cache.slopes[l - 1];
    for (let i = 0; i < next.length; i++) next[i] *= slope[i];
    gz = next;
  }
  // Exact symmetry for the eigensolver (the Hadamard products are symmetric up to rounding already).
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) k[j * p + i] = k[i * p + j];
  return { rows: p, cols: p, data: k };
}

/**
 * The neural tangent kernel of f(x) = vᵀx_L(x) (MATH.md §3.1; Fan & Wang 2005.11879), NTK = JJᵀ with J the
 * Jacobian of the n outputs with respect to (W_1, …, W_L, v), computed without ever forming J.
 *
 * With H_ℓ = W_ℓX_{ℓ−1} and X_ℓ = σ̃(H_ℓ)/√d_ℓ, the gradient of f(x_i) in W_ℓ is the outer product δ_ℓ,i x_{ℓ−1,i}ᵀ,
 * where Δ_ℓ = [δ_ℓ,1 … δ_ℓ,n] ∈ ℝ^{d_ℓ×n} are the backpropagated vectors
 *   Δ_L = diag(v)·D_L,   Δ_ℓ = D_ℓ ∘ (W_{ℓ+1}ᵀ Δ_{ℓ+1}),   D_ℓ = σ̃′(H_ℓ)/√d_ℓ,
 * and ⟨δx_iᵀ, δx_jᵀ⟩_F = (δ_iᵀδ_j)(x_iᵀx_j). The gradient in v is x_L. Hence
 *   NTK = K_L + Σ_{ℓ=1}^{L} (Δ_ℓᵀΔ_ℓ) ∘ K_{ℓ−1},   K_ℓ = X_ℓᵀX_ℓ,
 * at the cost of L GEMMs (backward) and L SYRKs instead of an n × (Σ d_ℓd_{ℓ−1} + d_L) Jacobian.
 */
import { gram, matmul, type DenseMatrix } from '../linalg/index.js';
import type { ForwardPassResult } from './networkForward.js';

export interface NtkParts {
  /** The n×n NTK. */
  ntk: DenseMatrix;
  /** Δ_ℓᵀΔ_ℓ for ℓ = 1…L (index ℓ−1): the backward Grams (their mean diagonal tends to a^{L−ℓ+1}). */
  backwardGrams: DenseMatrix[];
}

export function ntkByJacobian(forward: ForwardPassResult, v: Float64Array, signal?: AbortSignal): NtkParts {
  const { weights, derivatives, grams } = forward;
  if (!weights || !derivatives) throw new Error('ntkByJacobian: the forward pass must be run with keepForNtk');
  const L = weights.length;
  const kLast = grams[L];
  const kFirst = grams[0];
  if (!kLast || !kFirst || grams.some((g) => g === null)) throw new Error('ntkByJacobian: the forward pass must keep every Gram matrix');
  const n = kLast.rows;
  const dL = derivatives[L - 1].rows;
  if (v.length !== dL) throw new RangeError(`ntkByJacobian: v has length ${v.length} but the last layer has width ${dL}`);

  const ntk = Float64Array.from(kLast.data);
  const backwardGrams: DenseMatrix[] = new Array(L);
  // Δ_L = diag(v) D_L: row k of D_L times v_k.
  const dLast = derivatives[L - 1].data;
  let delta: Float64Array = new Float64Array(dLast.length);
  for (let k = 0; k < dL; k++) {
    const vk = v[k];
    for (let i = 0; i < n; i++) delta[k * n + i] = vk * dLast[k * n + i];
  }
  for (let l = L; l >= 1; l--) {
    signal?.throwIfAborted();
    const rows = derivatives[l - 1].rows;
    const deltaM: DenseMatrix = { rows, cols: n, data: delta };
    const b = gram(deltaM);
    backwardGrams[l - 1] = b;
    const kPrev = grams[l - 1]!.data;
    for (let i = 0; i < n * n; i++) ntk[i] += b.data[i] * kPrev[i];
    if (l > 1) {
      // Δ_{ℓ−1} = D_{ℓ−1} ∘ (W_ℓᵀ Δ_ℓ)
      const back = matmul(weights[l - 1], deltaM, { transA: true }).data;
      const dPrev = derivatives[l - 2].data;
      for (let i = 0; i < back.length; i++) back[i] *= dPrev[i];
      delta = back;
    }
  }
  return { ntk: { rows: n, cols: n, data: ntk }, backwardGrams };
}

/**
 * How the network's scale factors and per-layer learning rates depend on width (the abc-parametrisations
 * of Yang & Hu 2011.14522, written for the MATH.md §2 forward pass). The stored, "effective" weights W_ℓ
 * always have iid N(0, 1) entries at initialisation and the forward pass is always
 *   X_ℓ = σ̃(W_ℓ X_{ℓ−1}) / √d_ℓ  (X_0 has unit-norm columns),   f = κ · vᵀX_L,   v ~ N(0, I_{d_L}),
 * so the three choices give the same spectra at step 0 and differ in what training does:
 *
 * - 'ntk': κ = 1 (MATH §3's f = vᵀx_L) and every tensor moves by −η·∇. The 1/√fan-in sits in the forward
 *   pass, so W is the trained parameter itself (NTK parameterisation, Jacot et al.).
 * - 'standard': the same function, but the trained parameter is θ = W/√fan_in (PyTorch-style init
 *   N(0, 1/fan_in), no forward multiplier). One step on θ moves W by −η·fan_in·∇_W for GD/SGD and by
 *   √fan_in times Adam's normalised step. fan_in is d_{ℓ−1} for W_ℓ and d_L for v. Stable step sizes are
 *   then O(1/width): this is the parameterisation in which a width-independent η diverges.
 * - 'mean-field': κ = 1/√d_L, i.e. f = vᵀh_L/d_L with h_L = √d_L·X_L of O(1) entries — the 1/width
 *   readout of mean-field / μP (output ≈ 0 at init); every tensor moves by −η·∇. This is exactly the
 *   convention of the `train` workload in shared/bench/numpy_ref.py. (μP's width-dependent learning
 *   rates are left to η; the scaling is stated, not hidden.)
 */
export const PARAMETERISATIONS = ['ntk', 'standard', 'mean-field'] as const;
export type Parameterisation = (typeof PARAMETERISATIONS)[number];

export interface LayerScales {
  /** κ, the readout multiplier. */
  readoutScale: number;
  /** Multiplier on the plain-gradient step of W_1..W_L and then v (length L + 1). */
  gradientStepScale: Float64Array;
  /** Multiplier on Adam's normalised step for the same tensors (Adam is invariant to gradient scale). */
  adamStepScale: Float64Array;
}

/** dims = [d_0, d_1, …, d_L]. */
export function layerScales(p: Parameterisation, dims: readonly number[]): LayerScales {
  const L = dims.length - 1;
  const fanIn = new Float64Array(L + 1);
  for (let l = 0; l < L; l++) fanIn[l] = dims[l];
  fanIn[L] = dims[L];
  const gradientStepScale = new Float64Array(L + 1).fill(1);
  const adamStepScale = new Float64Array(L + 1).fill(1);
  if (p === 'standard') {
    for (let i = 0; i <= L; i++) {
      gradientStepScale[i] = fanIn[i];
      adamStepScale[i] = Math.sqrt(fanIn[i]);
    }
  }
  return { readoutScale: p === 'mean-field' ? 1 / Math.sqrt(dims[L]) : 1, gradientStepScale, adamStepScale };
}

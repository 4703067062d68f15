import { applyActivation } from '../linalg/index.js';
import { elementwiseActivation, type ActivationName } from '../rmt/activations.js';

/**
 * σ̃ and σ̃′ applied to a whole pre-activation buffer in one pass (rmt/activations.ts defines σ̃ =
 * (σ − Eσ(ξ))/sd σ(ξ), MATH.md §1). The forward pass needs both: σ̃(Z) for the next layer and σ̃′(Z) for
 * backpropagation, so computing them together halves the transcendental calls. Runs on linalg's threaded
 * WASM kernel (applyActivation), which falls back to the scalar closures where WASM cannot load.
 */
export interface ActivationKernel {
  readonly name: ActivationName;
  /** out[i] = scale·σ̃(z[i]); slope[i] = scale·σ̃′(z[i]) when slope is given. */
  apply(z: Float64Array, out: Float64Array, slope: Float64Array | null, scale: number): void;
}

export function activationKernel(name: ActivationName): ActivationKernel {
  const act = elementwiseActivation(name);
  return {
    name,
    apply(z, out, slope, scale) {
      applyActivation(act, z, out, slope, scale);
    },
  };
}

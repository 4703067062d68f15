import { activationConstants, normalisedActivation, type ActivationName } from '../rmt/activations.js';

/**
 * σ̃ and σ̃′ applied to a whole pre-activation buffer in one pass (rmt/activations.ts defines σ̃ =
 * (σ − Eσ(ξ))/sd σ(ξ), MATH.md §1). The forward pass needs both: σ̃(Z) for the next layer and σ̃′(Z) for
 * backpropagation, so computing them together halves the transcendental calls. tanh, the default
 * activation and the benchmark's, has a dedicated path: one Math.tanh per entry gives both values
 * (σ̃′ = (1 − tanh²)/sd); every other activation goes through rmt's scalar closures.
 */
export interface ActivationKernel {
  readonly name: ActivationName;
  /** out[i] = scale·σ̃(z[i]); slope[i] = scale·σ̃′(z[i]) when slope is given. */
  apply(z: Float64Array, out: Float64Array, slope: Float64Array | null, scale: number): void;
}

export function activationKernel(name: ActivationName): ActivationKernel {
  if (name === 'tanh') {
    const inv = 1 / activationConstants('tanh').sd;
    return {
      name,
      apply(z, out, slope, scale) {
        const s = scale * inv;
        const len = z.length;
        if (slope) {
          for (let i = 0; i < len; i++) {
            const t = Math.tanh(z[i]);
            out[i] = s * t;
            slope[i] = s * (1 - t * t);
          }
        } else {
          for (let i = 0; i < len; i++) out[i] = s * Math.tanh(z[i]);
        }
      },
    };
  }
  const { f, df } = normalisedActivation(name);
  return {
    name,
    apply(z, out, slope, scale) {
      const len = z.length;
      for (let i = 0; i < len; i++) {
        const x = z[i];
        out[i] = scale * f(x);
        if (slope) slope[i] = scale * df(x);
      }
    },
  };
}

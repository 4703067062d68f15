import type { Gradients, Mlp } from './mlp.js';
import type { LayerScales } from './parameterisation.js';

/**
 * Optimisers acting in place on an Mlp's tensors [W_1, …, W_L, v]. GD and minibatch SGD share the plain
 * update (they differ in which samples the gradient is taken on, which is the trainer's business);
 * Adam is Kingma & Ba (1412.6980, Algorithm 1) with bias correction:
 *   m ← β₁m + (1−β₁)g,  u ← β₂u + (1−β₂)g²,  θ ← θ − η·m̂/(√û + ε),  m̂ = m/(1−β₁ᵗ), û = u/(1−β₂ᵗ).
 * The parameterisation's per-tensor scales (parameterisation.ts) multiply each tensor's step.
 */
export type OptimizerSpec =
  | { type: 'gd' }
  | { type: 'sgd'; batch: number }
  | { type: 'adam'; batch?: number; beta1: number; beta2: number; eps: number };

export interface Optimizer {
  /** Applies one update with learning rate lr (already scheduled). */
  step(net: Mlp, grads: Gradients, lr: number): void;
}

function tensors(net: Mlp): Float64Array[] {
  return [...net.weights.map((w) => w.data), net.readout];
}

export function createOptimizer(spec: OptimizerSpec, net: Mlp, scales: LayerScales): Optimizer {
  if (spec.type !== 'adam') {
    return {
      step(n, grads, lr) {
        const params = tensors(n);
        const gs = [...grads.weights.map((g) => g.data), grads.readout];
        for (let t = 0; t < params.length; t++) {
          const p = params[t];
          const g = gs[t];
          const s = lr * scales.gradientStepScale[t];
          for (let i = 0; i < p.length; i++) p[i] -= s * g[i];
        }
      },
    };
  }
  const { beta1, beta2, eps } = spec;
  const first = tensors(net).map((p) => new Float64Array(p.length));
  const second = tensors(net).map((p) => new Float64Array(p.length));
  let t = 0;
  return {
    step(n, grads, lr) {
      t++;
      const c1 = 1 / (1 - beta1 ** t);
      const c2 = 1 / (1 - beta2 ** t);
      const params = tensors(n);
      const gs = [...grads.weights.map((g) => g.data), grads.readout];
      for (let k = 0; k < params.length; k++) {
        const p = params[k];
        const g = gs[k];
        const m = first[k];
        const u = second[k];
        const s = lr * scales.adamStepScale[k];
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          const mi = beta1 * m[i] + (1 - beta1) * gi;
          const ui = beta2 * u[i] + (1 - beta2) * gi * gi;
          m[i] = mi;
          u[i] = ui;
          p[i] -= (s * mi * c1) / (Math.sqrt(ui * c2) + eps);
        }
      }
    },
  };
}

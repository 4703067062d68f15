/**
 * Weight matrices for the heavy-tailed conjugate kernel (MATH.md §8.1): W ∈ ℝ^{N×d}, row-major, with
 * the scalings that keep (WX)_ij of order one as d grows (median self-check of §8.1).
 */
import type { Rng } from '../../random/Rng.js';
import { alphaStable, studentT, symmetricPareto } from '../../random/alphaStable.js';

export type WeightSpec =
  | { type: 'gaussian' }
  | { type: 'alpha-stable'; alpha: number }
  | { type: 'student-t'; nu: number }
  | { type: 'pareto'; alpha: number }
  | { type: 'sparse'; c: number };

/**
 * The Gaussian weight scale s with which the α = 2-type limit applies: entries of W√d have variance s²
 * (α-stable at α = 2 is N(0, 2), so s = √2), or null when the variance is infinite or the law is sparse.
 */
export function gaussianEquivalentScale(spec: WeightSpec): number | null {
  switch (spec.type) {
    case 'gaussian':
      return 1;
    case 'alpha-stable':
      return spec.alpha === 2 ? Math.SQRT2 : null;
    case 'student-t':
      return spec.nu > 2 ? 1 : null;
    case 'pareto':
      return spec.alpha > 2 ? 1 : null;
    case 'sparse':
      return null;
  }
}

/**
 * Draws W. Scalings: Gaussian N(0,1)/√d; α-stable S/d^{1/α} (H1); Student-t and Pareto with finite
 * variance are normalised to unit variance then /√d, with infinite variance (tail index κ ≤ 2) they
 * are scaled by d^{−1/κ} like the stable law of the same index; sparse (H2): Bernoulli(c/d) mask times
 * N(0,1), unscaled, so each row has about c non-zeros of order one.
 */
export function drawWeights(spec: WeightSpec, N: number, d: number, rng: Rng): Float64Array {
  const w = new Float64Array(N * d);
  switch (spec.type) {
    case 'gaussian': {
      const s = 1 / Math.sqrt(d);
      for (let i = 0; i < w.length; i++) w[i] = s * rng.normal();
      break;
    }
    case 'alpha-stable': {
      const s = Math.pow(d, -1 / spec.alpha);
      for (let i = 0; i < w.length; i++) w[i] = s * alphaStable(rng, spec.alpha);
      break;
    }
    case 'student-t': {
      const s = spec.nu > 2 ? 1 / Math.sqrt((d * spec.nu) / (spec.nu - 2)) : Math.pow(d, -1 / spec.nu);
      for (let i = 0; i < w.length; i++) w[i] = s * studentT(rng, spec.nu);
      break;
    }
    case 'pareto': {
      // P(|X| > x) = (1 + x)^{−α}: E X² = 2/((α − 1)(α − 2)) for α > 2.
      const s = spec.alpha > 2 ? 1 / Math.sqrt((d * 2) / ((spec.alpha - 1) * (spec.alpha - 2))) : Math.pow(d, -1 / spec.alpha);
      for (let i = 0; i < w.length; i++) w[i] = s * symmetricPareto(rng, spec.alpha);
      break;
    }
    case 'sparse': {
      const p = spec.c / d;
      for (let i = 0; i < w.length; i++) w[i] = rng.uniform() < p ? rng.normal() : 0;
      break;
    }
  }
  return w;
}

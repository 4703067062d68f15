import { ckChain } from './ckChain.js';
import { ckCriticalPoints } from './ckCriticalPoints.js';
import type { DensityCurve, DensityCurveOptions } from './densityCurve.js';
import { densityCurve } from './densityCurve.js';
import { mpEdges } from './marchenkoPastur.js';
import type { NtkRecursionOptions } from './ntkRecursion.js';
import { ntkRecursion } from './ntkRecursion.js';
import type { SpectralMeasure } from './spectralMeasure.js';
import { measureSupportBounds } from './spectralMeasure.js';

/**
 * Density of the limiting NTK spectrum (MATH.md §3) ready for a kind. The scan range is [0, bound] with
 * bound = q_{−1} + Σ_ℓ q_ℓ E₊(μ_ℓ) (‖Σ q_ℓ K_ℓ‖ ≤ Σ q_ℓ ‖K_ℓ‖), the E₊ from the CK forward map.
 */
export function ntkDensityCurve(
  options: NtkRecursionOptions & { q: Float64Array },
  curve: Omit<DensityCurveOptions, 'range' | 'atoms'> & { range?: [number, number] } = {},
): DensityCurve {
  const solver = ntkRecursion(options);
  const range = curve.range ?? [0, 1.02 * ntkUpperBound(options.mu0, options.b, options.gammas, options.q)];
  return densityCurve(solver.evaluate, { ...curve, range });
}

export function ntkUpperBound(mu0: SpectralMeasure, b: number, gammas: ArrayLike<number>, q: Float64Array): number {
  const L = gammas.length;
  let bound = q[0] + q[1] * measureSupportBounds(mu0)[1];
  if (b * b < 1e-10) return bound + q[L + 1] * mpEdges(gammas[L - 1])[1];
  const crit = ckCriticalPoints(ckChain({ mu0, b, gammas }), mu0);
  for (let l = 1; l <= L; l++) bound += q[l + 1] * crit[l - 1].edge;
  return bound;
}

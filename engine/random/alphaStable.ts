import type { Rng } from './Rng.js';

/**
 * Symmetric α-stable draws with characteristic function E e^{itS} = exp(−|t|^α), by the
 * Chambers–Mallows–Stuck method (Chambers, Mallows & Stuck 1976; MATH.md §8.2):
 *   V ~ U(−π/2, π/2), E ~ Exp(1);
 *   α ≠ 1: S = sin(αV)/cos(V)^{1/α} · (cos((1−α)V)/E)^{(1−α)/α};   α = 1: S = tan V.
 * At α = 2 this is N(0, 2). Huge values are legitimate for small α and are never clipped.
 */
export function alphaStable(rng: Rng, alpha: number): number {
  // V is kept ≥ 1e-15 away from ±π/2 so cos(V) > 0 (MATH.md §8.2 pitfalls).
  const v = Math.max(-Math.PI / 2 + 1e-15, Math.min(Math.PI / 2 - 1e-15, Math.PI * (rng.uniform() - 0.5)));
  if (alpha === 1) return Math.tan(v);
  const e = -Math.log(rng.uniformPositive()); // U ∈ (0, 1] so E is finite
  return (Math.sin(alpha * v) / Math.pow(Math.cos(v), 1 / alpha)) * Math.pow(Math.cos((1 - alpha) * v) / e, (1 - alpha) / alpha);
}

export function fillAlphaStable(rng: Rng, alpha: number, out: Float64Array, scale = 1): Float64Array {
  if (!(alpha > 0 && alpha <= 2)) throw new RangeError(`alpha must be in (0, 2], got ${alpha}`);
  for (let i = 0; i < out.length; i++) out[i] = scale * alphaStable(rng, alpha);
  return out;
}

/** Student-t with ν degrees of freedom: Z/√(χ²_ν/ν), χ²_ν as a sum of squares for integer ν or via a Gamma draw. */
export function studentT(rng: Rng, nu: number): number {
  return rng.normal() / Math.sqrt(gamma(rng, nu / 2) * 2 / nu);
}

/** Symmetric Pareto-tailed: random sign × (U^{−1/α} − 1), so P(|X| > x) = (1 + x)^{−α}. */
export function symmetricPareto(rng: Rng, alpha: number): number {
  const x = Math.pow(rng.uniformPositive(), -1 / alpha) - 1;
  return rng.nextUint32() & 1 ? x : -x;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.uniformPositive(), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniformPositive();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

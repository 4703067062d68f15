import type { DensityCurve } from './densityCurve.js';
import { sameInterval } from './densityCurve.js';

/** Moments ∫ x^k ρ(x) dx + Σ atoms·a^k, k = 1..kmax, by the trapezoid rule on the curve's grid (§0.4 checks). */
export function densityMoments(curve: DensityCurve, kmax: number): Float64Array {
  if (!Number.isInteger(kmax) || kmax < 1) throw new RangeError(`densityMoments: kmax must be an integer ≥ 1, got ${kmax}`);
  const { x, density, atoms, edges } = curve;
  const out = new Float64Array(kmax);
  for (let k = 1; k <= kmax; k++) {
    let s = 0;
    for (let i = 1; i < x.length; i++) {
      if (!sameInterval(edges, x[i - 1], x[i])) continue;
      s += 0.5 * (density[i] * x[i] ** k + density[i - 1] * x[i - 1] ** k) * (x[i] - x[i - 1]);
    }
    for (const a of atoms) s += a.mass * a.x ** k;
    out[k - 1] = s;
  }
  return out;
}

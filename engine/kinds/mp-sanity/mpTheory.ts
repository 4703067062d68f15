/**
 * Marchenko–Pastur law of XᵀX for X d×n with iid entries of variance 1/d, γ = n/d (MATH.md §2.1):
 * density √((λ₊−x)(x−λ₋))/(2πγx) on [λ₋, λ₊], λ± = (1 ± √γ)², plus an atom 1 − 1/γ at 0 when γ > 1.
 *
 * The CDF uses the substitution x = λ₋ + (λ₊−λ₋)(1 − cos θ)/2, under which the square-root edges
 * become sin²θ — a smooth integrand, so Simpson's rule is accurate to ~1e-12 with a few thousand nodes.
 */
export interface MpLaw {
  gamma: number;
  lower: number;
  upper: number;
  /** Mass of the atom at 0 (0 when γ ≤ 1). */
  atom: number;
  density(x: number): number;
  /** Continuous part only: ∫_{λ₋}^{x} density. Add `atom` for x ≥ 0 to get the full CDF. */
  bulkCdf(x: number): number;
}

export function marchenkoPasturLaw(gamma: number): MpLaw {
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new RangeError(`gamma must be positive and finite, got ${gamma}`);
  const sg = Math.sqrt(gamma);
  const lower = (1 - sg) ** 2;
  const upper = (1 + sg) ** 2;
  const atom = gamma > 1 ? 1 - 1 / gamma : 0;
  const half = (upper - lower) / 2;
  const density = (x: number): number => (x <= lower || x >= upper ? 0 : Math.sqrt((upper - x) * (x - lower)) / (2 * Math.PI * gamma * x));
  // Tabulate the bulk CDF on a θ grid (Simpson, cumulative), interpolate linearly in θ.
  const m = 4096;
  const h = Math.PI / m;
  const integrand = (t: number): number => {
    const x = lower + half * (1 - Math.cos(t));
    const s = Math.sin(t);
    return x > 0 ? (half * half * s * s) / (2 * Math.PI * gamma * x) : 0;
  };
  const cum = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const a = i * h;
    cum[i + 1] = cum[i] + (h / 6) * (integrand(a) + 4 * integrand(a + h / 2) + integrand(a + h));
  }
  const bulkCdf = (x: number): number => {
    if (x <= lower) return 0;
    if (x >= upper) return cum[m];
    const t = Math.acos(1 - (x - lower) / half);
    const u = t / h;
    const i = Math.min(m - 1, Math.floor(u));
    return cum[i] + (u - i) * (cum[i + 1] - cum[i]);
  };
  return { gamma, lower, upper, atom, density, bulkCdf };
}

/** Grid on [λ₋, λ₊] clustered at both edges (cosine spacing) so the √ edges are resolved. */
export function edgeClusteredGrid(lower: number, upper: number, points: number): Float64Array {
  const x = new Float64Array(points);
  for (let i = 0; i < points; i++) x[i] = lower + ((upper - lower) * (1 - Math.cos((Math.PI * i) / (points - 1)))) / 2;
  return x;
}

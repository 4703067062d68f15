/**
 * Predicted eigenvector overlap n·E⟨u_i, v_j⟩² between A and its Dyson-Brownian-motion evolution B_t
 * (MATH.md §10.2, marked there "unverified — derive/check numerically"; derived from subordination
 * G_B(z) = G_A(z − t G_B(z)); the seed slides quote δ/((λ − μ)² + Cδ²) from Benigni 2017):
 *
 * - stationary, B_t = √(1−t) A + √t Z:  t / ((λ − μ)² + C t²),  C = (π ρ_sc(λ))² = 1 − λ²/4;
 * - additive,   B_t = A + √t Z:          t / ((λ − μ + t R(μ))² + (π t ρ_B(μ))²),
 *   R(μ) = μ/(2s²), ρ_B(μ) = √(4s² − μ²)/(2π s²), s² = 1 + t (ρ_B = 0 outside its support).
 * Valid for 1/n ≪ t ≪ 1 and bulk energies.
 */
export type OverlapVariant = 'stationary' | 'additive';

export function overlapTheory(variant: OverlapVariant, t: number, lambda: number, mu: number): number {
  if (variant === 'stationary') {
    const c = Math.max(0, 1 - (lambda * lambda) / 4);
    const d = lambda - mu;
    return t / (d * d + c * t * t);
  }
  const s2 = 1 + t;
  const shift = lambda - mu + (t * mu) / (2 * s2);
  const rho = Math.sqrt(Math.max(0, 4 * s2 - mu * mu)) / (2 * Math.PI * s2);
  const width = Math.PI * t * rho;
  return t / (shift * shift + width * width);
}

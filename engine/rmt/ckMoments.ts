/**
 * Closed-form first two moments of μ_ℓ, ℓ = 0..L (MATH.md §2.7): for μ = MP_γ ⊠ ν, m_1 = m_1(ν) and
 * m_2 = m_2(ν) + γ m_1(ν)², with ν the law of (1 − b²) + b²λ. With m_1(μ_0) = 1 this is
 * m_1 = 1, m_2(μ_ℓ) = 1 − b⁴ + b⁴ m_2(μ_{ℓ−1}) + γ_ℓ.
 */
export function ckMoments(m1mu0: number, m2mu0: number, b: number, gammas: ArrayLike<number>): { m1: Float64Array; m2: Float64Array } {
  const L = gammas.length;
  const b2 = b * b;
  const c = 1 - b2;
  const m1 = new Float64Array(L + 1);
  const m2 = new Float64Array(L + 1);
  m1[0] = m1mu0;
  m2[0] = m2mu0;
  for (let l = 1; l <= L; l++) {
    const n1 = c + b2 * m1[l - 1];
    const n2 = c * c + 2 * c * b2 * m1[l - 1] + b2 * b2 * m2[l - 1];
    m1[l] = n1;
    m2[l] = n2 + gammas[l - 1] * n1 * n1;
  }
  return { m1, m2 };
}

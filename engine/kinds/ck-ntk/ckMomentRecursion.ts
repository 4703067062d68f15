/**
 * Exact first four moments of every CK layer law μ_ℓ = MP_{γ_ℓ} ⊠ ν_ℓ, ν_ℓ = (1 − b²) + b²μ_{ℓ−1}
 * (MATH.md §2.1), from the moments of μ_0 — no density, no quadrature.
 *
 * Free multiplicative convolution with MP_γ (free cumulants κ_k = γ^{k−1}, summed over non-crossing
 * partitions with their Kreweras complements):
 *   m1 = ν1
 *   m2 = ν2 + γ ν1²                                   (§2.7)
 *   m3 = ν3 + 3γ ν1ν2 + γ² ν1³
 *   m4 = ν4 + 4γ ν1ν3 + 2γ ν2² + 6γ² ν1²ν2 + γ³ ν1⁴
 * (ν = δ_1 gives the Narayana moments of MP_γ: 1, 1+γ, 1+3γ+γ², 1+6γ+6γ²+γ³.) The moments of the affine
 * image ν_ℓ follow by the binomial theorem. b = 0 gives MP_{γ_ℓ} at every layer, as it must (§2.6).
 */
export function ckMomentRecursion(mu0Moments: readonly number[], b: number, gammas: readonly number[]): number[][] {
  if (mu0Moments.length < 4) throw new RangeError('ckMomentRecursion: need the first four moments of μ_0');
  const b2 = b * b;
  const c = 1 - b2;
  const out: number[][] = [mu0Moments.slice(0, 4)];
  let [m1, m2, m3, m4] = mu0Moments;
  for (const g of gammas) {
    // Moments of ν = c + b²λ.
    const e = [1, m1, m2, m3, m4];
    const nu = [0, 0, 0, 0, 0];
    for (let k = 1; k <= 4; k++) {
      let s = 0;
      let binom = 1;
      for (let j = 0; j <= k; j++) {
        s += binom * c ** (k - j) * b2 ** j * e[j];
        binom = (binom * (k - j)) / (j + 1);
      }
      nu[k] = s;
    }
    const [, n1, n2, n3, n4] = nu;
    m1 = n1;
    m2 = n2 + g * n1 * n1;
    m3 = n3 + 3 * g * n1 * n2 + g * g * n1 ** 3;
    m4 = n4 + 4 * g * n1 * n3 + 2 * g * n2 * n2 + 6 * g * g * n1 * n1 * n2 + g ** 3 * n1 ** 4;
    out.push([m1, m2, m3, m4]);
  }
  return out;
}

/**
 * NTK constants of depth L (MATH.md §1 "NTK constants", from the reference code of Fan–Wang 2005.11879):
 * q_ℓ = b^{2(L−ℓ)} for ℓ = 0…L (so q_L = 1) and q_{−1} = Σ_{k=1}^{L} (a^k − b^{2k}).
 * The NTK spectrum is that of q_{−1} I + Σ_ℓ q_ℓ K_ℓ (§3.1). Check: q_{−1} + Σ q_ℓ = Σ_{k=0}^{L} a^k.
 */
export interface NtkConstants {
  /** q[0] = q_{−1}, q[ℓ+1] = q_ℓ for ℓ = 0…L (length L + 2). */
  q: Float64Array;
}

export function ntkConstants(b: number, a: number, L: number): NtkConstants {
  if (!Number.isInteger(L) || L < 1) throw new RangeError(`ntkConstants: L must be an integer ≥ 1, got ${L}`);
  if (!Number.isFinite(b) || !Number.isFinite(a) || a < 0) {
    throw new RangeError(`ntkConstants: need finite b and a ≥ 0, got b=${b}, a=${a}`);
  }
  const b2 = b * b;
  const q = new Float64Array(L + 2);
  let qm1 = 0;
  for (let k = 1; k <= L; k++) qm1 += a ** k - b2 ** k;
  q[0] = qm1;
  for (let l = 0; l <= L; l++) q[l + 1] = b2 ** (L - l);
  return { q };
}

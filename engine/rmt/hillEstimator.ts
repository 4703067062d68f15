/**
 * Hill estimator of a power-law tail (MATH.md §7.2): with λ_(1) ≥ λ_(2) ≥ …,
 * H_k = (1/k) Σ_{i≤k} ln λ_(i) − ln λ_(k+1); tail index 1/H_k, density exponent 1 + 1/H_k.
 * Non-positive eigenvalues (rank deficiency) are dropped before taking logs.
 */
export interface HillResult {
  k: number;
  H: number;
  tailIndex: number;
  densityExponent: number;
}

export function hillEstimator(eigenvalues: ArrayLike<number>, k: number): HillResult {
  const pos = Float64Array.from(eigenvalues).filter((v) => v > 0).sort().reverse();
  if (!Number.isInteger(k) || k < 1 || k >= pos.length) {
    throw new RangeError(`hillEstimator: k must be an integer in [1, ${pos.length - 1}] (positive eigenvalues), got ${k}`);
  }
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(pos[i]);
  const H = s / k - Math.log(pos[k]);
  return { k, H, tailIndex: 1 / H, densityExponent: 1 + 1 / H };
}

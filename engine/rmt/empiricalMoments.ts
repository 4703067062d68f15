/** Empirical spectral moments (1/n) Σ λ_i^k, k = 1..kmax (MATH.md §2.7, §8.4 moment tables). */
export function empiricalMoments(eigenvalues: ArrayLike<number>, kmax: number): Float64Array {
  if (!Number.isInteger(kmax) || kmax < 1) throw new RangeError(`empiricalMoments: kmax must be an integer ≥ 1, got ${kmax}`);
  const n = eigenvalues.length;
  if (n === 0) throw new RangeError('empiricalMoments: empty sample');
  const out = new Float64Array(kmax);
  for (let i = 0; i < n; i++) {
    const x = eigenvalues[i];
    let p = 1;
    for (let k = 0; k < kmax; k++) {
      p *= x;
      out[k] += p;
    }
  }
  for (let k = 0; k < kmax; k++) out[k] /= n;
  return out;
}

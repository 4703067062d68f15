/**
 * Kolmogorov–Smirnov distances (MATH.md §7.2).
 * Against theory: D = sup_x |F_n(x) − F(x)|, checked just left of and at every distinct sample value
 * (both one-sided gaps). F must be right-continuous (cdfEvaluator is).
 * Note for spectra with an atom at 0: numerically zero eigenvalues (±1e-14) sit on either side of the
 * atom; clamp |λ| < tol to 0 before calling, or the jump counts against the sample.
 */
export function ksDistance(sortedEigenvalues: ArrayLike<number>, theoryCdf: (x: number) => number): number {
  const n = sortedEigenvalues.length;
  if (n === 0) throw new RangeError('ksDistance: empty sample');
  let d = 0;
  let i = 0;
  while (i < n) {
    const x = sortedEigenvalues[i];
    if (i > 0 && x < sortedEigenvalues[i - 1]) throw new RangeError('ksDistance: eigenvalues must be sorted ascending');
    // Ties (e.g. eigenvalues clamped onto an atom) are one jump of the empirical CDF: compare F_n and F
    // just left of x (F(x−) ≈ F(x − 1e-12·max(1,|x|))) and at x.
    let j = i;
    while (j < n && sortedEigenvalues[j] === x) j++;
    const left = theoryCdf(x - 1e-12 * Math.max(1, Math.abs(x)));
    const at = theoryCdf(x);
    d = Math.max(d, Math.abs(i / n - left), Math.abs(j / n - at));
    i = j;
  }
  return d;
}

/** Two-sample KS distance sup |F_a − F_b|, merging the two sorted lists (ties handled jointly). */
export function ksDistanceTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  const na = sa.length;
  const nb = sb.length;
  if (na === 0 || nb === 0) throw new RangeError('ksDistanceTwoSample: empty sample');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < na && j < nb) {
    const x = Math.min(sa[i], sb[j]);
    while (i < na && sa[i] === x) i++;
    while (j < nb && sb[j] === x) j++;
    d = Math.max(d, Math.abs(i / na - j / nb));
  }
  return d;
}

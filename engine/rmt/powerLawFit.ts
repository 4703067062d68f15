/**
 * Power-law fit of a spectral tail in the Clauset–Shalizi–Newman / WeightWatchers style (MATH.md §7.2).
 *
 * For a candidate xmin with k points ≥ xmin: continuous MLE α̂ = 1 + k/Σ ln(λ_i/xmin), standard error
 * (α̂ − 1)/√k, and the KS distance D = max over tail points of |S_emp(x) − (1 − (x/xmin)^{1−α̂})|, S_emp the
 * empirical CDF of the tail. The xmin minimising D among the data values (keeping ≥ minTail points) wins.
 * Truncated variant (xmax given, WeightWatchers uses xmax = λ_max): maximise
 * k ln(α−1) − k ln(xmin^{1−α} − xmax^{1−α}) − αΣ ln λ_i over α ∈ (1, 20) by golden section, with the
 * matching truncated CDF in D. α̂ > 6 is flagged: a compact (e.g. MP) bulk fitted as a power law.
 */
export interface PowerLawFit {
  alpha: number;
  xmin: number;
  /** KS distance of the fitted tail. */
  D: number;
  nTail: number;
  sigma: number;
  /** α̂ > 6: no heavy tail (§7.2 pitfall). */
  noHeavyTail: boolean;
}

export function powerLawFit(eigenvalues: ArrayLike<number>, options: { minTail?: number; xmax?: number; maxCandidates?: number } = {}): PowerLawFit {
  const data = Float64Array.from(eigenvalues).filter((v) => v > 0).sort();
  const n = data.length;
  const minTail = options.minTail ?? 50;
  if (n < minTail + 1) throw new RangeError(`powerLawFit: need more than minTail = ${minTail} positive values, got ${n}`);
  const xmax = options.xmax;
  // Suffix sums of logs so that each candidate costs O(k) only for D.
  const logs = Float64Array.from(data, Math.log);
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + logs[i];
  // Candidates: distinct data values leaving ≥ minTail points; thinned to maxCandidates for speed.
  const last = n - minTail;
  const maxC = options.maxCandidates ?? 2000;
  const stride = Math.max(1, Math.floor((last + 1) / maxC));
  let best: PowerLawFit | null = null;
  for (let i = 0; i <= last; i += stride) {
    if (i > 0 && data[i] === data[i - 1]) continue;
    const xmin = data[i];
    const k = n - i;
    const sumLog = suffix[i];
    let alpha: number;
    if (xmax === undefined) {
      const denom = sumLog - k * Math.log(xmin);
      if (!(denom > 0)) continue;
      alpha = 1 + k / denom;
    } else {
      const ll = (a: number): number => k * Math.log(a - 1) - k * Math.log(xmin ** (1 - a) - xmax ** (1 - a)) - a * sumLog;
      let a = 1 + 1e-9;
      let b = 20;
      const g = (Math.sqrt(5) - 1) / 2;
      let c = b - g * (b - a);
      let d = a + g * (b - a);
      let fc = ll(c);
      let fd = ll(d);
      for (let it = 0; it < 100; it++) {
        if (fc > fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - g * (b - a);
          fc = ll(c);
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + g * (b - a);
          fd = ll(d);
        }
      }
      alpha = 0.5 * (a + b);
    }
    const model = (x: number): number => {
      if (xmax === undefined) return 1 - (x / xmin) ** (1 - alpha);
      const lo = xmin ** (1 - alpha);
      return (lo - x ** (1 - alpha)) / (lo - xmax ** (1 - alpha));
    };
    let D = 0;
    for (let j = 0; j < k; j++) {
      const f = model(data[i + j]);
      D = Math.max(D, Math.abs((j + 1) / k - f), Math.abs(f - j / k));
    }
    if (!best || D < best.D) best = { alpha, xmin, D, nTail: k, sigma: (alpha - 1) / Math.sqrt(k), noHeavyTail: alpha > 6 };
  }
  if (!best) throw new Error('powerLawFit: no admissible xmin');
  return best;
}

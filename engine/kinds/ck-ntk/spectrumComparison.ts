/**
 * Empirical spectrum against a theory CDF: histogram of the bulk, Kolmogorov–Smirnov distance and moments.
 * Eigenvalues pooled over repeats are one sample of the averaged ESD, so the pooled histogram is the
 * average of the per-repeat histograms and the pooled ECDF their average ECDF.
 */
export interface Histogram {
  edges: Float64Array;
  density: Float64Array;
}

/**
 * Density histogram of `values` on [lo, hi] with `bins` equal bins, normalised by `total` (the size of the
 * whole sample, atoms and outliers included) so that it integrates to the fraction of mass it shows —
 * the same normalisation as the theory's absolutely continuous part. Values outside [lo, hi] are left out.
 */
export function densityHistogram(values: ArrayLike<number>, total: number, lo: number, hi: number, bins: number): Histogram {
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  const width = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo || v > hi) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  const density = counts.map((c) => c / (total * width));
  return { edges, density };
}

/**
 * sup_x |F_N(x) − F(x)| over the sorted sample: at every jump of the ECDF, the left limits F_N(λ−) = i/N
 * against F(λ−) and the values F_N(λ) against F(λ), so that an atom of F at λ (e.g. the zero eigenvalues)
 * is compared jump against jump. Ties are one jump.
 */
export function ksDistance(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const N = sorted.length;
  let ks = 0;
  for (let i = 0; i < N; i++) {
    let j = i;
    while (j + 1 < N && sorted[j + 1] === sorted[i]) j++;
    const v = sorted[i];
    const f = cdf(v);
    const fLeft = cdf(v - 1e-12 * Math.max(1, Math.abs(v)));
    ks = Math.max(ks, Math.abs(fLeft - i / N), Math.abs(f - (j + 1) / N));
    i = j;
  }
  return ks;
}

/** ∫x^k dμ_N for k = 1..4. */
export function empiricalMoments(values: ArrayLike<number>): number[] {
  const m = [0, 0, 0, 0];
  const N = values.length;
  for (let i = 0; i < N; i++) {
    const x = values[i];
    const x2 = x * x;
    m[0] += x;
    m[1] += x2;
    m[2] += x2 * x;
    m[3] += x2 * x2;
  }
  return m.map((v) => v / N);
}

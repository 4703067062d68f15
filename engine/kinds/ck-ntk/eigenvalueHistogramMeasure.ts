/**
 * The input spectrum μ_0 of a data matrix (imported or a Gaussian mixture) as a measure the rmt solvers
 * accept, built from the eigenvalues of XᵀX (MATH.md §2.3(b)): a histogram with exact Stieltjes transform
 * rather than n atoms, because atoms cannot be evaluated near the real axis without spurious spikes and
 * Cauchy smoothing (§2.3(c)) would give μ_0 unbounded support.
 *
 * Bins hold ~√N consecutive eigenvalues (equal mass), so they are narrow where the spectrum is dense and
 * wide where it is sparse; a gap wider than 20 median spacings (an isolated spike, or a separate bulk)
 * ends a bin and becomes an empty bin, so spikes stay where they are instead of being smeared over the gap.
 * Eigenvalues within `zeroTol` of 0 (rank deficiency, n > d_0) form an atom at 0.
 */
import { histogramMeasure, type SpectralMeasure } from '../../rmt/spectralMeasure.js';

export function eigenvalueHistogramMeasure(sortedEigenvalues: Float64Array, zeroTol: number): SpectralMeasure {
  const N = sortedEigenvalues.length;
  let zeros = 0;
  while (zeros < N && Math.abs(sortedEigenvalues[zeros]) <= zeroTol) zeros++;
  const vals = sortedEigenvalues.subarray(zeros);
  const M = vals.length;
  if (M === 0) return histogramMeasure([0, 1e-300], [0], { points: [0], weights: [1] });
  const spacings: number[] = [];
  for (let i = 1; i < M; i++) spacings.push(vals[i] - vals[i - 1]);
  spacings.sort((a, b) => a - b);
  const median = spacings.length > 0 ? spacings[spacings.length >> 1] : 0;
  const scale = Math.max(Math.abs(vals[M - 1]), 1e-300);
  const gapTol = Math.max(20 * median, 1e-9 * scale);
  const perBin = Math.max(5, Math.round(Math.sqrt(N)));
  // Groups of consecutive eigenvalues.
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= M; i++) {
    if (i === M || i - start >= perBin || vals[i] - vals[i - 1] > gapTol) {
      groups.push([start, i]);
      start = i;
    }
  }
  const halfWidth = (g: [number, number]): number => {
    const [a, b] = g;
    const span = vals[b - 1] - vals[a];
    return b - a > 1 ? (0.5 * span) / (b - a - 1) : Math.max(0.05 * gapTol, 1e-9 * scale);
  };
  const edges: number[] = [];
  const masses: number[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    const lo = vals[g[0]];
    const hi = vals[g[1] - 1];
    let left: number;
    if (k === 0) left = lo - halfWidth(g);
    else {
      const prev = groups[k - 1];
      const gap = lo - vals[prev[1] - 1];
      left = gap > gapTol ? lo - halfWidth(g) : 0.5 * (lo + vals[prev[1] - 1]);
    }
    // A Gram spectrum is ≥ 0: the first bin never reaches below half its first eigenvalue.
    if (k === 0) edges.push(lo > 0 ? Math.max(left, 0.5 * lo) : left);
    else if (left > edges[edges.length - 1]) {
      // An empty bin across the gap.
      edges.push(left);
      masses.push(0);
    }
    let right: number;
    if (k === groups.length - 1) right = hi + halfWidth(g);
    else {
      const next = groups[k + 1];
      const gap = vals[next[0]] - hi;
      right = gap > gapTol ? hi + halfWidth(g) : 0.5 * (hi + vals[next[0]]);
    }
    if (!(right > edges[edges.length - 1])) right = edges[edges.length - 1] + 1e-12 * scale;
    edges.push(right);
    masses.push((g[1] - g[0]) / N);
  }
  // Renormalise the rounding of count/N so that the total is exactly 1.
  const atomMass = zeros / N;
  let total = atomMass;
  for (const m of masses) total += m;
  const fix = 1 / total;
  return histogramMeasure(
    edges,
    masses.map((m) => m * fix),
    zeros > 0 ? { points: [0], weights: [atomMass * fix] } : undefined,
  );
}

/**
 * Equal-width histogram of eigenvalues as a density (for spectrumOption), over a given range so that
 * snapshots scrubbed with a slider share one x axis. Values outside the range are left out (outliers
 * are marked separately).
 */
export function eigenvalueHistogram(values: ArrayLike<number>, range: readonly [number, number], bins: number): { edges: Float64Array; density: Float64Array } {
  const [lo, hi] = range;
  const width = (hi - lo) / bins || 1;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + i * width;
  const density = new Float64Array(bins);
  const m = values.length;
  for (let i = 0; i < m; i++) {
    const b = Math.floor((values[i] - lo) / width);
    if (b >= 0 && b < bins) density[b]++;
    else if (values[i] === hi) density[bins - 1]++;
  }
  for (let b = 0; b < bins; b++) density[b] /= m * width;
  return { edges, density };
}

/** The same histogram as a curve through the bin centres (to overlay a reference ESD, e.g. step 0). */
export function histogramCurve(h: { edges: Float64Array; density: Float64Array }): { x: Float64Array; density: Float64Array } {
  const x = new Float64Array(h.density.length);
  for (let i = 0; i < x.length; i++) x[i] = 0.5 * (h.edges[i] + h.edges[i + 1]);
  return { x, density: h.density };
}

import type { DenseMatrix } from '../linalg/index.js';

/**
 * Degree-profile similarity (after Ding, Ma, Wu & Xu 2018, arXiv 1811.07821; MATH.md §9.5 marks the
 * details as from memory): each vertex gets a profile, a sorted list of numbers, and the similarity of
 * (i, j) is minus the 1-Wasserstein distance between the empirical distributions of their profiles
 * (the integral of the absolute difference of the quantile functions, computed exactly by merging the
 * two step functions). Rounding the similarity by linear assignment minimises the total W1.
 *
 * Profiles:
 * - 0/1 graphs: the degrees of i's neighbours, each minus one (the edge back to i carries no
 *   information), divided by the graph's mean degree so that graphs of different density compare;
 *   a vertex without neighbours has the profile {0}.
 * - weighted graphs (Gaussian model): the off-diagonal entries of row i; every vertex is adjacent to
 *   every other, so the neighbours' degrees would all be alike, while the row's empirical distribution
 *   is what Ding et al. use for the Gaussian model.
 * Cost: O(n² · d̄) for 0/1 graphs of mean degree d̄, O(n³) for weighted graphs.
 */
export function degreeProfileSimilarity(a: Float64Array, b: Float64Array, n: number, binary: boolean): DenseMatrix {
  const pa = profiles(a, n, binary);
  const pb = profiles(b, n, binary);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = -wasserstein1Sorted(pa[i], pb[j]);
  return { rows: n, cols: n, data };
}

function profiles(a: Float64Array, n: number, binary: boolean): Float64Array[] {
  const out: Float64Array[] = [];
  if (binary) {
    const deg = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) if (j !== i && a[i * n + j] !== 0) d++;
      deg[i] = d;
      total += d;
    }
    const mean = total / n || 1;
    for (let i = 0; i < n; i++) {
      const p: number[] = [];
      for (let j = 0; j < n; j++) if (j !== i && a[i * n + j] !== 0) p.push((deg[j] - 1) / mean);
      out.push(p.length ? Float64Array.from(p).sort() : Float64Array.of(0));
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = new Float64Array(n - 1);
      for (let j = 0, k = 0; j < n; j++) if (j !== i) p[k++] = a[i * n + j];
      out.push(p.sort());
    }
  }
  return out;
}

/**
 * W1 between the uniform measures on two ascending lists: ∫₀¹ |F_x⁻¹(t) − F_y⁻¹(t)| dt. The quantile
 * functions are step functions with jumps at i/m and j/k; the breakpoints are compared as integers
 * ((i+1)·k vs (j+1)·m) so that coincident jumps are never split by rounding.
 */
export function wasserstein1Sorted(x: Float64Array, y: Float64Array): number {
  const m = x.length;
  const k = y.length;
  if (m === k) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(x[i] - y[i]);
    return s / m;
  }
  let i = 0;
  let j = 0;
  let t = 0; // current position in units of 1/(m·k)
  let acc = 0;
  while (i < m && j < k) {
    const endX = (i + 1) * k;
    const endY = (j + 1) * m;
    const end = Math.min(endX, endY);
    acc += (end - t) * Math.abs(x[i] - y[j]);
    t = end;
    if (endX === end) i++;
    if (endY === end) j++;
  }
  return acc / (m * k);
}

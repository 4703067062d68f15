import type { StieltjesFunction } from './spectralMeasure.js';

/**
 * Turns a Stieltjes transform into a density curve by inversion (MATH.md §0.2, §0.4):
 * ρ(x) ≈ Im m(x + iε)/π, which is *exactly* μ blurred by a Cauchy kernel of half-width ε.
 *
 * 1. Atoms are handled separately: their masses (given, or measured as ε·Im m(a + iε) at ε = 1e-10×width)
 *    are reported and their Cauchy tails p·ε/(π((x−a)² + ε²)) are subtracted from the curve.
 * 2. The support is found by a scan of the range (uniform points, plus geometric clusters toward the left
 *    end of the range and around every atom, because §2.6 puts small separate bulks near (1−b²)(1 ± √γ)²
 *    and the grid must reach ~1e-4). A point is inside the support iff Im m(x+iε) ≈ Im m(x+10iε) at tiny
 *    ε = 1e-9×width (outside, Im m ≈ ε·m′(x) grows linearly with ε, so the ratio is 0.1; inside it is ≈ 1).
 *    Edges are refined by bisection on that classification (resolution ~10ε).
 * 3. Each support interval gets a Chebyshev–Lobatto grid (clustered at the edges, where square-root
 *    edges vary fastest), at least 24 points, 60 % of the budget shared by ½(width share + mass share); the other 40 % go
 *    to adaptive refinement where the trapezoid error estimate h³|ρ''|/12 is largest (narrow bulks, peaks).
 * 4. ε = max(floor, ½ × smallest initial grid spacing), floor = epsilonFloor × support width, reported:
 *    the curve is μ ∗ Cauchy(ε). Default epsilonFloor = 1e-9, not MATH.md §0.2's 1e-5: that floor protects
 *    approximate solvers from spurious branches, while ours validate every point (exact half-plane
 *    conditions), and 1e-5 blurs a narrow bulk near 0 (§2.6) enough to lose 2e-4 of mass and to move
 *    CDF values by up to 2e-4. Pass epsilonFloor: 1e-5 (or an explicit epsilon) to get the §0.2 rule.
 *    Integrals (mass, CDF) add the first-order de-blurring term (see `realPart`), so they are accurate to
 *    ~1e-4 even for a narrow bulk near 0 where the plain blurred integral loses 2e-3.
 * Evaluation order follows the grid so that warm-started solvers (ckChain) stay fast.
 */
export interface DensityCurve {
  x: Float64Array;
  /** Absolutely continuous part, atoms' Cauchy tails removed, clamped at ≥ 0. */
  density: Float64Array;
  atoms: { x: number; mass: number }[];
  /** Support intervals of the absolutely continuous part. */
  edges: [number, number][];
  /** Cauchy half-width used for every grid point. */
  epsilon: number;
  /**
   * Re m(x + iε) without the atoms' part, at each grid point. Used by cdfFromDensity for the first-order
   * de-blurring of integrals: for the Cauchy-blurred CDF, F_ε(x) − F(x) = (ε/π) Re m(x) + O(ε²), so the
   * mass of μ in [l, x] is ∫_l^x ρ_ε + (ε/π)(Re m(l) − Re m(x)).
   */
  realPart: Float64Array;
  /** ∫ρ + Σ atoms (trapezoid with the first-order ε correction): 1 within ~1e-4 (§0.4). */
  mass: number;
}

export interface DensityCurveOptions {
  /** An interval containing the whole support (scan range). */
  range: [number, number];
  /** Total number of grid points over the support (default 1000). */
  points?: number;
  /** Candidate atoms: location and, if known, exact mass. */
  atoms?: { x: number; mass?: number }[];
  /** ε floor relative to the support width (default 1e-9; MATH.md §0.2 suggests 1e-5, see header). */
  epsilonFloor?: number;
  /** Explicit Cauchy half-width (e.g. to match a histogram's resolution); overrides the rule. */
  epsilon?: number;
  /** Known support intervals: skips the scan. */
  supportIntervals?: [number, number][];
  /** Uniform scan points (default 1500). */
  scanPoints?: number;
}

export function densityCurve(m: StieltjesFunction, options: DensityCurveOptions): DensityCurve {
  const [lo, hi] = options.range;
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new RangeError(`densityCurve: range must be a finite interval [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
  }
  const points = options.points ?? 1000;
  if (!Number.isInteger(points) || points < 50) throw new RangeError(`densityCurve: points must be an integer ≥ 50, got ${points}`);
  const W = hi - lo;
  const out = new Float64Array(4);
  const imAt = (x: number, eps: number): number => {
    m(x, eps, out);
    return out[1];
  };

  // 1. Atoms.
  const atoms: { x: number; mass: number }[] = [];
  for (const a of options.atoms ?? []) {
    let mass = a.mass;
    if (mass === undefined) {
      const ea = 1e-10 * W;
      mass = ea * imAt(a.x, ea);
    }
    if (mass > 1e-9) atoms.push({ x: a.x, mass });
  }
  const atomTail = (x: number, eps: number): number => {
    let s = 0;
    for (const a of atoms) {
      const d = x - a.x;
      s += (a.mass * eps) / (d * d + eps * eps);
    }
    return s;
  };

  // 2. Support.
  const intervals = options.supportIntervals
    ? options.supportIntervals.map(([l, r]) => [l, r] as [number, number])
    : detectSupport(imAt, atomTail, lo, hi, atoms, options.scanPoints ?? 1500);

  // 3. Initial grid per interval: Chebyshev–Lobatto (60 % of the budget, in proportion to width) plus
  // geometric points toward both edges (log-scale structure: hard edges near 0, narrow bulks).
  let supportWidth = 0;
  if (intervals.length > 0) supportWidth = intervals[intervals.length - 1][1] - intervals[0][0];
  const totalWidth = intervals.reduce((s, [l, r]) => s + (r - l), 0);
  const initial = Math.round(0.6 * points);
  const xs: number[] = [];
  let minSpacing = Infinity;
  // A coarse 17-point pass per interval estimates its mass, so that a narrow bulk carrying much mass (the
  // §2.6 small bulk) gets as many points as its share of the mass, not just of the width.
  const coarseMass = intervals.map(([l, r]) => {
    let s = 0;
    let prevX = l;
    let prevD = 0;
    for (let j = 0; j <= 16; j++) {
      const xv = l + ((r - l) * (1 - Math.cos((Math.PI * j) / 16))) / 2;
      const d = Math.max(0, imAt(xv, 1e-9 * W) - atomTail(xv, 1e-9 * W));
      if (j > 0) s += 0.5 * (d + prevD) * (xv - prevX);
      prevX = xv;
      prevD = d;
    }
    return s;
  });
  const totalCoarse = coarseMass.reduce((s, v) => s + v, 0);
  for (const [idx, [l, r]] of intervals.entries()) {
    const w = r - l;
    const share = totalCoarse > 0 ? 0.5 * (w / totalWidth + coarseMass[idx] / totalCoarse) : w / totalWidth;
    const n = Math.max(24, Math.round(initial * share));
    const local: number[] = [];
    for (let j = 0; j < n; j++) local.push(l + (w * (1 - Math.cos((Math.PI * j) / (n - 1)))) / 2);
    const firstGap = (w * (1 - Math.cos(Math.PI / (n - 1)))) / 2;
    for (let k = 0; k < 16; k++) {
      const d = firstGap * 10 ** (-4 + (4 * k) / 16);
      local.push(l + d, r - d);
    }
    local.sort((a, b) => a - b);
    xs.push(...local);
    for (let j = 1; j < local.length; j++) minSpacing = Math.min(minSpacing, local[j] - local[j - 1]);
  }
  const floor = (options.epsilonFloor ?? 1e-9) * (supportWidth > 0 ? supportWidth : W);
  const epsilon = options.epsilon ?? Math.max(floor, Number.isFinite(minSpacing) ? 0.5 * minSpacing : 0);
  if (!(epsilon > 0)) throw new RangeError(`densityCurve: epsilon must be > 0, got ${epsilon}`);

  // 4. Density at the grid points (atoms' Cauchy tails removed from both Im m and Re m).
  const sample = (xv: number): [number, number] => {
    m(xv, epsilon, out);
    let tailIm = 0;
    let tailRe = 0;
    for (const a of atoms) {
      const d = a.x - xv;
      const den = d * d + epsilon * epsilon;
      tailIm += (a.mass * epsilon) / den;
      tailRe += (a.mass * d) / den;
    }
    const v = (out[1] - tailIm) / Math.PI;
    return [v > 0 ? v : 0, out[0] - tailRe];
  };
  let pts = xs.map((xv) => {
    const [d, r] = sample(xv);
    return { x: xv, d, r };
  });

  // 5. Adaptive refinement: split the segments with the largest trapezoid-error estimate h³|ρ''|/12
  // (ρ'' from divided differences), in rounds, evaluating new points in increasing order (warm starts).
  const linkedAt = (i: number): boolean => sameInterval(intervals, pts[i].x, pts[i + 1].x);
  for (let round = 0; round < 12 && pts.length < points; round++) {
    const second = new Float64Array(pts.length);
    for (let i = 1; i + 1 < pts.length; i++) {
      if (!linkedAt(i - 1) || !linkedAt(i)) continue;
      const h0 = pts[i].x - pts[i - 1].x;
      const h1 = pts[i + 1].x - pts[i].x;
      second[i] = Math.abs((2 * ((pts[i + 1].d - pts[i].d) / h1 - (pts[i].d - pts[i - 1].d) / h0)) / (h0 + h1));
    }
    const cand: { i: number; err: number }[] = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      if (!linkedAt(i)) continue;
      const h = pts[i + 1].x - pts[i].x;
      const err = (h * h * h * Math.max(second[i], second[i + 1])) / 12;
      if (err > 1e-9 && h > 4 * epsilon) cand.push({ i, err });
    }
    if (cand.length === 0) break;
    cand.sort((a, b) => b.err - a.err);
    const take = cand.slice(0, Math.min(cand.length, points - pts.length)).map((c) => c.i).sort((a, b) => a - b);
    const added = take.map((i) => {
      const xv = 0.5 * (pts[i].x + pts[i + 1].x);
      const [d, r] = sample(xv);
      return { x: xv, d, r };
    });
    pts = pts.concat(added).sort((a, b) => a.x - b.x);
  }
  const x = Float64Array.from(pts, (p) => p.x);
  const density = Float64Array.from(pts, (p) => p.d);
  const realPart = Float64Array.from(pts, (p) => p.r);
  const curve: DensityCurve = { x, density, atoms, edges: intervals, epsilon, realPart, mass: 0 };
  curve.mass = continuousMass(curve) + atoms.reduce((s, a) => s + a.mass, 0);
  return curve;
}

/** ∫ρ over the support: trapezoid per interval plus the (ε/π)(Re m(l) − Re m(r)) de-blurring term. */
function continuousMass(curve: DensityCurve): number {
  const { x, density, realPart, epsilon, edges } = curve;
  let mass = 0;
  let first = 0;
  for (let i = 1; i <= x.length; i++) {
    if (i < x.length && sameInterval(edges, x[i - 1], x[i])) {
      mass += 0.5 * (density[i] + density[i - 1]) * (x[i] - x[i - 1]);
    } else {
      mass += (epsilon / Math.PI) * (realPart[first] - realPart[i - 1]);
      first = i;
    }
  }
  return mass;
}

/** True if a and b lie in the same support interval (grid points are generated interval by interval). */
export function sameInterval(intervals: [number, number][], a: number, b: number): boolean {
  for (const [l, r] of intervals) {
    if (a >= l && a <= r) return b >= l && b <= r;
  }
  return false;
}

function detectSupport(
  imAt: (x: number, eps: number) => number,
  atomTail: (x: number, eps: number) => number,
  lo: number,
  hi: number,
  atoms: { x: number; mass: number }[],
  scanPoints: number,
): [number, number][] {
  const W = hi - lo;
  const eps = 1e-9 * W;
  const xs = new Set<number>();
  for (let i = 0; i <= scanPoints; i++) xs.add(lo + (W * i) / scanPoints);
  const cluster = (c: number): void => {
    for (let k = 0; k <= 60; k++) {
      const d = W * 10 ** (-7 + (6 * k) / 60);
      if (c + d <= hi) xs.add(c + d);
      if (c - d >= lo) xs.add(c - d);
    }
  };
  cluster(lo);
  for (const a of atoms) cluster(a.x);
  const atomXs = atoms.map((a) => a.x);
  const grid = Array.from(xs)
    .filter((x) => atomXs.every((a) => Math.abs(x - a) > 1e-8 * W))
    .sort((a, b) => a - b);
  const inside = (x: number): boolean => {
    const v1 = imAt(x, eps) - atomTail(x, eps);
    const v10 = imAt(x, 10 * eps) - atomTail(x, 10 * eps);
    return v10 > 0 && v1 > 0.5 * v10;
  };
  // Two passes at fixed ε keep a warm-started solver on one ε level.
  const v1 = grid.map((x) => imAt(x, eps) - atomTail(x, eps));
  const v10 = grid.map((x) => imAt(x, 10 * eps) - atomTail(x, 10 * eps));
  const flags = grid.map((_, i) => v10[i] > 0 && v1[i] > 0.5 * v10[i]);
  const refine = (a: number, b: number, aInside: boolean): number => {
    // Bisection between a (classified aInside) and b (the opposite).
    let l = a;
    let r = b;
    for (let k = 0; k < 40 && r - l > 2e-9 * W; k++) {
      const mid = 0.5 * (l + r);
      if (inside(mid) === aInside) l = mid;
      else r = mid;
    }
    return 0.5 * (l + r);
  };
  const intervals: [number, number][] = [];
  let start: number | null = null;
  for (let i = 0; i < grid.length; i++) {
    if (flags[i] && start === null) start = i === 0 ? grid[0] : refine(grid[i - 1], grid[i], false);
    if (!flags[i] && start !== null) {
      intervals.push([start, refine(grid[i - 1], grid[i], true)]);
      start = null;
    }
  }
  if (start !== null) intervals.push([start, grid[grid.length - 1]]);
  return intervals.filter(([l, r]) => r > l);
}

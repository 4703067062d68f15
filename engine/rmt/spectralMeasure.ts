import type { Complex } from './complex.js';
import { mpAtomMass, mpEdges, mpMoment, mpStieltjesInto } from './marchenkoPastur.js';

/**
 * A probability measure on ℝ given to the solvers as μ_0 or ν (MATH.md §2.3), and its Stieltjes transform
 * m(z) = ∫ μ(dx)/(x − z) (§0.1).
 *
 * - `mp`: closed-form Marchenko–Pastur MP_γ (§0.5);
 * - `atoms`: {t_k, w_k} (§2.3(a)), weights summing to 1;
 * - `empirical`: eigenvalues, each of mass 1/n, evaluated at z + iη_0 (§2.3(c)): Cauchy smoothing of width
 *   η_0, because a sum of n poles cannot resolve below the eigenvalue spacing;
 * - `histogram`: bins with masses, exact transform of the piecewise-uniform density (§2.3(b)), plus optional
 *   atoms. Unlike atoms at the bin centres it has no spurious spikes as Im z → 0;
 * - `affine`: the law of shift + scale·λ, λ ~ base (scale > 0); ν_ℓ = (1 − b²) + b²μ_{ℓ−1} is of this form.
 */
export type SpectralMeasure =
  | { kind: 'mp'; gamma: number }
  | { kind: 'atoms'; points: Float64Array; weights: Float64Array }
  | { kind: 'empirical'; eigenvalues: Float64Array; eta0: number }
  | {
      kind: 'histogram';
      edges: Float64Array;
      masses: Float64Array;
      atoms?: { points: Float64Array; weights: Float64Array };
    }
  | { kind: 'affine'; base: SpectralMeasure; shift: number; scale: number };

/**
 * A Stieltjes transform evaluator: writes m(z) into out[0] (re), out[1] (im) and m′(z) into out[2], out[3]
 * (NaN when the evaluator cannot provide it), for z = re + i·im. `out` has length ≥ 4 and is caller-owned:
 * solvers call this ~1e5–1e6 times per curve, so nothing is allocated per call.
 */
export type StieltjesFunction = (re: number, im: number, out: Float64Array) => void;

export function mpMeasure(gamma: number): SpectralMeasure {
  mpEdges(gamma); // validates
  return { kind: 'mp', gamma };
}

export function atomsMeasure(points: ArrayLike<number>, weights?: ArrayLike<number>): SpectralMeasure {
  const n = points.length;
  if (n === 0) throw new RangeError('atomsMeasure: need at least one atom');
  const p = Float64Array.from(points);
  const w = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1 / n);
  if (w.length !== n) throw new RangeError(`atomsMeasure: ${n} points but ${w.length} weights`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(p[i]) || !(w[i] >= 0)) throw new RangeError('atomsMeasure: points must be finite and weights ≥ 0');
    total += w[i];
  }
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`atomsMeasure: weights must sum to 1, got ${total}`);
  return { kind: 'atoms', points: p, weights: w };
}

export function empiricalMeasure(eigenvalues: ArrayLike<number>, eta0: number): SpectralMeasure {
  if (eigenvalues.length === 0) throw new RangeError('empiricalMeasure: need at least one eigenvalue');
  if (!(eta0 >= 0)) throw new RangeError(`empiricalMeasure: eta0 must be ≥ 0, got ${eta0}`);
  return { kind: 'empirical', eigenvalues: Float64Array.from(eigenvalues), eta0 };
}

export function histogramMeasure(
  edges: ArrayLike<number>,
  masses: ArrayLike<number>,
  atoms?: { points: ArrayLike<number>; weights: ArrayLike<number> },
): SpectralMeasure {
  const e = Float64Array.from(edges);
  const p = Float64Array.from(masses);
  if (e.length !== p.length + 1) throw new RangeError(`histogramMeasure: ${p.length} bins need ${p.length + 1} edges, got ${e.length}`);
  let total = 0;
  for (let k = 0; k < p.length; k++) {
    if (!(e[k + 1] > e[k])) throw new RangeError('histogramMeasure: edges must be strictly increasing');
    if (!(p[k] >= 0)) throw new RangeError('histogramMeasure: masses must be ≥ 0');
    total += p[k];
  }
  let a: { points: Float64Array; weights: Float64Array } | undefined;
  if (atoms) {
    a = { points: Float64Array.from(atoms.points), weights: Float64Array.from(atoms.weights) };
    for (const w of a.weights) total += w;
  }
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`histogramMeasure: total mass must be 1, got ${total}`);
  return a ? { kind: 'histogram', edges: e, masses: p, atoms: a } : { kind: 'histogram', edges: e, masses: p };
}

/** The law of shift + scale·λ for λ ~ base. */
export function affineMeasure(base: SpectralMeasure, shift: number, scale: number): SpectralMeasure {
  if (!(scale > 0) || !Number.isFinite(shift)) throw new RangeError(`affineMeasure: need scale > 0 and finite shift, got ${scale}, ${shift}`);
  return { kind: 'affine', base, shift, scale };
}

/** Σ w/(t − z) and Σ w/(t − z)² over atoms (vectorised over the two arrays). */
function atomSums(points: Float64Array, weights: Float64Array | null, w0: number, re: number, im: number, out: Float64Array): void {
  let sr = 0;
  let si = 0;
  let dr = 0;
  let di = 0;
  const n = points.length;
  const im2 = im * im;
  for (let k = 0; k < n; k++) {
    const w = weights ? weights[k] : w0;
    const a = points[k] - re;
    const inv = w / (a * a + im2);
    // w/(a − i·im) = w(a + i·im)/(a² + im²)
    const gr = a * inv;
    const gi = im * inv;
    sr += gr;
    si += gi;
    // w/(a − i im)² = (1/w)·(w/(a − i im))²
    if (w !== 0) {
      dr += (gr * gr - gi * gi) / w;
      di += (2 * gr * gi) / w;
    }
  }
  out[0] += sr;
  out[1] += si;
  out[2] += dr;
  out[3] += di;
}

/**
 * Compiles a measure into a StieltjesFunction. `smoothing: false` drops the η_0 of an empirical measure
 * (for real-axis evaluation outside its support, as the edge and spike formulas need).
 */
export function stieltjesFunction(measure: SpectralMeasure, options: { smoothing?: boolean } = {}): StieltjesFunction {
  switch (measure.kind) {
    case 'mp': {
      const gamma = measure.gamma;
      return (re, im, out) => mpStieltjesInto(re, im, gamma, out);
    }
    case 'atoms': {
      const { points, weights } = measure;
      return (re, im, out) => {
        out[0] = out[1] = out[2] = out[3] = 0;
        atomSums(points, weights, 0, re, im, out);
      };
    }
    case 'empirical': {
      const pts = measure.eigenvalues;
      const eta = options.smoothing === false ? 0 : measure.eta0;
      const w0 = 1 / pts.length;
      return (re, im, out) => {
        out[0] = out[1] = out[2] = out[3] = 0;
        atomSums(pts, null, w0, re, im + eta, out);
      };
    }
    case 'histogram': {
      const { edges, masses, atoms } = measure;
      const K = masses.length;
      return (re, im, out) => {
        let sr = 0;
        let si = 0;
        let dr = 0;
        let di = 0;
        for (let k = 0; k < K; k++) {
          const p = masses[k];
          if (p === 0) continue;
          const lo = edges[k];
          const delta = edges[k + 1] - lo;
          const c = p / delta;
          // Log(e_k − ζ) − Log(e_{k−1} − ζ) = Log(1 + u), u = Δ/(e_{k−1} − ζ): one log, no cancellation
          // far from the bin; both arguments lie in ℂ⁻ so the principal branches agree (§2.3(b)).
          const ar = lo - re;
          const ai = -im;
          const a2 = ar * ar + ai * ai;
          const ur = (delta * ar) / a2;
          const ui = (-delta * ai) / a2;
          const logAbs = 0.5 * Math.log1p(2 * ur + ur * ur + ui * ui);
          const arg = Math.atan2(ui, 1 + ur);
          sr += c * logAbs;
          si += c * arg;
          // derivative: c·[1/(e_{k−1} − ζ) − 1/(e_k − ζ)]
          const br = ar + delta;
          const b2 = br * br + ai * ai;
          dr += c * (ar / a2 - br / b2);
          di += c * (-ai / a2 + ai / b2);
        }
        out[0] = sr;
        out[1] = si;
        out[2] = dr;
        out[3] = di;
        if (atoms) atomSums(atoms.points, atoms.weights, 0, re, im, out);
      };
    }
    case 'affine': {
      const inner = stieltjesFunction(measure.base, options);
      const { shift, scale } = measure;
      const tmp = new Float64Array(4);
      return (re, im, out) => {
        inner((re - shift) / scale, im / scale, tmp);
        out[0] = tmp[0] / scale;
        out[1] = tmp[1] / scale;
        out[2] = tmp[2] / (scale * scale);
        out[3] = tmp[3] / (scale * scale);
      };
    }
  }
}

/** m_μ(z) for one z (convenience; solvers use stieltjesFunction). */
export function stieltjes(measure: SpectralMeasure, z: Complex): Complex {
  const out = new Float64Array(4);
  stieltjesFunction(measure)(z.re, z.im, out);
  return { re: out[0], im: out[1] };
}

/** [inf supp, sup supp] (for an empirical measure: the eigenvalue range, ignoring η_0). */
export function measureSupportBounds(measure: SpectralMeasure): [number, number] {
  switch (measure.kind) {
    case 'mp': {
      const [lo, hi] = mpEdges(measure.gamma);
      return [measure.gamma > 1 ? 0 : lo, hi];
    }
    case 'atoms':
    case 'empirical': {
      const pts = measure.kind === 'atoms' ? measure.points : measure.eigenvalues;
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < pts.length; k++) {
        if (measure.kind === 'atoms' && measure.weights[k] === 0) continue;
        lo = Math.min(lo, pts[k]);
        hi = Math.max(hi, pts[k]);
      }
      return [lo, hi];
    }
    case 'histogram': {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < measure.masses.length; k++) {
        if (measure.masses[k] > 0) {
          lo = Math.min(lo, measure.edges[k]);
          hi = Math.max(hi, measure.edges[k + 1]);
        }
      }
      if (measure.atoms) {
        for (let k = 0; k < measure.atoms.points.length; k++) {
          if (measure.atoms.weights[k] > 0) {
            lo = Math.min(lo, measure.atoms.points[k]);
            hi = Math.max(hi, measure.atoms.points[k]);
          }
        }
      }
      return [lo, hi];
    }
    case 'affine': {
      const [lo, hi] = measureSupportBounds(measure.base);
      return [measure.shift + measure.scale * lo, measure.shift + measure.scale * hi];
    }
  }
}

/** Atoms of the measure (for `empirical` only when η_0 = 0; MP only its atom at 0 when γ > 1). */
export function measureAtoms(measure: SpectralMeasure): { x: number; mass: number }[] {
  switch (measure.kind) {
    case 'mp':
      return measure.gamma > 1 ? [{ x: 0, mass: mpAtomMass(measure.gamma) }] : [];
    case 'atoms':
      return Array.from(measure.points, (x, k) => ({ x, mass: measure.weights[k] })).filter((a) => a.mass > 0);
    case 'empirical':
      return measure.eta0 > 0 ? [] : Array.from(measure.eigenvalues, (x) => ({ x, mass: 1 / measure.eigenvalues.length }));
    case 'histogram':
      return measure.atoms
        ? Array.from(measure.atoms.points, (x, k) => ({ x, mass: measure.atoms!.weights[k] })).filter((a) => a.mass > 0)
        : [];
    case 'affine':
      return measureAtoms(measure.base).map((a) => ({ x: measure.shift + measure.scale * a.x, mass: a.mass }));
  }
}

/** k-th moment ∫ x^k μ(dx), exact for every representation (empirical: of the unsmoothed eigenvalues). */
export function measureMoment(measure: SpectralMeasure, k: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`measureMoment: k must be a non-negative integer, got ${k}`);
  switch (measure.kind) {
    case 'mp':
      return mpMoment(k, measure.gamma);
    case 'atoms': {
      let s = 0;
      for (let i = 0; i < measure.points.length; i++) s += measure.weights[i] * measure.points[i] ** k;
      return s;
    }
    case 'empirical': {
      let s = 0;
      for (const x of measure.eigenvalues) s += x ** k;
      return s / measure.eigenvalues.length;
    }
    case 'histogram': {
      let s = 0;
      const { edges, masses } = measure;
      for (let i = 0; i < masses.length; i++) {
        const a = edges[i];
        const b = edges[i + 1];
        s += (masses[i] * (b ** (k + 1) - a ** (k + 1))) / ((k + 1) * (b - a));
      }
      if (measure.atoms) {
        for (let i = 0; i < measure.atoms.points.length; i++) s += measure.atoms.weights[i] * measure.atoms.points[i] ** k;
      }
      return s;
    }
    case 'affine': {
      // E(s + cλ)^k = Σ_j C(k,j) s^{k−j} c^j E λ^j
      let s = 0;
      let binom = 1;
      for (let j = 0; j <= k; j++) {
        s += binom * measure.shift ** (k - j) * measure.scale ** j * measureMoment(measure.base, j);
        binom = (binom * (k - j)) / (j + 1);
      }
      return s;
    }
  }
}

/**
 * Theory curves of the ck-ntk kind, all from engine/rmt, all computed from the actual input spectrum μ_0:
 * - CK of every layer: μ_ℓ = MP_{γ_ℓ} ⊠ ((1 − b²) + b²μ_{ℓ−1}) by the subordination chain (MATH.md §2.5),
 *   bulk edges by the real forward map (§2.4), atoms at 0 (§2.4, §2.6), exact moments (ckMomentRecursion);
 * - NTK: the t_ℓ recursion (§3) with q_{−1}, q_0…q_L from ntkConstants (§1);
 * - ultra-wide: the deformed semicircle μ_s ⊠ ν with ν the exact spectrum of Φ = E K (§4.2, §4.3).
 * Each curve is a Cauchy-blurred density on an adaptive grid (rmt/densityCurve) with its CDF for the KS test.
 */
import { ckChain } from '../../rmt/ckChain.js';
import { ckCriticalPoints } from '../../rmt/ckCriticalPoints.js';
import { cdfEvaluator } from '../../rmt/cdfFromDensity.js';
import { deformedSemicircle } from '../../rmt/deformedSemicircle.js';
import { densityCurve, type DensityCurve } from '../../rmt/densityCurve.js';
import { densityMoments } from '../../rmt/densityMoments.js';
import { mpCdf, mpEdges } from '../../rmt/marchenkoPastur.js';
import { ntkConstants } from '../../rmt/ntkConstants.js';
import { ntkRecursion } from '../../rmt/ntkRecursion.js';
import { measureAtoms, measureMoment, measureSupportBounds, stieltjesFunction, type SpectralMeasure } from '../../rmt/spectralMeasure.js';
import { ckMomentRecursion } from './ckMomentRecursion.js';

export interface TheoryCurve {
  x: Float64Array;
  density: Float64Array;
  atoms: { x: number; mass: number }[];
  /** Support intervals of the absolutely continuous part. */
  edges: [number, number][];
  /** Cauchy half-width of the inversion (the curve is μ ∗ Cauchy(ε)). */
  epsilon: number;
  /** ∫ρ + Σ atoms (should be 1 within 1e-4). */
  mass: number;
}

export interface SpectrumTheory {
  curve: TheoryCurve;
  cdf: (x: number) => number;
  /** Right edge of the bulk (sup of the support). */
  rightEdge: number;
  /** First four moments from the curve (trapezoid + atoms): a check of the curve against `moments`. */
  curveMoments: number[];
}

export interface CkLayerTheory extends SpectrumTheory {
  /** Exact first four moments by the closed-form recursion (null for the NTK). */
  moments: number[];
}

function toCurve(c: DensityCurve): TheoryCurve {
  return { x: c.x, density: c.density, atoms: c.atoms, edges: c.edges, epsilon: c.epsilon, mass: c.mass };
}

function fromDensity(c: DensityCurve, rightEdge: number): SpectrumTheory {
  return { curve: toCurve(c), cdf: cdfEvaluator(c), rightEdge, curveMoments: Array.from(densityMoments(c, 4)) };
}

/**
 * μ_0..μ_L. `mu0` is MP_{n/d_0} for Gaussian input (closed form) or the eigenvalue histogram of XᵀX;
 * `mu0Moments` are its exact first four moments (of the eigenvalues themselves for data).
 */
export function ckLayerTheories(mu0: SpectralMeasure, mu0Moments: number[], b: number, gammas: number[], points: number, onLayer?: (l: number) => void): CkLayerTheory[] {
  const L = gammas.length;
  const moments = ckMomentRecursion(mu0Moments, b, gammas);
  const out: CkLayerTheory[] = [];

  // Layer 0.
  const [lo0, hi0] = measureSupportBounds(mu0);
  const atoms0 = measureAtoms(mu0);
  if (mu0.kind === 'mp') {
    const [a, c] = mpEdges(mu0.gamma);
    const curve = densityCurve(stieltjesFunction(mu0), { range: [0, 1.02 * c], points, supportIntervals: [[a, c]], atoms: atoms0 });
    const gamma = mu0.gamma;
    out.push({ ...fromDensity(curve, c), cdf: (x) => mpCdf(x, gamma), moments: moments[0] });
  } else {
    const width = hi0 - Math.min(lo0, 0);
    const curve = densityCurve(stieltjesFunction(mu0), { range: [Math.min(lo0, 0) - 0.01 * width, hi0 + 0.01 * width], points, atoms: atoms0 });
    out.push({ ...fromDensity(curve, hi0), moments: moments[0] });
  }
  onLayer?.(0);

  // Right edges of every layer from one L-layer chain.
  const full = ckChain({ mu0, b, gammas });
  const critical = ckCriticalPoints(full, mu0);
  for (let l = 1; l <= L; l++) {
    const chain = l === L ? full : ckChain({ mu0, b, gammas: gammas.slice(0, l) });
    chain.reset();
    const edge = critical[l - 1].edge;
    const atoms = chain.atomAtZero > 1e-12 ? [{ x: 0, mass: chain.atomAtZero }] : [];
    const curve = densityCurve(chain.evaluate, { range: [0, 1.02 * edge + 1e-12], points, atoms });
    out.push({ ...fromDensity(curve, edge), moments: moments[l] });
    onLayer?.(l);
  }
  return out;
}

export interface NtkTheory extends SpectrumTheory {
  /** q_{−1}, q_0, …, q_L (MATH.md §1). */
  q: number[];
}

/** The NTK limit q_{−1}I + Σ q_ℓ K_ℓ (§3.1); `rightEdges` are the CK edges E₊(μ_0..μ_L) to bound the range. */
export function ntkTheory(mu0: SpectralMeasure, b: number, a: number, gammas: number[], rightEdges: number[], points: number): NtkTheory {
  const L = gammas.length;
  const { q } = ntkConstants(b, a, L);
  const solver = ntkRecursion({ mu0, b, gammas, q });
  let hi = q[0];
  for (let l = 0; l <= L; l++) hi += q[l + 1] * rightEdges[l];
  const lo = q[0];
  const pad = 0.02 * (hi - lo);
  // An atom at q_{−1} needs a null space shared by every K_ℓ: b = 0 (NTK = q_{−1}I + K_L exactly, §3.5, so
  // the atom of MP_{γ_L}) or b² = 1 (a linear network with n > d_0: measured from the Stieltjes transform).
  const gL = gammas[L - 1];
  const atomCandidates: { x: number; mass?: number }[] =
    b * b < 1e-10 ? (gL > 1 ? [{ x: q[0], mass: 1 - 1 / gL }] : []) : b * b > 1 - 1e-12 ? [{ x: q[0] }] : [];
  const curve = densityCurve(solver.evaluate, { range: [lo - pad, hi + pad], points, atoms: atomCandidates });
  const top = curve.edges.length > 0 ? curve.edges[curve.edges.length - 1][1] : hi;
  return { ...fromDensity(curve, top), q: Array.from(q) };
}

/**
 * √(d_1/n)(K − Φ) → μ_s ⊠ ν (§4.1–4.2), ν = spectrum of Φ. Φ's n eigenvalues are compressed to at most
 * 400 atoms (means of consecutive groups: the same first moment, and a resolution far below the
 * semicircle's smoothing), because the solver costs O(#atoms) per evaluation.
 */
export function ultraWideTheory(phiEigenvalues: Float64Array, points: number): SpectrumTheory {
  const n = phiEigenvalues.length;
  const groups = Math.min(n, 400);
  const pts: number[] = [];
  const wts: number[] = [];
  for (let g = 0; g < groups; g++) {
    const a = Math.floor((g * n) / groups);
    const b = Math.floor(((g + 1) * n) / groups);
    let s = 0;
    for (let i = a; i < b; i++) s += Math.max(0, phiEigenvalues[i]);
    pts.push(s / (b - a));
    wts.push((b - a) / n);
  }
  const ds = deformedSemicircle(pts, wts);
  const curve = densityCurve(ds.evaluate, { range: ds.range, points });
  const top = curve.edges.length > 0 ? curve.edges[curve.edges.length - 1][1] : ds.range[1];
  return fromDensity(curve, top);
}

/** Exact first four moments of a measure (for μ_0). */
export function measureMoments(mu: SpectralMeasure): number[] {
  return [1, 2, 3, 4].map((k) => measureMoment(mu, k));
}

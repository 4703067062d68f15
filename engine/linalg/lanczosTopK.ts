import { Rng } from '../random/Rng.js';
import { tridiagonalEigenJs } from './js/symmetricEigenJs.js';

/** y ← A x for the symmetric operator whose top eigenpairs are wanted. */
export type SymmetricMatvec = (x: Float64Array, y: Float64Array) => void;

/**
 * k largest eigenpairs of a symmetric operator by Lanczos with full reorthogonalisation.
 *
 * Why full reorthogonalisation: without it Ritz vectors lose orthogonality as soon as one converges and
 * "ghost" copies of the top eigenvalues appear (Paige). Two passes of classical Gram–Schmidt
 * ("twice is enough", Kahan/Parlett; DGKS) keep the basis orthogonal to machine precision at O(n·m)
 * per step, cheap next to the O(n²) matvec for the m ≤ a few hundred used here.
 *
 * The Krylov space grows until the k top Ritz pairs satisfy ‖A y − θ y‖ = β_m |s_m| ≤ tol·‖T‖, or until
 * maxIter (then the best pairs are returned), or until it spans the whole space (then it is exact).
 * Deterministic: the start vector is drawn from `new Rng(seed)`.
 */
export function lanczosTopK(
  n: number,
  k: number,
  matvec: SymmetricMatvec,
  opts: { tol?: number; maxIter?: number; seed?: number } = {},
): { values: Float64Array; vectors: Float64Array } {
  const tol = opts.tol ?? 1e-10;
  const mMax = Math.min(n, Math.max(k + 1, opts.maxIter ?? Math.max(300, 4 * k + 60)));
  const rng = new Rng(opts.seed ?? 1);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[j] couples basis[j] and basis[j + 1]

  let q = randomUnit(n, rng, basis);
  const w = new Float64Array(n);
  let ritz: { d: Float64Array; v: Float64Array; m: number } | null = null;
  // Checking convergence costs an m×m tridiagonal eigensolve; doing it every few steps keeps that O(m³) total small.
  const checkEvery = Math.max(1, Math.min(10, Math.ceil(k / 2)));
  let anorm = 0; // running estimate of ‖A‖ (max row sum of T) for the breakdown test

  for (let j = 0; j < mMax; j++) {
    basis.push(q);
    matvec(q, w);
    let a = 0;
    for (let i = 0; i < n; i++) a += q[i] * w[i];
    alpha.push(a);
    // Full reorthogonalisation against every basis vector (includes the three-term recurrence terms).
    for (let pass = 0; pass < 2; pass++) orthogonalize(w, basis, n);
    let b = 0;
    for (let i = 0; i < n; i++) b += w[i] * w[i];
    b = Math.sqrt(b);
    const m = j + 1;
    anorm = Math.max(anorm, Math.abs(a) + b + (j > 0 ? beta[j - 1] : 0));
    const lastStep = m === mMax;
    if (m >= k && (lastStep || m % checkEvery === 0 || b === 0)) {
      const t = tridiagonalEigenJs(m, alpha, beta);
      ritz = { d: t.d, v: t.v, m };
      let tnorm = 0;
      for (let i = 0; i < m; i++) tnorm = Math.max(tnorm, Math.abs(t.d[i]));
      let converged = true;
      for (let r = 0; r < k; r++) {
        const col = m - 1 - r;
        if (b * Math.abs(t.v[(m - 1) * m + col]) > tol * Math.max(tnorm, Number.MIN_VALUE)) {
          converged = false;
          break;
        }
      }
      if (converged || lastStep) break;
    }
    if (lastStep) break;
    // An invariant subspace was found (b ≈ 0 relative to ‖A‖): continue from a fresh direction
    // orthogonal to it, with a zero coupling, so that the remaining eigenvalues are still reached.
    if (b <= 1e-13 * anorm) {
      beta.push(0);
      q = randomUnit(n, rng, basis);
    } else {
      beta.push(b);
      q = new Float64Array(n);
      for (let i = 0; i < n; i++) q[i] = w[i] / b;
    }
  }
  if (!ritz || ritz.m !== basis.length) {
    const m = basis.length;
    const t = tridiagonalEigenJs(m, alpha, beta);
    ritz = { d: t.d, v: t.v, m };
  }
  const { d, v, m } = ritz;
  const values = new Float64Array(k);
  const vectors = new Float64Array(n * k);
  for (let r = 0; r < k; r++) {
    const col = m - 1 - r; // ascending from the tridiagonal solver → descending here
    values[r] = d[col];
    for (let l = 0; l < m; l++) {
      const s = v[l * m + col];
      if (s === 0) continue;
      const ql = basis[l];
      for (let i = 0; i < n; i++) vectors[i * k + r] += s * ql[i];
    }
  }
  return { values, vectors };
}

function orthogonalize(w: Float64Array, basis: Float64Array[], n: number): void {
  for (const qb of basis) {
    let h = 0;
    for (let i = 0; i < n; i++) h += qb[i] * w[i];
    for (let i = 0; i < n; i++) w[i] -= h * qb[i];
  }
}

/** Random unit vector orthogonal to `basis` (the basis spans less than the whole space when called). */
function randomUnit(n: number, rng: Rng, basis: Float64Array[]): Float64Array {
  for (let attempt = 0; attempt < 10; attempt++) {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = rng.normal();
    for (let pass = 0; pass < 2; pass++) orthogonalize(x, basis, n);
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * x[i];
    s = Math.sqrt(s);
    if (s > 1e-8) {
      for (let i = 0; i < n; i++) x[i] /= s;
      return x;
    }
  }
  throw new Error('eigTopK: could not extend the Krylov basis');
}

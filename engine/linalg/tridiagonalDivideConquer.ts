import { tridiagonalEigenJs } from './js/symmetricEigenJs.js';
import { secularRoots } from './secularRoots.js';

const EPS = 2 ** -52;
/** Subproblems this small are solved by implicit QL (LAPACK's SMLSIZ is 25). */
const LEAF = 32;

/** Operand at element offset `off` of the workspace memory: element (i, j) at off + i·rs + j·cs. */
export interface ElementOperand {
  off: number;
  rs: number;
  cs: number;
}

/**
 * Where the divide-and-conquer solver works: one Float64Array memory (the WASM heap, or a plain array
 * in tests) holding S (n×n, column-major, leading dimension `ld`) and two n×n scratch blocks, and a
 * GEMM on that memory: C(i, j) at c + i·ldc + j ← Σ_p A(i, p) B(p, j) (overwriting C).
 */
export interface DivideConquerWorkspace {
  memory(): Float64Array;
  s: number;
  ld: number;
  qc: number;
  u: number;
  gemm(m: number, n: number, k: number, a: ElementOperand, b: ElementOperand, c: number, ldc: number): void;
}

/**
 * Eigenvalues and eigenvectors of the symmetric tridiagonal T = tridiag(e, d, e) by Cuppen's divide
 * and conquer, as LAPACK's DSTEDC/DLAED0–DLAED4 (used by numpy's eigh via DSYEVD):
 *  - T is scaled to max-norm 1 and split where an off-diagonal is negligible;
 *  - each block is torn at its middle, T = diag(T₁, T₂) + |β| v vᵀ, the halves solved recursively;
 *  - the merge deflates (tiny z components; pairs of nearly equal poles rotated together, DLAED2),
 *    solves the secular equation for the rest (DLAED4), recomputes z as Gu & Eisenstat so the new
 *    eigenvectors are orthogonal to working precision (DLAED3), and multiplies them into the halves'
 *    eigenvectors with two GEMMs that skip the zero blocks (columns grouped by sparsity, as DLAED3).
 * On return d holds the eigenvalues (not sorted) and column j of S the eigenvector of d[j].
 * e[i] = T(i, i+1) for i < n − 1; d and e are overwritten.
 */
export function tridiagonalDivideConquer(n: number, d: Float64Array, e: Float64Array, ws: DivideConquerWorkspace): void {
  const { s, ld } = ws;
  {
    const F = ws.memory();
    for (let j = 0; j < n; j++) F.fill(0, s + j * ld, s + j * ld + n);
  }
  if (n === 0) return;
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) norm = Math.max(norm, Math.abs(e[i]));
  if (norm === 0) {
    const F = ws.memory();
    for (let j = 0; j < n; j++) F[s + j * ld + j] = 1;
    return;
  }
  // Scaling to norm 1 keeps the secular equation and the deflation tests away from over/underflow.
  for (let i = 0; i < n; i++) d[i] /= norm;
  for (let i = 0; i < n - 1; i++) e[i] /= norm;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const split = i === n - 1 || Math.abs(e[i]) <= EPS * Math.sqrt(Math.abs(d[i])) * Math.sqrt(Math.abs(d[i + 1]));
    if (split) {
      if (i < n - 1) e[i] = 0;
      solveBlock(start, i + 1 - start, d, e, ws);
      start = i + 1;
    }
  }
  for (let i = 0; i < n; i++) d[i] *= norm;
}

function solveBlock(off: number, m: number, d: Float64Array, e: Float64Array, ws: DivideConquerWorkspace): void {
  if (m <= LEAF) {
    const r = tridiagonalEigenJs(m, d.subarray(off, off + m), e.subarray(off, off + m - 1));
    const F = ws.memory();
    for (let j = 0; j < m; j++) {
      d[off + j] = r.d[j];
      const col = ws.s + (off + j) * ws.ld + off;
      for (let i = 0; i < m; i++) F[col + i] = r.v[i * m + j];
    }
    return;
  }
  const n1 = m >> 1;
  const beta = e[off + n1 - 1];
  d[off + n1 - 1] -= Math.abs(beta);
  d[off + n1] -= Math.abs(beta);
  solveBlock(off, n1, d, e, ws);
  solveBlock(off + n1, m - n1, d, e, ws);
  merge(off, m, n1, beta, d, ws);
}

/** Column types of DLAED2: nonzero only in the upper rows, in both halves, only in the lower rows, deflated. */
const UPPER = 1;
const DENSE = 2;
const LOWER = 3;
const DEFLATED = 4;

function merge(off: number, m: number, n1: number, beta: number, d: Float64Array, ws: DivideConquerWorkspace): void {
  const { ld } = ws;
  const q0 = ws.s + off * ld + off; // Q(i, j) at q0 + i + j·ld
  let F = ws.memory();
  // z = diag(Q₁, Q₂)ᵀ v with v = (e_{n1−1} + sign(β) e_{n1})/√2 and ρ = 2|β|: the rank-one tear.
  const z = new Float64Array(m);
  const sgn = beta < 0 ? -1 : 1;
  for (let j = 0; j < n1; j++) z[j] = F[q0 + (n1 - 1) + j * ld] * Math.SQRT1_2;
  for (let j = n1; j < m; j++) z[j] = sgn * F[q0 + n1 + j * ld] * Math.SQRT1_2;
  const rho = 2 * Math.abs(beta);
  const dd = Float64Array.from(d.subarray(off, off + m));
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => dd[x] - dd[y] || x - y);
  let zMax = 0;
  let dMax = 0;
  for (let j = 0; j < m; j++) {
    zMax = Math.max(zMax, Math.abs(z[j]));
    dMax = Math.max(dMax, Math.abs(dd[j]));
  }
  const tol = 8 * EPS * Math.max(dMax, zMax);
  const type = new Uint8Array(m);
  for (let j = 0; j < m; j++) type[j] = j < n1 ? UPPER : LOWER;

  // Deflation (DLAED2): walk the poles in ascending order; `pj` is the last kept one.
  const kept: number[] = [];
  const deflated: number[] = [];
  let pj = -1;
  for (const nj of order) {
    if (rho * Math.abs(z[nj]) <= tol) {
      type[nj] = DEFLATED;
      deflated.push(nj);
      continue;
    }
    if (pj < 0) {
      pj = nj;
      continue;
    }
    // Two poles so close that a rotation in their plane zeroes one z component at rounding cost.
    let c = z[nj];
    let sn = z[pj];
    const r = Math.hypot(c, sn);
    const t = dd[nj] - dd[pj];
    c /= r;
    sn = -sn / r;
    if (Math.abs(t * c * sn) <= tol) {
      z[nj] = r;
      z[pj] = 0;
      if (type[nj] !== type[pj]) type[nj] = DENSE;
      type[pj] = DEFLATED;
      const x = q0 + pj * ld;
      const y = q0 + nj * ld;
      for (let i = 0; i < m; i++) {
        const a = F[x + i];
        const b = F[y + i];
        F[x + i] = c * a + sn * b;
        F[y + i] = c * b - sn * a;
      }
      const dp = dd[pj] * c * c + dd[nj] * sn * sn;
      dd[nj] = dd[pj] * sn * sn + dd[nj] * c * c;
      dd[pj] = dp;
      deflated.push(pj);
      pj = nj;
    } else {
      kept.push(pj);
      pj = nj;
    }
  }
  if (pj >= 0) kept.push(pj);
  const K = kept.length;
  if (K === 0) {
    for (let j = 0; j < m; j++) d[off + j] = dd[j];
    return;
  }

  // Secular equation on the kept poles (ascending), then Gu–Eisenstat's ẑ.
  const dl = Float64Array.from(kept, (c) => dd[c]);
  const w = Float64Array.from(kept, (c) => z[c]);
  const org = new Int32Array(K);
  const tau = new Float64Array(K);
  secularRoots(K, dl, w, rho, org, tau);
  const what = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    // ŵ_i² = −∏_j (d_i − λ_j) / ∏_{j≠i} (d_i − d_j), paired factor by factor so it cannot over/underflow.
    let prod = dl[i] - dl[org[i]] - tau[i];
    for (let j = 0; j < K; j++) {
      if (j !== i) prod *= (dl[i] - dl[org[j]] - tau[j]) / (dl[i] - dl[j]);
    }
    what[i] = Math.sign(w[i]) * Math.sqrt(Math.max(0, -prod));
  }
  // Group the kept columns by type so each half's GEMM only reads its nonzero rows (DLAED3).
  const perm: number[] = [];
  for (const want of [UPPER, DENSE, LOWER]) for (let i = 0; i < K; i++) if (type[kept[i]] === want) perm.push(i);
  let nUpper = 0;
  let nLower = 0;
  for (const c of kept) {
    if (type[c] === UPPER) nUpper++;
    else if (type[c] === LOWER) nLower++;
  }
  const nDense = K - nUpper - nLower;
  // U(t, j) (column-major, ld K): component of new vector j on kept column perm[t].
  const u = ws.u;
  for (let j = 0; j < K; j++) {
    const dj = dl[org[j]];
    const tj = tau[j];
    let norm = 0;
    for (let t = 0; t < K; t++) {
      const i = perm[t];
      const x = what[i] / (dl[i] - dj - tj);
      F[u + t + j * K] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let t = 0; t < K; t++) F[u + t + j * K] *= inv;
  }
  // Qc (column-major, ld m): kept columns in type order, then the deflated ones.
  const qc = ws.qc;
  for (let t = 0; t < K; t++) F.copyWithin(qc + t * m, q0 + kept[perm[t]] * ld, q0 + kept[perm[t]] * ld + m);
  deflated.forEach((c, q) => F.copyWithin(qc + (K + q) * m, q0 + c * ld, q0 + c * ld + m));
  // New columns 0..K): rows [0, n1) = Qc(0:n1, upper ∪ dense) · U(upper ∪ dense, :),
  // rows [n1, m) = Qc(n1:m, dense ∪ lower) · U(dense ∪ lower, :). Written as Xᵀ = Uᵀ Qcᵀ into S.
  const nTop = nUpper + nDense;
  const nBottom = nDense + nLower;
  if (nTop > 0) ws.gemm(K, n1, nTop, { off: u, rs: K, cs: 1 }, { off: qc, rs: m, cs: 1 }, q0, ld);
  if (nBottom > 0) ws.gemm(K, m - n1, nBottom, { off: u + nUpper, rs: K, cs: 1 }, { off: qc + n1 + nUpper * m, rs: m, cs: 1 }, q0 + n1, ld);
  F = ws.memory();
  if (nTop === 0) for (let j = 0; j < K; j++) F.fill(0, q0 + j * ld, q0 + j * ld + n1);
  if (nBottom === 0) for (let j = 0; j < K; j++) F.fill(0, q0 + j * ld + n1, q0 + j * ld + m);
  for (let j = 0; j < K; j++) d[off + j] = dl[org[j]] + tau[j];
  deflated.forEach((c, q) => {
    F.copyWithin(q0 + (K + q) * ld, qc + (K + q) * m, qc + (K + q) * m + m);
    d[off + K + q] = dd[c];
  });
}

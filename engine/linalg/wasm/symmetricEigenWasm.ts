import type { ThreadPool } from './ThreadPool.js';
import type { WasmArena } from './WasmArena.js';
import { tridiagonalDivideConquer } from '../tridiagonalDivideConquer.js';
import { dgemmWasm, type GemmWorkspace } from './WasmGemm.js';

/** Single-threaded kernels called directly on the calling thread's instance. */
export interface EigenExports {
  latrdColumn(a0: number, lda: number, N: number, i: number, w: number, ldw: number, e: number, tau: number): void;
  latrdFinish(a0: number, lda: number, N: number, i: number, w: number, ldw: number, ypart: number, P: number, tau: number): void;
  symvChunks(M: number): number;
  sterf(n: number, d: number, e: number, tmp: number): number;
  buildReflectorBlock(a: number, n: number, b: number, nb: number, tau: number, y: number, t: number, tmp: number): void;
}

export interface EigenContext {
  arena: WasmArena;
  pool: ThreadPool;
  ws: GemmWorkspace;
  ex: EigenExports;
}

/** Panel width of the blocked tridiagonalisation and of the reflector blocks (LAPACK's default NB = 32 for DSYTRD). */
const NB = 32;

/**
 * Symmetric eigensolver on the WASM kernels (LAPACK DSYEV/DSYEVD structure):
 *  1. DSYTRD: blocked Householder tridiagonalisation, A = Q T Qᵀ (symv threaded, SYR2K through GEMM);
 *  2. eigenvalues only: DSTERF (root-free QL/QR); with vectors: divide and conquer on T (DSTEDC, as
 *     numpy's DSYEVD), whose merges are GEMMs on these kernels;
 *  3. DORMTR: V = Q S by blocked reflectors (DLARFT + DLARFB, two GEMMs per block of 32).
 * `a` is row-major n×n, symmetrised as (A + Aᵀ)/2 on copy; it is not modified.
 */
export function symmetricEigenWasm(ctx: EigenContext, n: number, a: Float64Array, wantVectors: boolean): { values: Float64Array; vectors: Float64Array | null } {
  const { arena, pool, ws, ex } = ctx;
  if (n === 0) return { values: new Float64Array(0), vectors: wantVectors ? new Float64Array(0) : null };
  const pa = arena.alloc(n * n * 8, 'eigen A');
  {
    const F = arena.F64;
    const base = pa / 8;
    F.set(a, base);
    // Only the upper triangle (row r, columns ≥ r) is read below; make it the symmetric part of A.
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = a[i * n + j];
        const y = a[j * n + i];
        if (x !== y) F[base + i * n + j] = 0.5 * (x + y);
      }
    }
  }
  const pd = arena.alloc(n * 8, 'eigen d');
  const pe = arena.alloc(n * 8, 'eigen e');
  const ptau = arena.alloc(n * 8, 'eigen tau');
  const pw = arena.alloc(n * NB * 8, 'eigen W panel');
  const ypart = arena.alloc(8 * n * 8, 'eigen symv partials');
  const pst = arena.alloc(8 * 8, 'eigen QL state');
  const pz2 = arena.alloc(3 * n * NB * 8, 'eigen SYR2K operands');

  // 1. DSYTRD (uplo 'L' on the column-major reading of our row-major storage).
  for (let j0 = 0; ; j0 += NB) {
    const N = n - j0;
    const blocked = N > 2 * NB;
    const nb = blocked ? NB : N;
    const a0 = pa + 8 * (j0 * n + j0);
    for (let i = 0; i < nb; i++) {
      ex.latrdColumn(a0, n, N, i, pw, N, pe + 8 * j0, ptau + 8 * j0);
      if (i < N - 1) {
        const M = N - i - 1;
        const P = ex.symvChunks(M);
        pool.run('symvPartial', P, [M, a0 + 8 * ((i + 1) * n + i + 1), n, a0 + 8 * (i * n + i + 1), ypart, P]);
        ex.latrdFinish(a0, n, N, i, pw, N, ypart, P, ptau + 8 * j0);
      }
      arena.F64[pd / 8 + j0 + i] = arena.F64[a0 / 8 + i * n + i];
    }
    if (!blocked) break;
    // DSYR2K: A22 ← A22 − V Wᵀ − W Vᵀ, upper triangle of the row-major view only, as ONE GEMM of depth
    // 2·NB: A22 ← A22 − [W V][V W]ᵀ (DSYR2K's two rank-NB products share C, so fusing them halves the
    // passes over the trailing matrix and the fork–joins). Z = [W | V | W] (column-major, ld Nt), so
    // [W V] and [V W] are overlapping column windows of one copy.
    const Nt = N - NB;
    const c = a0 + 8 * (NB * n + NB);
    {
      const F = arena.F64;
      const z = pz2 / 8;
      for (let j = 0; j < NB; j++) {
        const wcol = pw / 8 + j * N + NB;
        const vrow = a0 / 8 + j * n + NB;
        F.copyWithin(z + j * Nt, wcol, wcol + Nt);
        F.copyWithin(z + (NB + j) * Nt, vrow, vrow + Nt);
        F.copyWithin(z + (2 * NB + j) * Nt, wcol, wcol + Nt);
      }
    }
    dgemmWasm(ws, Nt, Nt, 2 * NB, { addr: pz2, rs: 1, cs: Nt }, { addr: pz2 + 8 * NB * Nt, rs: Nt, cs: 1 }, c, n, -1, true, true);
  }
  arena.F64[pe / 8 + n - 1] = 0;

  // 2. Implicit QL on T.
  arena.F64.fill(0, pst / 8, pst / 8 + 8);
  if (!wantVectors) {
    // DSTERF (root-free Pal–Walker–Kahan QL/QR), as LAPACK's DSYEV/DSYEVD do for eigenvalues only.
    if (ex.sterf(n, pd, pe, pst) !== 0) throw new Error('eigvalsh: DSTERF did not converge (30·n sweeps)');
    return { values: arena.F64.slice(pd / 8, pd / 8 + n).sort(), vectors: null };
  }
  // S (column-major, ld ldz) = Zᵀ row-major: row r of Zᵀ is eigenvector r of T.
  const ldz = n;
  const pz = arena.alloc(n * ldz * 8, 'eigen Zᵀ');
  // D&C scratch is released before the back-transformation allocates: peak 4n² doubles, not 6n².
  const scratchMark = arena.mark();
  const pqc = arena.alloc(n * n * 8, 'eigen D&C columns');
  const pu = arena.alloc(n * n * 8, 'eigen D&C U');
  const dT = arena.F64.slice(pd / 8, pd / 8 + n);
  const eT = arena.F64.slice(pe / 8, pe / 8 + n);
  tridiagonalDivideConquer(n, dT, eT, {
    memory: () => arena.F64,
    s: pz / 8,
    ld: ldz,
    qc: pqc / 8,
    u: pu / 8,
    gemm: (m, nn, k, a, b, c, ldc) =>
      dgemmWasm(ws, m, nn, k, { addr: 8 * a.off, rs: a.rs, cs: a.cs }, { addr: 8 * b.off, rs: b.rs, cs: b.cs }, 8 * c, ldc, 1, false),
  });
  arena.F64.set(dT, pd / 8);
  arena.release(scratchMark);
  // Sort ascending; rows of Zᵀ follow their eigenvalues.
  const d = arena.F64.slice(pd / 8, pd / 8 + n);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x] - d[y] || x - y);
  const values = Float64Array.from(order, (i) => d[i]);
  const px = arena.alloc(n * ldz * 8, 'eigen X');
  {
    const F = arena.F64;
    for (let r = 0; r < n; r++) F.copyWithin(px / 8 + r * ldz, pz / 8 + order[r] * ldz, pz / 8 + order[r] * ldz + ldz);
  }

  // 3. DORMTR from the right on X = Sᵀ: Vᵀ = X H(n−2) … H(0), one block of NB reflectors at a time from the last.
  const py = arena.alloc(n * NB * 8, 'eigen Y block');
  const pt = arena.alloc(NB * NB * 8, 'eigen T block');
  const ptmp = arena.alloc(NB * 8 * 64, 'eigen tmp');
  const pp = arena.alloc(n * NB * 8, 'eigen XY');
  const nRefl = n - 1;
  const lastBlock = Math.floor((nRefl - 1) / NB) * NB;
  for (let b = lastBlock; b >= 0 && nRefl > 0; b -= NB) {
    const nb = Math.min(NB, nRefl - b);
    const Nb = n - b - 1;
    ex.buildReflectorBlock(pa, n, b, nb, ptau, py, pt, ptmp);
    dgemmWasm(ws, n, nb, Nb, { addr: px + 8 * (b + 1), rs: ldz, cs: 1 }, { addr: py, rs: 1, cs: Nb }, pp, nb, 1, false);
    const rpt = 64;
    pool.run('timesTTransposed', Math.ceil(n / rpt), [n, nb, pp, pt, rpt, ptmp, NB * 8]);
    dgemmWasm(ws, n, Nb, nb, { addr: pp, rs: nb, cs: 1 }, { addr: py, rs: Nb, cs: 1 }, px + 8 * (b + 1), ldz, -1, true);
  }
  // Zᵀ is no longer needed once X holds the sorted rows: V takes its place (ldz = n).
  const pv = pz;
  const rpt = 64;
  pool.run('transposeBlock', Math.ceil(n / rpt), [n, px, ldz, pv, rpt]);
  return { values, vectors: arena.F64.slice(pv / 8, pv / 8 + n * n) };
}

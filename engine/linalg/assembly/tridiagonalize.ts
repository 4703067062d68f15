// Householder tridiagonalisation of a symmetric matrix, blocked as LAPACK DSYTRD (uplo = 'L') with the
// panel factorisation DLATRD; the trailing SYR2K update runs through the GEMM kernel (dgemm.ts) from the
// TypeScript driver. Storage: the row-major symmetric matrix is read as column-major, so LAPACK's
// "column j of the lower triangle" is our contiguous row j from the diagonal on, and every level-2
// operation below is unit-stride.
//
// The symmetric matrix-vector product, half of all flops and bound by memory bandwidth, is split into
// a fixed number of row chunks with equal triangle areas; each chunk writes its own partial vector and
// the partials are summed in chunk order, so the result does not depend on the thread count.
import { daxpy, daxpy2, ddot, dnrm2, dscal, hsum } from './blas1';
import { madd2, o8 } from './simd';

/** Address of LAPACK A(i, j) (column-major, leading dimension lda). */
@inline function at(a: usize, lda: i32, i: i32, j: i32): usize {
  return a + o8(j * lda + i);
}

/** First row of symv chunk t of P over an M-row triangle: equal areas, M(1 − √(1 − t/P)). */
@inline function chunkStart(M: i32, t: i32, P: i32): i32 {
  if (t >= P) return M;
  return <i32>floor(<f64>M * (1.0 - sqrt(1.0 - <f64>t / <f64>P)));
}

/**
 * DLATRD step i, first half: apply the panel's previous reflectors to column i (the two DGEMV
 * updates), then generate the reflector H(i) that annihilates A(i+2:N, i) (DLARFG). Leaves
 * A(i+1, i) = 1 so that A(i+1:N, i) is the Householder vector v, stores e[i] = β and tau[i].
 */
export function latrdColumn(a0: usize, lda: i32, N: i32, i: i32, w: usize, ldw: i32, e: usize, tau: usize): void {
  const col = at(a0, lda, i, i);
  for (let j = 0; j < i; j++) {
    daxpy2(N - i, -load<f64>(at(w, ldw, i, j)), at(a0, lda, i, j), -load<f64>(at(a0, lda, i, j)), at(w, ldw, i, j), col);
  }
  if (i >= N - 1) return;
  const alpha = load<f64>(at(a0, lda, i + 1, i));
  const x = at(a0, lda, i + 2, i);
  const len = N - i - 2;
  const xnorm = dnrm2(len, x);
  let beta = alpha;
  let t: f64 = 0;
  if (xnorm != 0) {
    // β = −sign(α)·‖(α, x)‖ avoids cancellation in α − β (DLARFG).
    const h = hypot(alpha, xnorm);
    beta = alpha >= 0 ? -h : h;
    t = (beta - alpha) / beta;
    dscal(len, 1.0 / (alpha - beta), x);
  }
  store<f64>(e + o8(i), beta);
  store<f64>(tau + o8(i), t);
  store<f64>(at(a0, lda, i + 1, i), 1.0);
}

@inline function hypot(a: f64, b: f64): f64 {
  const x = abs(a);
  const y = abs(b);
  const big = max(x, y);
  if (big == 0) return 0;
  const r = min(x, y) / big;
  return big * sqrt(1 + r * r);
}

/**
 * Task t of y = S v for the symmetric M×M block S (lower triangle column-major at s, i.e. row-major rows
 * from the diagonal on). Chunk t writes ypart[t·M + q] for q ≥ its first row.
 *
 * Rows are taken four at a time (the register blocking of a blocked DSYMV, as in OpenBLAS's dsymv_L
 * kernels): each pass over q loads v(q) and y(q) once for four matrix rows, so per two matrix elements
 * the loop does one load of S and a quarter of the v/y traffic instead of three loads and a store. The
 * symv streams the whole trailing matrix once per column (half of DSYTRD's flops), and with one row
 * at a time it was bound by those L1 loads/stores rather than by the matrix stream.
 */
export function symvPartial(task: i32, tid: i32, M: i32, s: usize, lds: i32, v: usize, ypart: usize, P: i32): void {
  const r0 = chunkStart(M, task, P);
  const r1 = chunkStart(M, task + 1, P);
  const y = ypart + o8(task * M);
  memory.fill(y + o8(r0), 0, <usize>(M - r0) << 3);
  let p = r0;
  for (; p + 4 <= r1; p += 4) {
    const row0 = s + o8(p * lds);
    const row1 = row0 + o8(lds);
    const row2 = row1 + o8(lds);
    const row3 = row2 + o8(lds);
    const v0 = load<f64>(v + o8(p));
    const v1 = load<f64>(v + o8(p + 1));
    const v2 = load<f64>(v + o8(p + 2));
    const v3 = load<f64>(v + o8(p + 3));
    // The 4×4 diagonal block (lower triangle of rows p…p+3, read from the rows' upper parts).
    const s01 = load<f64>(row0 + o8(p + 1));
    const s02 = load<f64>(row0 + o8(p + 2));
    const s03 = load<f64>(row0 + o8(p + 3));
    const s12 = load<f64>(row1 + o8(p + 2));
    const s13 = load<f64>(row1 + o8(p + 3));
    const s23 = load<f64>(row2 + o8(p + 3));
    let d0 = load<f64>(row0 + o8(p)) * v0 + (s01 * v1 + (s02 * v2 + s03 * v3));
    let d1 = s01 * v0 + (load<f64>(row1 + o8(p + 1)) * v1 + (s12 * v2 + s13 * v3));
    let d2 = s02 * v0 + (s12 * v1 + (load<f64>(row2 + o8(p + 2)) * v2 + s23 * v3));
    let d3 = s03 * v0 + (s13 * v1 + (s23 * v2 + load<f64>(row3 + o8(p + 3)) * v3));
    const w0 = f64x2.splat(v0);
    const w1 = f64x2.splat(v1);
    const w2 = f64x2.splat(v2);
    const w3 = f64x2.splat(v3);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    let q = p + 4;
    for (; q + 2 <= M; q += 2) {
      const off = o8(q);
      const x0 = v128.load(row0 + off);
      const x1 = v128.load(row1 + off);
      const x2 = v128.load(row2 + off);
      const x3 = v128.load(row3 + off);
      const vq = v128.load(v + off);
      a0 = madd2(x0, vq, a0);
      a1 = madd2(x1, vq, a1);
      a2 = madd2(x2, vq, a2);
      a3 = madd2(x3, vq, a3);
      let yq = madd2(x0, w0, v128.load(y + off));
      yq = madd2(x1, w1, yq);
      yq = madd2(x2, w2, yq);
      v128.store(y + off, madd2(x3, w3, yq));
    }
    let t0: f64 = 0;
    let t1: f64 = 0;
    let t2: f64 = 0;
    let t3: f64 = 0;
    for (; q < M; q++) {
      const off = o8(q);
      const x0 = load<f64>(row0 + off);
      const x1 = load<f64>(row1 + off);
      const x2 = load<f64>(row2 + off);
      const x3 = load<f64>(row3 + off);
      const vq = load<f64>(v + off);
      t0 += x0 * vq;
      t1 += x1 * vq;
      t2 += x2 * vq;
      t3 += x3 * vq;
      store<f64>(y + off, x3 * v3 + (x2 * v2 + (x1 * v1 + (x0 * v0 + load<f64>(y + off)))));
    }
    store<f64>(y + o8(p), load<f64>(y + o8(p)) + (d0 + (hsum(a0) + t0)));
    store<f64>(y + o8(p + 1), load<f64>(y + o8(p + 1)) + (d1 + (hsum(a1) + t1)));
    store<f64>(y + o8(p + 2), load<f64>(y + o8(p + 2)) + (d2 + (hsum(a2) + t2)));
    store<f64>(y + o8(p + 3), load<f64>(y + o8(p + 3)) + (d3 + (hsum(a3) + t3)));
  }
  for (; p < r1; p++) {
    const row = s + o8(p * lds);
    const vp = load<f64>(v + o8(p));
    const vps = f64x2.splat(vp);
    let acc = f64x2.splat(0);
    let q = p + 1;
    for (; q + 2 <= M; q += 2) {
      const sv = v128.load(row + o8(q));
      acc = madd2(sv, v128.load(v + o8(q)), acc);
      v128.store(y + o8(q), madd2(sv, vps, v128.load(y + o8(q))));
    }
    let tail: f64 = 0;
    for (; q < M; q++) {
      const sq = load<f64>(row + o8(q));
      tail += sq * load<f64>(v + o8(q));
      store<f64>(y + o8(q), sq * vp + load<f64>(y + o8(q)));
    }
    store<f64>(y + o8(p), load<f64>(y + o8(p)) + (load<f64>(row + o8(p)) * vp + (hsum(acc) + tail)));
  }
}

/**
 * DLATRD step i, second half: W(i+1:N, i) = Σ partials (= A22·v), then the corrections for the panel's
 * not-yet-applied updates (four DGEMVs), the scaling by τ and the −½τ(wᵀv)v term.
 */
export function latrdFinish(a0: usize, lda: i32, N: i32, i: i32, w: usize, ldw: i32, ypart: usize, P: i32, tau: usize): void {
  const M = N - i - 1;
  const wi = at(w, ldw, i + 1, i);
  const v = at(a0, lda, i + 1, i);
  // Partials summed in chunk order (0 + y₀ + y₁ + …) element by element; chunk t covers q ≥ its first
  // row. Chunk starts are computed once per chunk (each costs a square root), not once per element.
  memory.fill(wi, 0, <usize>M << 3);
  for (let t = 0; t < P; t++) {
    const q0 = chunkStart(M, t, P);
    const part = ypart + o8(t * M);
    let q = q0;
    for (; q + 2 <= M; q += 2) v128.store(wi + o8(q), f64x2.add(v128.load(wi + o8(q)), v128.load(part + o8(q))));
    for (; q < M; q++) store<f64>(wi + o8(q), load<f64>(wi + o8(q)) + load<f64>(part + o8(q)));
  }
  const ti = load<f64>(tau + o8(i));
  for (let j = 0; j < i; j++) store<f64>(at(w, ldw, j, i), ddot(M, at(w, ldw, i + 1, j), v));
  for (let j = 0; j < i; j++) daxpy(M, -load<f64>(at(w, ldw, j, i)), at(a0, lda, i + 1, j), wi);
  for (let j = 0; j < i; j++) store<f64>(at(w, ldw, j, i), ddot(M, at(a0, lda, i + 1, j), v));
  for (let j = 0; j < i; j++) daxpy(M, -load<f64>(at(w, ldw, j, i)), at(w, ldw, i + 1, j), wi);
  dscal(M, ti, wi);
  const alpha = -0.5 * ti * ddot(M, wi, v);
  daxpy(M, alpha, v, wi);
}

/** Number of symv chunks for an M×M block: a function of M only (never of the thread count). */
export function symvChunks(M: i32): i32 {
  return M < 256 ? 1 : 8;
}

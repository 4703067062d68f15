// Back-transformation helpers for the eigenvectors (LAPACK DORMTR via DLARFT + DLARFB): a block of
// nb reflectors H(b)…H(b+nb−1) = I − Y T Yᵀ (compact WY, T upper triangular), applied from the right to
// the eigenvector rows with two GEMMs by the TypeScript driver.
import { ddot } from './blas1';
import { o8 } from './simd';

/**
 * Builds Y (column-major, Nb×nb, ldy = Nb) from the reflectors stored by tridiagonalisation below the
 * subdiagonal of columns b…b+nb−1 (unit first entry, zeros above it) and T (nb×nb, column-major) as
 * DLARFT('F', 'C'): T(j, j) = τ_j, T(0:j, j) = −τ_j · T(0:j, 0:j) · Y(:, 0:j)ᵀ y_j.
 */
export function buildReflectorBlock(a: usize, n: i32, b: i32, nb: i32, tau: usize, y: usize, t: usize, tmp: usize): void {
  const Nb = n - b - 1;
  for (let j = 0; j < nb; j++) {
    const col = y + o8(j * Nb);
    memory.fill(col, 0, <usize>j << 3);
    store<f64>(col + o8(j), 1.0);
    // Reflector j lives in row b+j of the row-major storage, entries b+j+2 … n−1 (our transposed view of LAPACK's column).
    const src = a + o8((b + j) * n + b + j + 2);
    memory.copy(col + o8(j + 1), src, <usize>(Nb - j - 1) << 3);
  }
  for (let j = 0; j < nb; j++) {
    const tj = load<f64>(tau + o8(b + j));
    const yj = y + o8(j * Nb);
    for (let i = 0; i < j; i++) {
      // Y(:, i)ᵀ y_j: y_j is zero above row j.
      store<f64>(tmp + o8(i), -tj * ddot(Nb - j, y + o8(i * Nb + j), yj + o8(j)));
    }
    for (let i = 0; i < j; i++) {
      let s: f64 = 0;
      for (let k = i; k < j; k++) s += load<f64>(t + o8(k * nb + i)) * load<f64>(tmp + o8(k));
      store<f64>(t + o8(j * nb + i), s);
    }
    store<f64>(t + o8(j * nb + j), tj);
    for (let i = j + 1; i < nb; i++) store<f64>(t + o8(j * nb + i), 0);
  }
}

/** P ← P Tᵀ for P row-major (rows × nb) and T upper triangular column-major: row chunk [task·rpt, …). */
export function timesTTransposed(task: i32, tid: i32, rows: i32, nb: i32, p: usize, t: usize, rpt: i32, tmp: usize, tmpStride: i32): void {
  const mine = tmp + <usize>tid * <usize>tmpStride;
  const r1 = min(rows, (task + 1) * rpt);
  for (let r = task * rpt; r < r1; r++) {
    const row = p + o8(r * nb);
    // (P Tᵀ)(r, j) = Σ_{k ≥ j} P(r, k) T(j, k)
    for (let j = 0; j < nb; j++) {
      let s: f64 = 0;
      for (let k = j; k < nb; k++) s += load<f64>(row + o8(k)) * load<f64>(t + o8(k * nb + j));
      store<f64>(mine + o8(j), s);
    }
    memory.copy(row, mine, <usize>nb << 3);
  }
}

/** out (n×n row-major) ← inᵀ for `in` with row stride ldi; rows of `out` [task·rpt, …), blocked 8×8 for cache. */
export function transposeBlock(task: i32, tid: i32, n: i32, src: usize, lds: i32, dst: usize, rpt: i32): void {
  const r0 = task * rpt;
  const r1 = min(n, r0 + rpt);
  for (let jj = 0; jj < n; jj += 64) {
    const j1 = min(n, jj + 64);
    for (let i = r0; i < r1; i++) {
      for (let j = jj; j < j1; j++) store<f64>(dst + o8(i * n + j), load<f64>(src + o8(j * lds + i)));
    }
  }
}

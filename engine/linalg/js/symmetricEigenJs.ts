/**
 * Fallback symmetric eigensolver in plain TypeScript, used only when the WASM backend cannot load and
 * for the small projected problems of Lanczos. Householder tridiagonalisation (EISPACK tred2) followed
 * by the implicit QL algorithm with Wilkinson-like shifts (EISPACK tql2 / LAPACK dsteqr), as in
 * JAMA and mljs/matrix `src/dc/evd.js`, but on one flat row-major Float64Array: V[i * n + j].
 *
 * On return `d` holds the eigenvalues ascending and, when `wantVectors`, column j of V is eigenvector j.
 */
export function symmetricEigenJs(n: number, a: ArrayLike<number>, wantVectors: boolean): { d: Float64Array; v: Float64Array } {
  const V = new Float64Array(n * n);
  // EISPACK tred2 reads the lower triangle; copy it symmetrised so that tiny asymmetries in the input
  // (e.g. XᵀX computed two ways) are averaged rather than silently dropped.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = 0.5 * (a[i * n + j] + a[j * n + i]);
      V[i * n + j] = x;
      V[j * n + i] = x;
    }
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { d, v: V };
  tred2(n, V, d, e);
  tql2(n, V, d, e, wantVectors);
  return { d, v: V };
}

/** Householder reduction to tridiagonal form, accumulating the orthogonal transform in V (EISPACK tred2). */
function tred2(n: number, V: Float64Array, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      // Scaling by the row's 1-norm avoids overflow/underflow in the sum of squares.
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g; // sign chosen to avoid cancellation in f - g
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e), rotations accumulated into V when wantVectors (EISPACK tql2). */
function tql2(n: number, V: Float64Array, d: Float64Array, e: Float64Array, wantVectors: boolean): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60) throw new Error('eigh: implicit QL did not converge in 60 iterations');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (wantVectors) {
            for (let k = 0; k < n; k++) {
              const row = k * n;
              h = V[row + i + 1];
              V[row + i + 1] = s * V[row + i] + c * h;
              V[row + i] = c * V[row + i] - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
  // Selection sort ascending (n swaps of vector columns at most).
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (wantVectors) {
        for (let j = 0; j < n; j++) {
          const t = V[j * n + i];
          V[j * n + i] = V[j * n + k];
          V[j * n + k] = t;
        }
      }
    }
  }
}

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix (diagonal `diag`, off-diagonal `off` of length
 * n − 1) by implicit QL; used for the small projected matrices of Lanczos. Returns ascending values and
 * the n×n row-major eigenvector matrix (column j ↔ value j).
 */
export function tridiagonalEigenJs(n: number, diag: ArrayLike<number>, off: ArrayLike<number>): { d: Float64Array; v: Float64Array } {
  const d = Float64Array.from(diag);
  // tql2 expects e[i] = T[i, i−1] with e[0] unused, as left by tred2.
  const e = new Float64Array(n);
  for (let i = 1; i < n; i++) e[i] = off[i - 1];
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  if (n > 0) tql2(n, v, d, e, true);
  return { d, v };
}

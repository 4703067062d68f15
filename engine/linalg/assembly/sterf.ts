// Eigenvalues of a symmetric tridiagonal matrix by LAPACK DSTERF: the Pal–Walker–Kahan variant of the
// implicit QL/QR algorithm, which works on the squares of the off-diagonal entries and needs no square
// root in its inner loop (one division pair per step instead of tql2's hypot + divisions). Used for
// eigenvalues only (eigvalsh); eigh uses divide and conquer (../tridiagonalDivideConquer.ts). As in
// DSTERF: the matrix is split where an off-diagonal is negligible, each block is scaled into a safe
// range, QL or QR is chosen per block (chase toward the larger end diagonal), 2×2 blocks are solved by
// DLAE2, and at most 30·n sweeps are allowed in total.
// Input: d[0..n) diagonal, e[i] = T(i, i+1) for i < n−1 (destroyed). Returns the number of
// off-diagonals that did not converge (0 on success); d is left unsorted.
import { o8 } from './simd';

const EPS: f64 = 1.1102230246251565e-16; // DLAMCH('E')
const SAFMIN: f64 = 2.2250738585072014e-308; // DLAMCH('S')
const MAXIT: i32 = 30;

// 1-based accessors, so the code below reads like the Fortran it mirrors.
@inline function D(d: usize, i: i32): f64 {
  return load<f64>(d + o8(i - 1));
}
@inline function setD(d: usize, i: i32, x: f64): void {
  store<f64>(d + o8(i - 1), x);
}

/** DLAE2: eigenvalues rt1 (larger in absolute value) and rt2 of [[a, b], [b, c]]; rt2 is stored at out. */
function dlae2(a: f64, b: f64, c: f64, out: usize): f64 {
  const sm = a + c;
  const df = a - c;
  const adf = abs(df);
  const tb = b + b;
  const ab = abs(tb);
  let acmx = c;
  let acmn = a;
  if (abs(a) > abs(c)) {
    acmx = a;
    acmn = c;
  }
  let rt: f64;
  if (adf > ab) rt = adf * sqrt(1.0 + (ab / adf) * (ab / adf));
  else if (adf < ab) rt = ab * sqrt(1.0 + (adf / ab) * (adf / ab));
  else rt = ab * sqrt(2.0);
  let rt1: f64;
  let rt2: f64;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
  }
  store<f64>(out, rt2);
  return rt1;
}

@inline function dlapy2(x: f64, y: f64): f64 {
  const xa = abs(x);
  const ya = abs(y);
  const w = max(xa, ya);
  const z = min(xa, ya);
  if (z == 0 || w > f64.MAX_VALUE) return w;
  return w * sqrt(1.0 + (z / w) * (z / w));
}

@inline function sign(a: f64, b: f64): f64 {
  return b >= 0 ? abs(a) : -abs(a);
}

/** DSTERF on d (n), e (n − 1 used); `tmp` is 8 bytes of scratch. */
export function sterf(n: i32, d: usize, e: usize, tmp: usize): i32 {
  if (n <= 1) return 0;
  const eps2 = EPS * EPS;
  const safmax = 1.0 / SAFMIN;
  const ssfmax = sqrt(safmax) / 3.0;
  const ssfmin = sqrt(SAFMIN) / eps2;
  const nmaxit = n * MAXIT;
  let jtot = 0;
  let l1 = 1;
  while (l1 <= n) {
    // Split off the next unreduced block l…lend.
    if (l1 > 1) setD(e, l1 - 1, 0);
    let m = l1;
    for (; m <= n - 1; m++) {
      if (abs(D(e, m)) <= sqrt(abs(D(d, m))) * sqrt(abs(D(d, m + 1))) * EPS) {
        setD(e, m, 0);
        break;
      }
    }
    if (m > n - 1) m = n;
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend == l) continue;
    // Scale the block into [ssfmin, ssfmax] (DLANST('M') + DLASCL).
    let anorm: f64 = 0;
    for (let i = l; i <= lend; i++) anorm = max(anorm, abs(D(d, i)));
    for (let i = l; i < lend; i++) anorm = max(anorm, abs(D(e, i)));
    if (anorm == 0) continue;
    let iscale = 0;
    let scale: f64 = 1;
    if (anorm > ssfmax) {
      iscale = 1;
      scale = ssfmax / anorm;
    } else if (anorm < ssfmin) {
      iscale = 2;
      scale = ssfmin / anorm;
    }
    if (iscale != 0) {
      for (let i = l; i <= lend; i++) setD(d, i, D(d, i) * scale);
      for (let i = l; i < lend; i++) setD(e, i, D(e, i) * scale);
    }
    for (let i = l; i < lend; i++) setD(e, i, D(e, i) * D(e, i));
    // QL if the bottom end is larger in magnitude, otherwise QR (reverse the block).
    if (abs(D(d, lend)) < abs(D(d, l))) {
      lend = lsv;
      l = lendsv;
    }
    if (lend >= l) {
      // QL iteration.
      for (;;) {
        m = l;
        if (l != lend) {
          for (; m <= lend - 1; m++) {
            if (abs(D(e, m)) <= eps2 * abs(D(d, m) * D(d, m + 1))) break;
          }
        }
        if (m > lend - 1) m = lend;
        if (m < lend) setD(e, m, 0);
        let p = D(d, l);
        if (m == l) {
          // Eigenvalue found.
          setD(d, l, p);
          l++;
          if (l <= lend) continue;
          break;
        }
        if (m == l + 1) {
          const rte = sqrt(D(e, l));
          const rt1 = dlae2(D(d, l), rte, D(d, l + 1), tmp);
          setD(d, l, rt1);
          setD(d, l + 1, load<f64>(tmp));
          setD(e, l, 0);
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot == nmaxit) break;
        jtot++;
        // Shift from the leading 2×2 block.
        const rte = sqrt(D(e, l));
        let sigma = (D(d, l + 1) - p) / (2.0 * rte);
        let r = dlapy2(sigma, 1.0);
        sigma = p - rte / (sigma + sign(r, sigma));
        let c: f64 = 1;
        let s: f64 = 0;
        let gamma = D(d, m) - sigma;
        p = gamma * gamma;
        const mm1 = m - 1;
        for (let i = mm1; i >= l; i--) {
          const bb = D(e, i);
          r = p + bb;
          if (i != mm1) setD(e, i + 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = D(d, i);
          gamma = c * (alpha - sigma) - s * oldgam;
          setD(d, i + 1, oldgam + (alpha - gamma));
          if (c != 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        setD(e, l, s * p);
        setD(d, l, sigma + gamma);
      }
    } else {
      // QR iteration.
      for (;;) {
        m = l;
        for (; m >= lend + 1; m--) {
          if (abs(D(e, m - 1)) <= eps2 * abs(D(d, m) * D(d, m - 1))) break;
        }
        if (m < lend + 1) m = lend;
        if (m > lend) setD(e, m - 1, 0);
        let p = D(d, l);
        if (m == l) {
          setD(d, l, p);
          l--;
          if (l >= lend) continue;
          break;
        }
        if (m == l - 1) {
          const rte = sqrt(D(e, l - 1));
          const rt1 = dlae2(D(d, l), rte, D(d, l - 1), tmp);
          setD(d, l, rt1);
          setD(d, l - 1, load<f64>(tmp));
          setD(e, l - 1, 0);
          l -= 2;
          if (l >= lend) continue;
          break;
        }
        if (jtot == nmaxit) break;
        jtot++;
        const rte = sqrt(D(e, l - 1));
        let sigma = (D(d, l - 1) - p) / (2.0 * rte);
        let r = dlapy2(sigma, 1.0);
        sigma = p - rte / (sigma + sign(r, sigma));
        let c: f64 = 1;
        let s: f64 = 0;
        let gamma = D(d, m) - sigma;
        p = gamma * gamma;
        const lm1 = l - 1;
        for (let i = m; i <= lm1; i++) {
          const bb = D(e, i);
          r = p + bb;
          if (i != m) setD(e, i - 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = D(d, i + 1);
          gamma = c * (alpha - sigma) - s * oldgam;
          setD(d, i, oldgam + (alpha - gamma));
          if (c != 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        setD(e, lm1, s * p);
        setD(d, l, sigma + gamma);
      }
    }
    // Undo the scaling.
    if (iscale != 0) {
      const inv = 1.0 / scale;
      for (let i = lsv; i <= lendsv; i++) setD(d, i, D(d, i) * inv);
    }
    if (jtot >= nmaxit) {
      let bad = 0;
      for (let i = 1; i <= n - 1; i++) if (D(e, i) != 0) bad++;
      return bad;
    }
  }
  return 0;
}

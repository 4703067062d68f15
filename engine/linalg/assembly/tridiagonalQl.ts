// Implicit QL with shifts on a symmetric tridiagonal matrix (EISPACK tql2, as LAPACK DSTEQR), optionally
// recording every plane rotation instead of applying it. Recording decouples the O(n²) scalar
// recurrence from the O(n³) vector work: applyRotations() later replays the rotations on the
// eigenvector matrix in L2-sized column strips, in parallel, with SIMD (instead of sweeping a whole
// n×n matrix through memory once per QL sweep).
//
// Record layout (f64): per sweep [l, m, (c, s) for i = m−1 … l].
// Input convention as tql2: d[0..n) diagonal, e[i] = T(i, i+1) for i < n−1, e[n−1] = 0.
// State st (f64[8]): [l, f, tst1, finished, resuming, m, failed]; the call returns when the record buffer
// (cap doubles) cannot hold the next sweep, so the caller can replay and call again.
import { madd2, nmadd2, o8 } from './simd';

const EPS: f64 = 2.220446049250313e-16;
const MAX_SWEEPS_PER_VALUE: i32 = 60;

@inline function hyp(a: f64, b: f64): f64 {
  const x = abs(a);
  const y = abs(b);
  const big = max(x, y);
  if (big == 0) return 0;
  const r = min(x, y) / big;
  return big * sqrt(1 + r * r);
}

export function tqlRecord(n: i32, d: usize, e: usize, rot: usize, cap: i32, st: usize): i32 {
  let l = <i32>load<f64>(st);
  let f = load<f64>(st, 8);
  let tst1 = load<f64>(st, 16);
  let resuming = load<f64>(st, 32) != 0;
  let count = 0;
  const record = rot != 0;
  for (; l < n; l++) {
    let m: i32;
    if (resuming) {
      m = <i32>load<f64>(st, 40);
      resuming = false;
    } else {
      tst1 = max(tst1, abs(load<f64>(d + o8(l))) + abs(load<f64>(e + o8(l))));
      m = l;
      while (m < n) {
        if (abs(load<f64>(e + o8(m))) <= EPS * tst1) break;
        m++;
      }
      if (m >= n) m = n - 1;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (record && count + 2 * (m - l + 1) > cap) {
          store<f64>(st, <f64>l);
          store<f64>(st, f, 8);
          store<f64>(st, tst1, 16);
          store<f64>(st, 1, 32);
          store<f64>(st, <f64>m, 40);
          return count;
        }
        if (++iter > MAX_SWEEPS_PER_VALUE) {
          store<f64>(st, 1, 48);
          store<f64>(st, 1, 24);
          return count;
        }
        // Wilkinson-type shift from the leading 2×2 block; the shift is folded into every d (f accumulates it).
        let g = load<f64>(d + o8(l));
        let el = load<f64>(e + o8(l));
        let p = (load<f64>(d + o8(l + 1)) - g) / (2.0 * el);
        let r = hyp(p, 1.0);
        if (p < 0) r = -r;
        store<f64>(d + o8(l), el / (p + r));
        store<f64>(d + o8(l + 1), el * (p + r));
        const dl1 = load<f64>(d + o8(l + 1));
        let h = g - load<f64>(d + o8(l));
        for (let i = l + 2; i < n; i++) store<f64>(d + o8(i), load<f64>(d + o8(i)) - h);
        f += h;
        p = load<f64>(d + o8(m));
        let c: f64 = 1;
        let c2: f64 = 1;
        let c3: f64 = 1;
        const el1 = load<f64>(e + o8(l + 1));
        let s: f64 = 0;
        let s2: f64 = 0;
        let rp = rot + o8(count);
        if (record) {
          store<f64>(rp, <f64>l);
          store<f64>(rp, <f64>m, 8);
          rp += 16;
          count += 2 * (m - l + 1);
        }
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          const ei = load<f64>(e + o8(i));
          const di = load<f64>(d + o8(i));
          g = c * ei;
          h = c * p;
          r = hyp(p, ei);
          store<f64>(e + o8(i + 1), s * r);
          s = ei / r;
          c = p / r;
          p = c * di - s * g;
          store<f64>(d + o8(i + 1), h + s * (c * g + s * di));
          if (record) {
            store<f64>(rp, c);
            store<f64>(rp, s, 8);
            rp += 16;
          }
        }
        p = (-s * s2 * c3 * el1 * load<f64>(e + o8(l))) / dl1;
        store<f64>(e + o8(l), s * p);
        store<f64>(d + o8(l), c * p);
      } while (abs(load<f64>(e + o8(l))) > EPS * tst1);
    }
    store<f64>(d + o8(l), load<f64>(d + o8(l)) + f);
    store<f64>(e + o8(l), 0);
  }
  store<f64>(st, <f64>n);
  store<f64>(st, 1, 24);
  return count;
}

/**
 * Replays `count` recorded doubles of rotations on the rows of Zᵀ (row-major, ldz a multiple of 8),
 * columns [task·W, task·W + W). Each sweep's chain of rotations on adjacent rows keeps the row being
 * carried down the chain in registers (8 columns = 4 f64x2), so every element costs one load and one
 * store per rotation; the strip of Zᵀ (n·W·8 bytes) stays in L2 across all sweeps.
 * Rotation (c, s) on rows (i, i+1), as tql2: z_{i+1} ← s·z_i + c·z_{i+1}, z_i ← c·z_i − s·z_{i+1}.
 */
export function applyRotations(task: i32, tid: i32, ldz: i32, zt: usize, rot: usize, count: i32, W: i32): void {
  const c0 = task * W;
  const c1 = min(ldz, c0 + W);
  let ptr = rot;
  const end = rot + o8(count);
  while (ptr < end) {
    const l = <i32>load<f64>(ptr);
    const m = <i32>load<f64>(ptr, 8);
    const next = ptr + 16 + o8(2 * (m - l));
    if (next < end) {
      const l2 = <i32>load<f64>(next);
      if (<i32>load<f64>(next, 8) == m && l2 >= l && l2 < m) {
        // Two consecutive sweeps ending at the same row (QL iterating on one eigenvalue, or moving on
        // to the next one in the same block): replayed together.
        applyTwoSweeps(zt, ldz, c0, c1, l, l2, m, ptr + 16, next + 16);
        ptr = next + 16 + o8(2 * (m - l2));
        continue;
      }
    }
    ptr += 16;
    for (let col = c0; col < c1; col += 8) {
      const base = zt + o8(col);
      let rowAddr = base + o8(m * ldz);
      let k0 = v128.load(rowAddr);
      let k1 = v128.load(rowAddr, 16);
      let k2 = v128.load(rowAddr, 32);
      let k3 = v128.load(rowAddr, 48);
      let rp = ptr;
      for (let i = m - 1; i >= l; i--) {
        const cv = v128.load64_splat(rp);
        const sv = v128.load64_splat(rp, 8);
        rp += 16;
        const below = rowAddr;
        rowAddr -= o8(ldz);
        const r0 = v128.load(rowAddr);
        const r1 = v128.load(rowAddr, 16);
        const r2 = v128.load(rowAddr, 32);
        const r3 = v128.load(rowAddr, 48);
        // Four multiply-adds instead of four multiplies and two adds: with relaxed SIMD the replay
        // (the O(n³) part of eigh's vector stage, DROT's inner loop) is bound by these operations.
        v128.store(below, madd2(sv, r0, f64x2.mul(cv, k0)));
        v128.store(below, madd2(sv, r1, f64x2.mul(cv, k1)), 16);
        v128.store(below, madd2(sv, r2, f64x2.mul(cv, k2)), 32);
        v128.store(below, madd2(sv, r3, f64x2.mul(cv, k3)), 48);
        k0 = nmadd2(sv, k0, f64x2.mul(cv, r0));
        k1 = nmadd2(sv, k1, f64x2.mul(cv, r1));
        k2 = nmadd2(sv, k2, f64x2.mul(cv, r2));
        k3 = nmadd2(sv, k3, f64x2.mul(cv, r3));
      }
      v128.store(rowAddr, k0);
      v128.store(rowAddr, k1, 16);
      v128.store(rowAddr, k2, 32);
      v128.store(rowAddr, k3, 48);
    }
    ptr += o8(2 * (m - l));
  }
}

/**
 * Two consecutive sweeps, A over rows l…m then B over rows l2…m (l ≤ l2 < m), fused as a wavefront
 * (Van Zee, van de Geijn and Quintana-Ortí, "Restructuring the tridiagonal and bidiagonal QR algorithms
 * for performance", ACM TOMS 40(3), 2014): B's rotation on rows (i+1, i+2) runs right after A's rotation
 * on rows (i, i+1), taking A's finished row i+1 from registers. Each row is loaded and stored once for
 * both sweeps, halving the memory traffic that bounds the replay; every element sees exactly the
 * operations of replaying A then B, so the result is bit-identical to the unfused replay. Four columns
 * (two f64x2) per pass keep the two carried rows and the loaded row in registers.
 */
function applyTwoSweeps(zt: usize, ldz: i32, c0: i32, c1: i32, l: i32, l2: i32, m: i32, ra: usize, rb: usize): void {
  const step = o8(ldz);
  for (let col = c0; col < c1; col += 4) {
    let addr = zt + o8(col) + o8(m * ldz);
    let ka0 = v128.load(addr);
    let ka1 = v128.load(addr, 16);
    let pa = ra;
    let pb = rb;
    // A's first rotation (rows m−1, m): its finished row m is B's carried row.
    let ca = v128.load64_splat(pa);
    let sa = v128.load64_splat(pa, 8);
    pa += 16;
    addr -= step;
    let r0 = v128.load(addr);
    let r1 = v128.load(addr, 16);
    let kb0 = madd2(sa, r0, f64x2.mul(ca, ka0));
    let kb1 = madd2(sa, r1, f64x2.mul(ca, ka1));
    ka0 = nmadd2(sa, ka0, f64x2.mul(ca, r0));
    ka1 = nmadd2(sa, ka1, f64x2.mul(ca, r1));
    let i = m - 2;
    for (; i >= l2 - 1 && i >= l; i--) {
      ca = v128.load64_splat(pa);
      sa = v128.load64_splat(pa, 8);
      pa += 16;
      const cb = v128.load64_splat(pb);
      const sb = v128.load64_splat(pb, 8);
      pb += 16;
      const below = addr; // row i+1
      addr -= step; // row i
      r0 = v128.load(addr);
      r1 = v128.load(addr, 16);
      // A on rows (i, i+1): a is A's finished row i+1.
      const a0 = madd2(sa, r0, f64x2.mul(ca, ka0));
      const a1 = madd2(sa, r1, f64x2.mul(ca, ka1));
      ka0 = nmadd2(sa, ka0, f64x2.mul(ca, r0));
      ka1 = nmadd2(sa, ka1, f64x2.mul(ca, r1));
      // B on rows (i+1, i+2): row i+2 is final.
      v128.store(below + step, madd2(sb, a0, f64x2.mul(cb, kb0)));
      v128.store(below + step, madd2(sb, a1, f64x2.mul(cb, kb1)), 16);
      kb0 = nmadd2(sb, kb0, f64x2.mul(cb, a0));
      kb1 = nmadd2(sb, kb1, f64x2.mul(cb, a1));
    }
    if (l2 == l) {
      // B's last rotation (rows l, l+1) on A's finished row l.
      const cb = v128.load64_splat(pb);
      const sb = v128.load64_splat(pb, 8);
      v128.store(addr + step, madd2(sb, ka0, f64x2.mul(cb, kb0)));
      v128.store(addr + step, madd2(sb, ka1, f64x2.mul(cb, kb1)), 16);
      v128.store(addr, nmadd2(sb, kb0, f64x2.mul(cb, ka0)));
      v128.store(addr, nmadd2(sb, kb1, f64x2.mul(cb, ka1)), 16);
      continue;
    }
    // B is done (its last rotation was on rows l2, l2+1; addr is row l2 − 1): its carried row l2 is
    // final; A goes on alone.
    v128.store(addr + step, kb0);
    v128.store(addr + step, kb1, 16);
    for (; i >= l; i--) {
      ca = v128.load64_splat(pa);
      sa = v128.load64_splat(pa, 8);
      pa += 16;
      const below = addr;
      addr -= step;
      r0 = v128.load(addr);
      r1 = v128.load(addr, 16);
      v128.store(below, madd2(sa, r0, f64x2.mul(ca, ka0)));
      v128.store(below, madd2(sa, r1, f64x2.mul(ca, ka1)), 16);
      ka0 = nmadd2(sa, ka0, f64x2.mul(ca, r0));
      ka1 = nmadd2(sa, ka1, f64x2.mul(ca, r1));
    }
    v128.store(addr, ka0);
    v128.store(addr, ka1, 16);
  }
}

// Single-precision GEMM for forward passes: the dgemm.ts scheme with f32x4 lanes, so each 4×8 micro-tile
// does twice the flops per instruction of the double kernel. Same packing, same thread split, same
// bit-identical-for-any-thread-count property.
import { madd4, o4, o8 } from './simd';

export const SGEMM_MR: i32 = 4;
export const SGEMM_NR: i32 = 8;

export function spackB(task: i32, tid: i32, kc: i32, nc: i32, b: usize, rsB: i32, csB: i32, bp: usize, ppt: i32): void {
  const nPanels = (nc + SGEMM_NR - 1) / SGEMM_NR;
  const p0 = task * ppt;
  const p1 = min(nPanels, p0 + ppt);
  for (let jp = p0; jp < p1; jp++) {
    const j0 = jp * SGEMM_NR;
    const w = min(SGEMM_NR, nc - j0);
    let dst = bp + o4(jp * SGEMM_NR * kc);
    if (w == SGEMM_NR && csB == 1) {
      for (let p = 0; p < kc; p++) {
        const src = b + o4(p * rsB + j0);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        dst += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let c = 0; c < SGEMM_NR; c++) {
          store<f32>(dst + o4(c), c < w ? load<f32>(b + o4(p * rsB + (j0 + c) * csB)) : <f32>0);
        }
        dst += 32;
      }
    }
  }
}

function spackA(mb: i32, kc: i32, a: usize, rsA: i32, csA: i32, ap: usize): void {
  const nPanels = (mb + SGEMM_MR - 1) / SGEMM_MR;
  for (let ip = 0; ip < nPanels; ip++) {
    const i0 = ip * SGEMM_MR;
    const h = min(SGEMM_MR, mb - i0);
    let dst = ap + o4(ip * SGEMM_MR * kc);
    if (h == SGEMM_MR && rsA == 1) {
      for (let p = 0; p < kc; p++) {
        v128.store(dst, v128.load(a + o4(p * csA + i0)));
        dst += 16;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < SGEMM_MR; r++) {
          store<f32>(dst + o4(r), r < h ? load<f32>(a + o4((i0 + r) * rsA + p * csA)) : <f32>0);
        }
        dst += 16;
      }
    }
  }
}

@inline function skernel4x8(kc: i32, ap: usize, bp: usize, c: usize, ldc: i32, alpha: f32, h: i32, w: i32, accumulate: bool, tmp: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd4(a, b0, c00);
    c01 = madd4(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd4(a, b0, c10);
    c11 = madd4(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd4(a, b0, c20);
    c21 = madd4(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd4(a, b0, c30);
    c31 = madd4(a, b1, c31);
    ap += 16;
    bp += 32;
  }
  const al = f32x4.splat(alpha);
  v128.store(tmp, c00);
  v128.store(tmp, c01, 16);
  v128.store(tmp, c10, 32);
  v128.store(tmp, c11, 48);
  v128.store(tmp, c20, 64);
  v128.store(tmp, c21, 80);
  v128.store(tmp, c30, 96);
  v128.store(tmp, c31, 112);
  if (h == 4 && w == 8) {
    for (let r = 0; r < 4; r++) {
      const dst = c + o4(r * ldc);
      const s = tmp + (<usize>r << 5);
      if (accumulate) {
        v128.store(dst, madd4(al, v128.load(s), v128.load(dst)));
        v128.store(dst, madd4(al, v128.load(s, 16), v128.load(dst, 16)), 16);
      } else {
        v128.store(dst, f32x4.mul(al, v128.load(s)));
        v128.store(dst, f32x4.mul(al, v128.load(s, 16)), 16);
      }
    }
    return;
  }
  for (let r = 0; r < h; r++) {
    for (let j = 0; j < w; j++) {
      const dst = c + o4(r * ldc + j);
      const v = load<f32>(tmp + o4(r * 8 + j));
      if (accumulate) store<f32>(dst, f32x4.extract_lane(madd4(al, f32x4.splat(v), f32x4.splat(load<f32>(dst))), 0));
      else store<f32>(dst, alpha * v);
    }
  }
}

export function sgemmBlock(
  task: i32, tid: i32,
  m: i32, nc: i32, kc: i32,
  a: usize, rsA: i32, csA: i32,
  bp: usize, c: usize, ldc: i32,
  alpha: f64, accumulate: i32, mc: i32,
  scratch: usize, scratchStride: i32,
  upper: i32, colOffset: i32,
): void {
  const i0 = task * mc;
  const mb = min(mc, m - i0);
  if (mb <= 0) return;
  const mine = scratch + <usize>tid * <usize>scratchStride;
  const tmp = mine;
  const ap = mine + 256;
  spackA(mb, kc, a + o4(i0 * rsA), rsA, csA, ap);
  const nPanels = (nc + SGEMM_NR - 1) / SGEMM_NR;
  const mPanels = (mb + SGEMM_MR - 1) / SGEMM_MR;
  const al = <f32>alpha;
  for (let jp = 0; jp < nPanels; jp++) {
    const j0 = jp * SGEMM_NR;
    const w = min(SGEMM_NR, nc - j0);
    const bpp = bp + o4(jp * SGEMM_NR * kc);
    for (let ip = 0; ip < mPanels; ip++) {
      // SSYRK: skip tiles entirely below the diagonal of the global C (as dgemmBlock).
      if (upper != 0 && colOffset + j0 + w - 1 < i0 + ip * SGEMM_MR) break;
      const h = min(SGEMM_MR, mb - ip * SGEMM_MR);
      skernel4x8(kc, ap + o4(ip * SGEMM_MR * kc), bpp, c + o4((i0 + ip * SGEMM_MR) * ldc + j0), ldc, al, h, w, accumulate != 0, tmp);
    }
  }
}

/**
 * Rows [task·rpt, task·rpt + rpt) of the float64 n×n matrix dst ← the float32 upper triangle of src,
 * mirrored: the single-precision Gram widened for the float64 eigensolver, exactly symmetric. Tiled by 64
 * source rows as mirrorUpper.
 */
export function widenMirrorF32(task: i32, tid: i32, n: i32, src: usize, dst: usize, rpt: i32): void {
  const r0 = task * rpt;
  const r1 = min(n, r0 + rpt);
  for (let i = r0; i < r1; i++) {
    for (let j = i; j < n; j++) store<f64>(dst + o8(i * n + j), <f64>load<f32>(src + o4(i * n + j)));
  }
  for (let j0 = 0; j0 < r1; j0 += 64) {
    for (let i = max(r0, j0 + 1); i < r1; i++) {
      const j1 = min(j0 + 64, i);
      for (let j = j0; j < j1; j++) store<f64>(dst + o8(i * n + j), <f64>load<f32>(src + o4(j * n + i)));
    }
  }
}

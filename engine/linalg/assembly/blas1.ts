// Level-1 helpers on contiguous float64 vectors, two lanes at a time.
import { madd2, o8 } from './simd';

@inline export function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

export function ddot(len: i32, x: usize, y: usize): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= len; k += 4) {
    acc0 = madd2(v128.load(x + o8(k)), v128.load(y + o8(k)), acc0);
    acc1 = madd2(v128.load(x + o8(k), 16), v128.load(y + o8(k), 16), acc1);
  }
  let s = hsum(f64x2.add(acc0, acc1));
  for (; k < len; k++) s += load<f64>(x + o8(k)) * load<f64>(y + o8(k));
  return s;
}

/** y += alpha·x */
export function daxpy(len: i32, alpha: f64, x: usize, y: usize): void {
  const a = f64x2.splat(alpha);
  let k = 0;
  for (; k + 2 <= len; k += 2) v128.store(y + o8(k), madd2(a, v128.load(x + o8(k)), v128.load(y + o8(k))));
  for (; k < len; k++) store<f64>(y + o8(k), alpha * load<f64>(x + o8(k)) + load<f64>(y + o8(k)));
}

/** z += alpha·x + beta·y (the two rank-one corrections of DLATRD in one pass over z). */
export function daxpy2(len: i32, alpha: f64, x: usize, beta: f64, y: usize, z: usize): void {
  const a = f64x2.splat(alpha);
  const b = f64x2.splat(beta);
  let k = 0;
  for (; k + 2 <= len; k += 2) {
    const t = madd2(a, v128.load(x + o8(k)), v128.load(z + o8(k)));
    v128.store(z + o8(k), madd2(b, v128.load(y + o8(k)), t));
  }
  for (; k < len; k++) store<f64>(z + o8(k), beta * load<f64>(y + o8(k)) + (alpha * load<f64>(x + o8(k)) + load<f64>(z + o8(k))));
}

export function dscal(len: i32, alpha: f64, x: usize): void {
  const a = f64x2.splat(alpha);
  let k = 0;
  for (; k + 2 <= len; k += 2) v128.store(x + o8(k), f64x2.mul(a, v128.load(x + o8(k))));
  for (; k < len; k++) store<f64>(x + o8(k), alpha * load<f64>(x + o8(k)));
}

/** Euclidean norm with scaling by the largest entry, so squares neither overflow nor underflow (as DNRM2). */
export function dnrm2(len: i32, x: usize): f64 {
  let big: f64 = 0;
  for (let k = 0; k < len; k++) big = max(big, abs(load<f64>(x + o8(k))));
  if (big == 0) return 0;
  const inv = 1.0 / big;
  let s: f64 = 0;
  for (let k = 0; k < len; k++) {
    const t = load<f64>(x + o8(k)) * inv;
    s += t * t;
  }
  return big * sqrt(s);
}

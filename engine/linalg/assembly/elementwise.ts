// Elementwise work of the forward and backward passes, threaded like the BLAS kernels: the normalised
// activations σ̃ = (σ − Eσ(ξ))/sd σ(ξ) and their slopes (engine/rmt/activations.ts, MATH.md §1), and iid
// N(0, 1) fills for weight matrices. Each task owns a fixed chunk of elements, so results do not depend on
// the thread count. The formulas mirror rmt/activations.ts and rmt/erf.ts; the transcendental functions
// are AssemblyScript's (musl ports), which can differ from V8's Math in the last bit.
import { o4, o8 } from './simd';

// Activation codes: the order of ACTIVATION_CODES in engine/linalg/elementwiseCodes.ts.
const LINEAR = 0;
const RELU = 1;
const TANH = 2;
const ERF = 3;
const ARCTAN = 4;
const SIGMOID = 5;
const SOFTPLUS = 6;
const SILU = 7;
const GELU = 8;
const SIN = 9;
const COS = 10;

const TWO_OVER_SQRT_PI: f64 = 1.1283791670955126;
const ONE_OVER_SQRT_PI: f64 = 0.5641895835477563;
const INV_SQRT_2PI: f64 = 0.3989422804014327;
const INV_SQRT2: f64 = 0.7071067811865476;
const SPLIT: f64 = 134217729; // 2^27 + 1

/** e^{−x²} without the rounding error of x² (rmt/erf.ts). */
function expMinusSquare(x: f64): f64 {
  const t = SPLIT * x;
  const xh = t - (t - x);
  const xl = x - xh;
  return Math.exp(-xh * xh) * Math.exp(-xl * (x + xh));
}

function erfSeries(x: f64): f64 {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= (2 * x2) / <f64>(2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

function erfcContinuedFraction(x: f64): f64 {
  const depth = x < 3 ? 96 : x < 4.5 ? 48 : x < 8 ? 24 : 10;
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + <f64>k / 2 / f;
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}

function erf(x: f64): f64 {
  if (isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2) return erfSeries(x);
  if (ax >= 6.5) return x > 0 ? 1 : -1;
  const v = 1 - erfcContinuedFraction(ax);
  return x > 0 ? v : -v;
}

function erfc(x: f64): f64 {
  if (isNaN(x)) return NaN;
  if (x >= 27.3) return 0;
  if (x >= 2) return erfcContinuedFraction(x);
  if (x > -2) return 1 - erfSeries(x);
  if (x <= -6.5) return 2;
  return 2 - erfcContinuedFraction(-x);
}

function logistic(x: f64): f64 {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function logisticSlope(x: f64): f64 {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** Raw σ(x) (sigmoid already centred: σ − ½ = ½ tanh(x/2), as normalisedActivation does). */
@inline function value(code: i32, x: f64): f64 {
  switch (code) {
    case LINEAR: return x;
    case RELU: return x > 0 ? x : 0;
    case TANH: return Math.tanh(x);
    case ERF: return erf(x);
    case ARCTAN: return Math.atan(x);
    case SIGMOID: return 0.5 * Math.tanh(0.5 * x);
    case SOFTPLUS: return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    case SILU: return x * logistic(x);
    case GELU: return x * 0.5 * erfc(-x * INV_SQRT2);
    case SIN: return Math.sin(x);
    case COS: return Math.cos(x);
    default: return NaN;
  }
}

@inline function slopeOf(code: i32, x: f64, fx: f64): f64 {
  switch (code) {
    case LINEAR: return 1;
    case RELU: return x > 0 ? 1 : 0;
    case TANH: return 1 - fx * fx;
    case ERF: return TWO_OVER_SQRT_PI * Math.exp(-x * x);
    case ARCTAN: return 1 / (1 + x * x);
    case SIGMOID: return logisticSlope(x);
    case SOFTPLUS: return logistic(x);
    case SILU: return logistic(x) + x * logisticSlope(x);
    case GELU: return 0.5 * erfc(-x * INV_SQRT2) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    case SIN: return Math.cos(x);
    case COS: return -Math.sin(x);
    default: return NaN;
  }
}

/**
 * Task t of out[i] = scale·(σ(z[i]) − mean)·inv and, when slope ≠ 0, slope[i] = scale·σ′(z[i])·inv, for i in
 * [t·chunk, min(count, (t+1)·chunk)). out may alias z (in place).
 */
export function activate(task: i32, tid: i32, code: i32, z: usize, out: usize, slope: usize, count: i32, chunk: i32, mean: f64, inv: f64, scale: f64): void {
  const i0 = task * chunk;
  const i1 = min(count, i0 + chunk);
  for (let i = i0; i < i1; i++) {
    const x = load<f64>(z + o8(i));
    const fx = value(code, x);
    store<f64>(out + o8(i), scale * ((fx - mean) * inv));
    if (slope != 0) store<f64>(slope + o8(i), scale * (slopeOf(code, x, fx) * inv));
  }
}

/** The same on float32 buffers, computed in float64 and rounded once. */
export function activateF32(task: i32, tid: i32, code: i32, z: usize, out: usize, count: i32, chunk: i32, mean: f64, inv: f64, scale: f64): void {
  const i0 = task * chunk;
  const i1 = min(count, i0 + chunk);
  for (let i = i0; i < i1; i++) {
    const x = <f64>load<f32>(z + o4(i));
    store<f32>(out + o4(i), <f32>(scale * ((value(code, x) - mean) * inv)));
  }
}

// ---- Gaussian fill --------------------------------------------------------------------------------------

/** splitmix32's output function (Rng.ts seeds the same way). */
@inline function mix32(z: u32): u32 {
  z = (z ^ (z >> 16)) * 0x85ebca6b;
  z = (z ^ (z >> 13)) * 0xc2b2ae35;
  return z ^ (z >> 16);
}

@inline function rotl(x: u32, k: u32): u32 {
  return (x << k) | (x >> (32 - k));
}

/**
 * Task t fills elements [t·chunk, min(count, (t+1)·chunk)) of out with iid N(0, 1) draws from its own
 * xoshiro128** stream, its state the splitmix32 finaliser of the 128-bit key mixed with t: the array is a function of the key alone, for any thread count. Marsaglia's polar
 * method (no trigonometric calls), pairs consumed in order. f32 ≠ 0 writes float32.
 */
export function fillGaussian(task: i32, tid: i32, out: usize, count: i32, chunk: i32, k0: u32, k1: u32, k2: u32, k3: u32, f32: i32): void {
  // Each state word: splitmix32's finaliser of (key word ^ finaliser(task + j·golden)).
  let s0 = mix32(k0 ^ mix32(<u32>task + 0x9e3779b9));
  let s1 = mix32(k1 ^ mix32(<u32>task + 0x3c6ef372));
  let s2 = mix32(k2 ^ mix32(<u32>task + 0xdaa66d2b));
  let s3 = mix32(k3 ^ mix32(<u32>task + 0x78dde6e4));
  if ((s0 | s1 | s2 | s3) == 0) s0 = 1;
  const i0 = task * chunk;
  const i1 = min(count, i0 + chunk);
  let i = i0;
  while (i < i1) {
    // Two uniforms in (−1, 1) with 53 bits each (two 32-bit outputs per double, as Rng.uniform()).
    let u: f64 = 0, v: f64 = 0, s: f64 = 0;
    do {
      let a: u32 = rotl(s1 * 5, 7) * 9;
      let t: u32 = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      let b: u32 = rotl(s1 * 5, 7) * 9;
      t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      u = 2 * ((<f64>(a >> 5) * 67108864 + <f64>(b >> 6)) / 9007199254740992) - 1;
      a = rotl(s1 * 5, 7) * 9;
      t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      b = rotl(s1 * 5, 7) * 9;
      t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      v = 2 * ((<f64>(a >> 5) * 67108864 + <f64>(b >> 6)) / 9007199254740992) - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    if (f32 != 0) {
      store<f32>(out + o4(i), <f32>(u * m));
      if (i + 1 < i1) store<f32>(out + o4(i + 1), <f32>(v * m));
    } else {
      store<f64>(out + o8(i), u * m);
      if (i + 1 < i1) store<f64>(out + o8(i + 1), v * m);
    }
    i += 2;
  }
}

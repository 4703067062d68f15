import { ACTIVATION_CODES, type ElementwiseActivation } from '../linalg/elementwise.js';
import { erf, erfc } from './erf.js';
import { gaussHermite } from './gaussHermite.js';

/**
 * Activation functions and their Gaussian constants (MATH.md §1).
 *
 * σ̃ = (σ − Eσ(ξ)) / sd σ(ξ), ξ ~ N(0,1), so Eσ̃ = 0 and Eσ̃² = 1 (Fan–Wang 2005.11879 normalisation).
 * b = E σ̃′(ξ) = E ξσ̃(ξ) (Stein), a = E σ̃′(ξ)², c_k = E σ̃(ξ) h_k(ξ) with orthonormal Hermite h_k.
 *
 * Quadrature: 200-point Gauss–Hermite for the smooth activations (analytic in a strip, so the error decays
 * like exp(−τ√(8N)); at N = 200 every constant is good to ~1e-13 and c_k to ~1e-12 for k ≤ 128). relu is
 * the only kinked one in the list and uses closed forms (MATH.md §1 "Closed-form checks"), including its
 * Hermite coefficients c_k = He_{k−2}(0)/(√(2π k!)·sd), from integrating by parts twice.
 */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'tanh',
  'erf',
  'arctan',
  'sigmoid',
  'softplus',
  'silu',
  'gelu',
  'sin',
  'cos',
] as const;

export type ActivationName = (typeof ACTIVATIONS)[number];

export interface ActivationConstants {
  name: ActivationName;
  /** E σ(ξ) of the raw activation. */
  mean: number;
  /** sd σ(ξ) of the raw activation. */
  sd: number;
  /** b_σ = E σ̃′(ξ) = c_1. */
  b: number;
  /** a_σ = E σ̃′(ξ)² = Σ k c_k². */
  a: number;
  /** Hermite coefficients c_0..c_K of σ̃ (c_0 = 0, c_1 = b, Σ c_k² = 1). */
  c: Float64Array;
  /** c_2, the coefficient behind the extra CK outlier along 1/√n (MATH.md §2.6). */
  c2: number;
}

export interface ScalarFunctionPair {
  f: (x: number) => number;
  df: (x: number) => number;
  /** Set by normalisedActivation: the same σ̃ as a threaded WASM kernel (linalg applyActivation) for whole matrices. */
  elementwise?: ElementwiseActivation;
}

/** Number of Hermite coefficients returned (c_0..c_K). */
export const HERMITE_ORDER = 128;
const QUADRATURE_NODES = 200;

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const INV_SQRT2 = Math.SQRT1_2;

/** Logistic 1/(1+e^{−x}) without overflow: the exponential is only ever taken of −|x|. */
function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** s(1−s) for the logistic s, from e^{−|x|} so it neither overflows nor cancels. */
function logisticSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** Symmetry of the raw activation about its mean: fixes the parity zeros of c_k exactly. */
const PARITY: Record<ActivationName, 'odd' | 'even' | 'none'> = {
  linear: 'odd',
  relu: 'none',
  tanh: 'odd',
  erf: 'odd',
  arctan: 'odd',
  sigmoid: 'odd',
  softplus: 'none',
  silu: 'none',
  gelu: 'none',
  sin: 'odd',
  cos: 'even',
};

/** The raw (un-normalised) activation σ and its derivative, overflow-safe. */
export function rawActivation(name: ActivationName): ScalarFunctionPair {
  switch (name) {
    case 'linear':
      return { f: (x) => x, df: () => 1 };
    case 'relu':
      return { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0) };
    case 'tanh':
      return {
        f: Math.tanh,
        df: (x) => {
          const t = Math.tanh(x);
          return 1 - t * t;
        },
      };
    case 'erf':
      return { f: erf, df: (x) => 1.1283791670955126 * Math.exp(-x * x) };
    case 'arctan':
      return { f: Math.atan, df: (x) => 1 / (1 + x * x) };
    case 'sigmoid':
      return { f: logistic, df: logisticSlope };
    case 'softplus':
      // max(x,0) + log1p(e^{−|x|}) (MATH.md §1 "Overflow").
      return { f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), df: logistic };
    case 'silu':
      return {
        f: (x) => x * logistic(x),
        df: (x) => {
          const s = logistic(x);
          return s + x * logisticSlope(x);
        },
      };
    case 'gelu':
      // Exact erf form x·Φ(x), Φ(x) = ½ erfc(−x/√2): erfc keeps the left tail accurate where 1 + erf cancels.
      return {
        f: (x) => x * 0.5 * erfc(-x * INV_SQRT2),
        df: (x) => 0.5 * erfc(-x * INV_SQRT2) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
      };
    case 'sin':
      return { f: Math.sin, df: Math.cos };
    case 'cos':
      return { f: Math.cos, df: (x) => -Math.sin(x) };
  }
}

function assertActivation(name: string): asserts name is ActivationName {
  if (!(ACTIVATIONS as readonly string[]).includes(name)) {
    throw new RangeError(`unknown activation "${name}"; expected one of ${ACTIVATIONS.join(', ')}`);
  }
}

const constantsCache = new Map<ActivationName, ActivationConstants>();

/** Constants of σ̃ (MATH.md §1 table). Cached: the first call per activation costs ~1 ms. */
export function activationConstants(name: ActivationName): ActivationConstants {
  assertActivation(name);
  const hit = constantsCache.get(name);
  if (hit) return hit;
  const K = HERMITE_ORDER;
  const c = new Float64Array(K + 1);
  let mean: number;
  let sd: number;
  let b: number;
  let a: number;
  if (name === 'relu') {
    mean = INV_SQRT_2PI;
    const variance = 0.5 - 1 / (2 * Math.PI);
    sd = Math.sqrt(variance);
    b = 0.5 / sd;
    a = 0.5 / variance;
    c[1] = b;
    // c_2 = 1/(√(2π)·√2·sd); c_{k+2} = −(k−1)/√((k+1)(k+2)) · c_k; odd k ≥ 3 vanish.
    c[2] = INV_SQRT_2PI / Math.SQRT2 / sd;
    for (let k = 2; k + 2 <= K; k += 2) c[k + 2] = (-(k - 1) / Math.sqrt((k + 1) * (k + 2))) * c[k];
  } else {
    const { f, df } = rawActivation(name);
    const { nodes, weights } = gaussHermite(QUADRATURE_NODES);
    const n = nodes.length;
    const fx = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      fx[i] = f(nodes[i]);
      m += weights[i] * fx[i];
    }
    const parity = PARITY[name];
    if (parity === 'odd') {
      // Odd about its mean: the mean is known exactly (0, or ½ for the logistic).
      m = name === 'sigmoid' ? 0.5 : 0;
    }
    mean = m;
    let v = 0;
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const u = fx[i] - mean;
      v += weights[i] * u * u;
      const g = df(nodes[i]);
      d2 += weights[i] * g * g;
    }
    sd = Math.sqrt(v);
    a = d2 / v;
    // c_k = E σ̃ h_k with the three-term recurrence (no factorials: MATH.md §1 "Hermite coefficients").
    for (let i = 0; i < n; i++) {
      const x = nodes[i];
      const g = (weights[i] * (fx[i] - mean)) / sd;
      let hPrev = 0;
      let h = 1;
      c[0] += g;
      for (let k = 0; k < K; k++) {
        const hNext = (x * h - Math.sqrt(k) * hPrev) / Math.sqrt(k + 1);
        hPrev = h;
        h = hNext;
        c[k + 1] += g * h;
      }
    }
    c[0] = 0;
    if (parity !== 'none') {
      for (let k = parity === 'odd' ? 0 : 1; k <= K; k += 2) c[k] = 0;
    }
    b = c[1];
  }
  const result: ActivationConstants = { name, mean, sd, b, a, c, c2: c[2] };
  constantsCache.set(name, result);
  return result;
}

/**
 * σ̃ and σ̃′ for the named activation, as plain closures (the kinds apply them to whole matrices).
 * linear is returned as the identity (mean 0, sd 1 exactly).
 */
export function normalisedActivation(name: ActivationName): ScalarFunctionPair {
  const pair = normalisedClosures(name);
  return { ...pair, elementwise: elementwiseActivation(name, pair) };
}

function normalisedClosures(name: ActivationName): ScalarFunctionPair {
  assertActivation(name);
  if (name === 'linear') return { f: (x) => x, df: () => 1 };
  const { mean, sd } = activationConstants(name);
  const { f, df } = rawActivation(name);
  const inv = 1 / sd;
  if (name === 'sigmoid') {
    // σ(x) − ½ = ½ tanh(x/2): no cancellation near 0 and no overflow.
    return {
      f: (x) => 0.5 * Math.tanh(0.5 * x) * inv,
      df: (x) => logisticSlope(x) * inv,
    };
  }
  if (mean === 0) return { f: (x) => f(x) * inv, df: (x) => df(x) * inv };
  return { f: (x) => (f(x) - mean) * inv, df: (x) => df(x) * inv };
}

/**
 * σ̃ as a descriptor for linalg's threaded elementwise kernel (applyActivation): the WASM code of σ with
 * the constants of normalisedActivation, and its closures for the TypeScript fallback. sigmoid's kernel
 * already evaluates σ − ½ = ½ tanh(x/2), so its mean is passed as 0, as normalisedActivation does.
 */
export function elementwiseActivation(name: ActivationName, pair?: ScalarFunctionPair): ElementwiseActivation {
  assertActivation(name);
  const { f, df } = pair ?? normalisedClosures(name);
  const code = (ACTIVATION_CODES as readonly string[]).indexOf(name);
  if (name === 'linear') return { code, mean: 0, inv: 1, f, df };
  const { mean, sd } = activationConstants(name);
  return { code, mean: name === 'sigmoid' ? 0 : mean, inv: 1 / sd, f, df };
}

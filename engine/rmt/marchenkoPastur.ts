import type { Complex } from './complex.js';
import { csqrtInto } from './complex.js';

/**
 * Marchenko–Pastur law MP_γ: the limiting ESD of the n×n Gram matrix XᵀX, X of size d×n with iid
 * N(0, 1/d) entries, γ = n/d (MATH.md §0.5, §2.1). Mean 1, variance γ.
 * Density √((λ₊−x)(x−λ₋))/(2πγx) on [λ₋, λ₊], λ± = (1 ± √γ)², plus an atom 1 − 1/γ at 0 when γ > 1.
 */
function checkGamma(gamma: number, where: string): void {
  if (!(gamma > 0) || !Number.isFinite(gamma)) throw new RangeError(`${where}: gamma must be finite and > 0, got ${gamma}`);
}

export function mpEdges(gamma: number): [number, number] {
  checkGamma(gamma, 'mpEdges');
  const s = Math.sqrt(gamma);
  return [(1 - s) * (1 - s), (1 + s) * (1 + s)];
}

/** Mass of the atom at 0: max(0, 1 − 1/γ). */
export function mpAtomMass(gamma: number): number {
  checkGamma(gamma, 'mpAtomMass');
  return gamma > 1 ? 1 - 1 / gamma : 0;
}

/** Absolutely continuous part of the density (the atom at 0 is not included). */
export function mpDensity(x: number, gamma: number): number {
  const [lo, hi] = mpEdges(gamma);
  if (!(x > lo && x < hi)) return 0;
  return Math.sqrt((hi - x) * (x - lo)) / (2 * Math.PI * gamma * x);
}

const scratch = new Float64Array(4);

/**
 * m_MP(z) and m_MP′(z) into out[0..3] for z = re + i·im (MATH.md §0.5).
 *
 * Branch: P = √(λ₊ − z)·√(λ₋ − z) with the principal root of each factor separately is on the right branch
 * on all of ℂ⁺ (and, by conjugate symmetry, on ℂ⁻ and on the real axis outside the support).
 * Cancellation: (1−γ−z−P)(1−γ−z+P) = 4γz, so m = (1−γ−z−P)/(2γz) = 2/(1−γ−z+P); the form whose
 * denominator/numerator does not cancel is used (the first loses all digits at z → 0 when γ < 1, the second
 * at the atom z → 0 when γ > 1 and at |z| → ∞).
 * Derivative from m = 1/(1 − γ − z − γzm): m′ = m²(1 + γm)/(1 − γzm²).
 */
export function mpStieltjesInto(re: number, im: number, gamma: number, out: Float64Array): void {
  const s = Math.sqrt(gamma);
  const hi = (1 + s) * (1 + s);
  const lo = (1 - s) * (1 - s);
  csqrtInto(hi - re, -im, scratch, 0);
  csqrtInto(lo - re, -im, scratch, 2);
  const pr = scratch[0] * scratch[2] - scratch[1] * scratch[3];
  const pi = scratch[0] * scratch[3] + scratch[1] * scratch[2];
  const ar = 1 - gamma - re;
  const ai = -im;
  const plusR = ar + pr;
  const plusI = ai + pi;
  const minusR = ar - pr;
  const minusI = ai - pi;
  let mr: number;
  let mi: number;
  if (plusR * plusR + plusI * plusI >= minusR * minusR + minusI * minusI) {
    const d = plusR * plusR + plusI * plusI;
    mr = (2 * plusR) / d;
    mi = (-2 * plusI) / d;
  } else {
    // (minus)/(2γz)
    const dr = 2 * gamma * re;
    const di = 2 * gamma * im;
    const d = dr * dr + di * di;
    mr = (minusR * dr + minusI * di) / d;
    mi = (minusI * dr - minusR * di) / d;
  }
  out[0] = mr;
  out[1] = mi;
  // m′ = m²(1 + γm)/(1 − γ z m²)
  const m2r = mr * mr - mi * mi;
  const m2i = 2 * mr * mi;
  const nr = m2r * (1 + gamma * mr) - m2i * (gamma * mi);
  const ni = m2r * (gamma * mi) + m2i * (1 + gamma * mr);
  const zr = re * m2r - im * m2i;
  const zi = re * m2i + im * m2r;
  const qr = 1 - gamma * zr;
  const qi = -gamma * zi;
  const q = qr * qr + qi * qi;
  out[2] = (nr * qr + ni * qi) / q;
  out[3] = (ni * qr - nr * qi) / q;
}

export function mpStieltjes(z: Complex, gamma: number): Complex {
  checkGamma(gamma, 'mpStieltjes');
  const out = new Float64Array(4);
  mpStieltjesInto(z.re, z.im, gamma, out);
  return { re: out[0], im: out[1] };
}

/**
 * CDF of MP_γ in closed form, including the atom at 0. With x = c − r cos θ (c = 1+γ, r = 2√γ) the bulk
 * integral is (1/(2πγ))·[r sin θ + cθ − 2|1−γ| arctan(((1+√γ)/|1−√γ|) tan(θ/2))]
 * (partial fractions of sin²θ/(c − r cos θ); it gives 1 at θ = π for γ ≤ 1 and 1/γ for γ > 1).
 */
export function mpCdf(x: number, gamma: number): number {
  checkGamma(gamma, 'mpCdf');
  if (x < 0) return 0;
  const atom = mpAtomMass(gamma);
  const s = Math.sqrt(gamma);
  const lo = (1 - s) * (1 - s);
  const hi = (1 + s) * (1 + s);
  if (x <= lo) return atom;
  if (x >= hi) return 1;
  const c = 1 + gamma;
  const r = 2 * s;
  const cosT = Math.min(1, Math.max(-1, (c - x) / r));
  const theta = Math.acos(cosT);
  const sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT));
  let bulk = r * sinT + c * theta;
  const g = Math.abs(1 - gamma);
  if (g > 0) bulk -= 2 * g * Math.atan(((1 + s) / Math.abs(1 - s)) * Math.tan(theta / 2));
  return Math.min(1, atom + bulk / (2 * Math.PI * gamma));
}

/** k-th moment of MP_γ (Narayana polynomial): Σ_{r=0}^{k−1} γ^r/(r+1)·C(k,r)·C(k−1,r). */
export function mpMoment(k: number, gamma: number): number {
  checkGamma(gamma, 'mpMoment');
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`mpMoment: k must be a non-negative integer, got ${k}`);
  if (k === 0) return 1;
  let sum = 0;
  let ckr = 1; // C(k, r)
  let ck1r = 1; // C(k−1, r)
  for (let r = 0; r < k; r++) {
    sum += (gamma ** r / (r + 1)) * ckr * ck1r;
    ckr = (ckr * (k - r)) / (r + 1);
    ck1r = (ck1r * (k - 1 - r)) / (r + 1);
  }
  return sum;
}

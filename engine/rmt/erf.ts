/**
 * Error function and complementary error function in float64, written for this engine.
 *
 * Needed for the erf activation and the exact gelu x·Φ(x) (MATH.md §1 table), whose constants must agree
 * to 1e-5 and whose kernels (§4.3) need ~1e-10; the kinds also apply σ̃ elementwise to large matrices, so it
 * must be cheap.
 *
 * - |x| < 2: erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (2n+1)!!, a series of positive terms (no
 *   cancellation, unlike the alternating Taylor series), ≤ ~45 terms. Relative error ~1e-16.
 * - x ≥ 2: erfc(x) = (e^{−x²}/√π) / (x + ½/(x + 1/(x + (3/2)/(x + …)))), the Laplace continued fraction,
 *   evaluated bottom-up with a depth that shrinks as x grows. Relative error ~1e-16.
 * - e^{−x²} is computed as e^{−xh²}·e^{−(x−xh)(x+xh)} with xh = x rounded to 26 bits, so xh² is exact and the
 *   rounding of x² (which would cost x²·2⁻⁵³ relative error, 3e-15 at x = 5) never enters.
 * erfc(x) for x < 2 is 1 − erf(x): absolute error ~1e-16, relative error up to ~1e-13 near x = 2 (erfc(2) ≈ 5e-3).
 */
const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/√π
const SPLIT = 134217729; // 2^27 + 1 (Veltkamp split)

/** e^{−x²} without the rounding error of x². */
export function expMinusSquare(x: number): number {
  const t = SPLIT * x;
  const xh = t - (t - x);
  const xl = x - xh;
  return Math.exp(-xh * xh) * Math.exp(-xl * (x + xh));
}

/** Positive-term series for erf on |x| < 2 (see header). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

/** erfc(x) for x ≥ 2 by the continued fraction (see header). */
function erfcContinuedFraction(x: number): number {
  // Depth chosen from tests against mpmath: 1e-16 relative at x = 2 needs ~90 levels; fewer further out.
  const depth = x < 3 ? 96 : x < 4.5 ? 48 : x < 8 ? 24 : 10;
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + k / 2 / f;
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2) return erfSeries(x);
  if (ax >= 6.5) return x > 0 ? 1 : -1; // erfc(6.5) ≈ 4e-20, below half an ulp of 1
  const v = 1 - erfcContinuedFraction(ax);
  return x > 0 ? v : -v;
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 27.3) return 0; // underflow
  if (x >= 2) return erfcContinuedFraction(x);
  if (x > -2) return 1 - erfSeries(x);
  if (x <= -6.5) return 2;
  return 2 - erfcContinuedFraction(-x);
}

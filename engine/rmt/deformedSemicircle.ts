import type { Complex } from './complex.js';
import type { StieltjesFunction } from './spectralMeasure.js';

/**
 * μ_s ⊠ ν: the limiting law of Φ^{1/2} H Φ^{1/2}, H a standard Wigner matrix (semicircle on [−2, 2]) and ν
 * the spectral law of Φ (MATH.md §4.2, *unverified — derive/check numerically*; a reference simulation
 * agrees). It is the limit of √(d_1/n)(K − Φ) in the ultra-wide regime (§4.1):
 *   m(z) = ∫ ν(dt)/(−z − tβ(z)),  β(z) = ∫ t ν(dt)/(−z − tβ(z)),  Im β > 0.
 * ν is given as atoms (e.g. the eigenvalues of the computed Φ, better at finite n than the limit).
 *
 * Solver: Newton on g(β) = β − ∫ tν/(−z − tβ) (g′ = 1 − ∫ t²ν/(−z − tβ)²), with step halving that keeps
 * Im β > 0, warm-started along a grid and validated; otherwise the §0.3 ε-continuation from β = i at
 * large ε. Self-check: ν = δ_c gives the semicircle of variance c².
 */
export interface DeformedSemicircle {
  evaluate: StieltjesFunction;
  stieltjes(z: Complex): Complex;
  /** A bound on the support: [−2 max|t|, 2 max|t|]. */
  readonly range: [number, number];
  reset(): void;
}

export function deformedSemicircle(points: ArrayLike<number>, weights?: ArrayLike<number>): DeformedSemicircle {
  const t = Float64Array.from(points);
  const n = t.length;
  if (n === 0) throw new RangeError('deformedSemicircle: ν needs at least one atom');
  const w = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1 / n);
  if (w.length !== n) throw new RangeError(`deformedSemicircle: ${n} points but ${w.length} weights`);
  let tmax = 0;
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(t[k]) || t[k] < 0) throw new RangeError('deformedSemicircle: ν must live on [0, ∞) (Φ is positive semi-definite)');
    tmax = Math.max(tmax, t[k]);
  }
  const scale = Math.max(tmax, 1e-300);
  let br = 0;
  let bi = 1;
  let haveWarm = false;
  // Sums at (z, β): S1 = Σ w t/(−z − tβ), S2 = Σ w t²/(−z − tβ)², M = Σ w/(−z − tβ), D = Σ w t/(−z − tβ)² (for m′).
  let s1r = 0, s1i = 0, s2r = 0, s2i = 0, mr = 0, mi = 0, dr = 0, di = 0;
  function sums(zr: number, zi: number, xr: number, xi: number): void {
    s1r = s1i = s2r = s2i = mr = mi = dr = di = 0;
    for (let k = 0; k < n; k++) {
      const tk = t[k];
      const ar = -zr - tk * xr;
      const ai = -zi - tk * xi;
      const den = ar * ar + ai * ai;
      const gr = (w[k] * ar) / den; // w/(a)
      const gi = (-w[k] * ai) / den;
      mr += gr;
      mi += gi;
      s1r += tk * gr;
      s1i += tk * gi;
      // 1/a² = (1/a)²
      const ir = ar / den;
      const ii = -ai / den;
      const qr = ir * ir - ii * ii;
      const qi = 2 * ir * ii;
      dr += w[k] * tk * qr;
      di += w[k] * tk * qi;
      s2r += w[k] * tk * tk * qr;
      s2i += w[k] * tk * tk * qi;
    }
  }
  function newton(zr: number, zi: number, maxIt: number): boolean {
    if (!(bi > 0)) return false;
    sums(zr, zi, br, bi);
    let res = Math.hypot(br - s1r, bi - s1i);
    const tol = 1e-15 * (Math.hypot(br, bi) + 1);
    for (let it = 0; it < maxIt; it++) {
      if (res <= tol) return true;
      const gr = br - s1r;
      const gi = bi - s1i;
      const jr = 1 - s2r;
      const ji = -s2i;
      const jd = jr * jr + ji * ji;
      const stepR = -(gr * jr + gi * ji) / jd;
      const stepI = -(gi * jr - gr * ji) / jd;
      let lambda = 1;
      let ok = false;
      const b0r = br;
      const b0i = bi;
      for (let h = 0; h < 40; h++) {
        const cr = b0r + lambda * stepR;
        const ci = b0i + lambda * stepI;
        if (ci > 0) {
          sums(zr, zi, cr, ci);
          const r = Math.hypot(cr - s1r, ci - s1i);
          if (r < res * (1 - 1e-4 * lambda) || r <= tol) {
            br = cr;
            bi = ci;
            res = r;
            ok = true;
            break;
          }
        }
        lambda *= 0.5;
      }
      if (!ok) {
        sums(zr, zi, br, bi);
        return res <= 1e3 * tol;
      }
    }
    return res <= 1e3 * tol;
  }
  const valid = (zi: number): boolean => bi > 0 && mi > 0 && Math.hypot(mr, mi) * zi <= 1 + 1e-9;
  const evaluate: StieltjesFunction = (zr, zi, out) => {
    if (!(zi > 0)) throw new RangeError(`deformedSemicircle.evaluate: need Im z > 0, got ${zi}`);
    let ok = false;
    if (haveWarm) {
      const sr = br;
      const si = bi;
      ok = newton(zr, zi, 30) && valid(zi);
      if (!ok) {
        br = sr;
        bi = si;
      }
    }
    if (!ok) {
      let eps = Math.max(zi, 8 * (scale + Math.abs(zr)));
      br = 0;
      bi = 1;
      ok = newton(zr, eps, 100);
      let ratio = 0.25;
      while (ok && eps > zi) {
        const next = Math.max(zi, eps * ratio);
        const sr = br;
        const si = bi;
        if (newton(zr, next, 40)) {
          eps = next;
          ratio = 0.25;
        } else {
          br = sr;
          bi = si;
          ratio = Math.sqrt(ratio);
          if (ratio > 0.98) ok = false;
        }
      }
      ok = ok && valid(zi);
      if (!ok) {
        haveWarm = false;
        throw new Error(`deformedSemicircle: no solution with Im β > 0 at z = ${zr} + ${zi}i`);
      }
    }
    haveWarm = true;
    out[0] = mr;
    out[1] = mi;
    // m′ = Σ w (1 + t β′)/(−z − tβ)², β′ = Σ w t(1 + tβ′)/(..)² ⇒ β′ = D/(1 − S2).
    const jr = 1 - s2r;
    const ji = -s2i;
    const jd = jr * jr + ji * ji;
    const bpr = (dr * jr + di * ji) / jd;
    const bpi = (di * jr - dr * ji) / jd;
    // Σ w/(a²) + β′ Σ w t/(a²) — recompute Σ w/a² cheaply from the same loop is not stored; use identity:
    // m′ = Σ w/a² + β′ D.
    let qr = 0;
    let qi = 0;
    for (let k = 0; k < n; k++) {
      const ar = -zr - t[k] * br;
      const ai = -zi - t[k] * bi;
      const den = ar * ar + ai * ai;
      const ir = ar / den;
      const ii = -ai / den;
      qr += w[k] * (ir * ir - ii * ii);
      qi += w[k] * 2 * ir * ii;
    }
    out[2] = qr + bpr * dr - bpi * di;
    out[3] = qi + bpr * di + bpi * dr;
  };
  return {
    evaluate,
    stieltjes(z: Complex): Complex {
      const out = new Float64Array(4);
      evaluate(z.re, z.im, out);
      return { re: out[0], im: out[1] };
    },
    range: [-2 * scale * 1.05, 2 * scale * 1.05],
    reset() {
      haveWarm = false;
    },
  };
}

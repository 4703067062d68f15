import type { Complex } from './complex.js';
import type { CkChainOptions } from './ckChain.js';
import { measureMoment, stieltjesFunction } from './spectralMeasure.js';

/**
 * The CK chain of MATH.md §2.5 solved exactly as written there: one companion unknown m̲_ℓ per layer,
 * all layers swept together, damped fixed point u ← (1−θ)u + θF(u), with the §0.3 ε-continuation
 * (ε from ≥ 1×scale, halved, warm start per level; on a half-plane violation restart with ε₀ ×2, θ ×½).
 *
 * It is the reference against which the forward-map Newton solver (ckChain.ts) is tested, and its
 * last-resort fallback. Cost: ~11+ ε-stages × 100–300 sweeps per point, so it is not used for curves.
 */
export interface CkChainFixedPointResult {
  /** m_L(z) */
  m: Complex;
  /** m̲_1..m̲_L at the solution */
  companions: Complex[];
  /** z_0 at the solution (preimage under the forward map) */
  z0: Complex;
  sweeps: number;
}

export function ckChainFixedPoint(
  options: CkChainOptions,
  z: Complex,
  settings: { theta?: number; tol?: number; maxSweeps?: number } = {},
): CkChainFixedPointResult {
  const gam = Float64Array.from(options.gammas);
  const L = gam.length;
  const b2 = options.b * options.b;
  if (b2 < 1e-10) throw new RangeError('ckChainFixedPoint: b² < 1e-10 is pure MP; the chain divides by b²');
  if (!(z.im > 0)) throw new RangeError(`ckChainFixedPoint: need Im z > 0, got ${z.im}`);
  const c = 1 - b2;
  const m0 = stieltjesFunction(options.mu0);
  const tol = settings.tol ?? 1e-13;
  const maxSweeps = settings.maxSweeps ?? 20000;
  const scale = Math.max(1, Math.sqrt(Math.abs(measureMoment(options.mu0, 2))) + gam.reduce((s, g) => s + g, 0));
  const mbr = new Float64Array(L + 1);
  const mbi = new Float64Array(L + 1);
  const nr = new Float64Array(L + 1);
  const ni = new Float64Array(L + 1);
  const zsr = new Float64Array(L + 1);
  const zsi = new Float64Array(L + 1);
  const tmp = new Float64Array(4);
  let sweeps = 0;
  let Mr = 0;
  let Mi = 0;

  /** One sweep at zeta = (xr, xi): fills new[] and returns M = m_L. False on a half-plane violation. */
  function sweep(xr: number, xi: number): boolean {
    sweeps++;
    zsr[L] = xr;
    zsi[L] = xi;
    for (let l = L; l >= 1; l--) {
      const d = mbr[l] * mbr[l] + mbi[l] * mbi[l];
      // −1/mb
      const wr = -mbr[l] / d;
      const wi = mbi[l] / d;
      zsr[l - 1] = (wr - c) / b2;
      zsi[l - 1] = wi / b2;
      if (!(zsi[l - 1] > 0) || !(mbi[l] > 0)) return false;
    }
    m0(zsr[0], zsi[0], tmp);
    let pr = tmp[0];
    let pi = tmp[1];
    for (let l = 1; l <= L; l++) {
      const ar = mbr[l];
      const ai = mbi[l];
      // I = M/(b² mb)
      const d = b2 * (ar * ar + ai * ai);
      const Ir = (pr * ar + pi * ai) / d;
      const Ii = (pi * ar - pr * ai) / d;
      // (γ/mb)(1 − I)
      const qr = 1 - Ir;
      const qi = -Ii;
      const d1 = ar * ar + ai * ai;
      const tr = (gam[l - 1] * (qr * ar + qi * ai)) / d1;
      const ti = (gam[l - 1] * (qi * ar - qr * ai)) / d1;
      // new = 1/(−z_l + t)
      const er = -zsr[l] + tr;
      const ei = -zsi[l] + ti;
      const de = er * er + ei * ei;
      nr[l] = er / de;
      ni[l] = -ei / de;
      // M ← M/(b² (−z_l mb))
      const sr = -(zsr[l] * ar - zsi[l] * ai);
      const si = -(zsr[l] * ai + zsi[l] * ar);
      const ds = b2 * (sr * sr + si * si);
      const npr = (pr * sr + pi * si) / ds;
      const npi = (pi * sr - pr * si) / ds;
      pr = npr;
      pi = npi;
    }
    Mr = pr;
    Mi = pi;
    return true;
  }

  let eps0 = 2 * (scale + Math.abs(z.re));
  let theta = settings.theta ?? 0.5;
  for (let attempt = 0; attempt < 8; attempt++, eps0 *= 2, theta *= 0.5) {
    let eps = Math.max(eps0, z.im);
    // Naive initial value at large ε: m̲ = −1/z.
    const d = z.re * z.re + eps * eps;
    for (let l = 1; l <= L; l++) {
      mbr[l] = -z.re / d;
      mbi[l] = eps / d;
    }
    let failed = false;
    for (;;) {
      let converged = false;
      for (let it = 0; it < maxSweeps; it++) {
        if (!sweep(z.re, eps)) {
          failed = true;
          break;
        }
        let delta = 0;
        for (let l = 1; l <= L; l++) {
          const ur = (1 - theta) * mbr[l] + theta * nr[l];
          const ui = (1 - theta) * mbi[l] + theta * ni[l];
          delta = Math.max(delta, Math.hypot(ur - mbr[l], ui - mbi[l]) / Math.max(1e-300, Math.hypot(ur, ui)));
          mbr[l] = ur;
          mbi[l] = ui;
        }
        if (delta < tol) {
          converged = true;
          break;
        }
      }
      if (failed || !converged) {
        failed = true;
        break;
      }
      if (eps <= z.im) break;
      eps = Math.max(z.im, 0.5 * eps);
    }
    if (!failed && sweep(z.re, z.im)) {
      return {
        m: { re: Mr, im: Mi },
        companions: Array.from({ length: L }, (_, k) => ({ re: mbr[k + 1], im: mbi[k + 1] })),
        z0: { re: zsr[0], im: zsi[0] },
        sweeps,
      };
    }
  }
  throw new Error(`ckChainFixedPoint: no convergence on the ℂ⁺ branch at z = ${z.re} + ${z.im}i`);
}

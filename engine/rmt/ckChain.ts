import type { Complex } from './complex.js';
import { mpStieltjesInto } from './marchenkoPastur.js';
import { ckChainFixedPoint } from './ckChainFixedPoint.js';
import type { SpectralMeasure, StieltjesFunction } from './spectralMeasure.js';
import { measureMoment, measureSupportBounds, stieltjesFunction } from './spectralMeasure.js';

/**
 * Stieltjes transform of the depth-L conjugate-kernel law μ_L (MATH.md §2.1, §2.5):
 *   μ_ℓ = MP_{γ_ℓ} ⊠ ν_ℓ,  ν_ℓ = law of (1 − b²) + b²λ, λ ~ μ_{ℓ−1}  (Fan–Wang 2005.11879),
 * linked through subordination: m_ℓ(z) = m_{ℓ−1}(z_{ℓ−1})/(b² a_ℓ), z_{ℓ−1} = (−1/m̲_ℓ − (1 − b²))/b².
 *
 * Solver: instead of iterating the L companion unknowns m̲_ℓ together (§2.5 pseudo-code, kept in
 * ckChainFixedPoint.ts as the reference and last-resort fallback), we use the exact *forward map* of §2.5:
 * from z_0 ∈ ℂ⁺, M_0 = m_0(z_0) and for ℓ = 1…L
 *   w = b² z_{ℓ−1} + 1 − b²,  a = 1 − γ_ℓ − γ_ℓ w M_{ℓ−1}/b²,  z_ℓ = a·w,  M_ℓ = M_{ℓ−1}/(b² a),
 * an explicit holomorphic map Φ: z_0 ↦ z_L. Solving the chain at z means solving the single complex
 * equation Φ(z_0) = z, which Newton does in a few steps (Φ′ by forward-mode differentiation alongside).
 *
 * Branch (why a 1-D Newton cannot land on a spurious root): for each layer the Silverstein equation has a
 * unique solution m̲_ℓ ∈ ℂ⁺ (Silverstein–Bai 1995), and m̲_ℓ ∈ ℂ⁺ ⇔ w_ℓ = −1/m̲_ℓ ∈ ℂ⁺ ⇔ z_{ℓ−1} ∈ ℂ⁺.
 * Hence the correct solution is the *only* z_0 with Φ(z_0) = z and every z_0, …, z_{L−1} in ℂ⁺; a Newton
 * iterate leaving that region is rejected (step halving), and a converged one satisfying it is correct.
 * This is the §0.3 half-plane check made exact. Near edges Newton from a far warm start can fail to
 * converge; then we run the §0.3 ε-continuation (ε from ~8×scale down by ×¼, Newton at each stage), and
 * if even that fails, the damped fixed point of §2.5 followed by a Newton polish.
 *
 * Forward-map identity (§2.5 test): evaluating at z_L = Φ(z_0) returns M_L exactly (1e-15 relative).
 * b² < 1e-10 (e.g. cos): μ_ℓ = MP_{γ_ℓ} exactly (§2.6), answered in closed form.
 */
export interface CkChainOptions {
  /** μ_0, the input Gram spectrum (MP_{n/d_0} for Gaussian inputs). */
  mu0: SpectralMeasure;
  /** b_σ of the normalised activation (only b² matters). */
  b: number;
  /** γ_1..γ_L with γ_ℓ = n/d_ℓ. */
  gammas: ArrayLike<number>;
}

export interface ForwardMapResult {
  /** z_0..z_L */
  z: Complex[];
  /** M_ℓ = m_ℓ(z_ℓ), ℓ = 0..L */
  m: Complex[];
  /** dz_ℓ/dz_0 */
  dz: Complex[];
  /** dM_ℓ/dz_0 */
  dm: Complex[];
}

export interface CkChainStats {
  evaluations: number;
  warmStarts: number;
  continuations: number;
  fixedPointFallbacks: number;
  forwardPasses: number;
}

export interface CkChain {
  readonly L: number;
  readonly b2: number;
  readonly gammas: Float64Array;
  /** True when b² < 1e-10: μ_L = MP_{γ_L}. */
  readonly pure: boolean;
  /** m_L(z) and m_L′(z) into out (StieltjesFunction); warm-started from the previous call. */
  evaluate: StieltjesFunction;
  stieltjes(z: Complex): Complex;
  /** The forward map from z_0 (complex, or real outside supp μ_0 with im = 0). */
  forwardMap(z0: Complex): ForwardMapResult;
  /** Mass of the atom of μ_L at 0: max(μ_{L−1}({0}) if b² = 1, 1 − 1/γ_L) (§2.4). */
  readonly atomAtZero: number;
  /** m_1(μ_L), m_2(μ_L) by the closed-form recursion (§2.7). */
  readonly moments: { m1: number; m2: number };
  /** Size of supp μ_L (~√m_2), used to scale ε and tolerances. */
  readonly scale: number;
  /** Forget the warm start (e.g. before jumping to an unrelated z). */
  reset(): void;
  readonly stats: CkChainStats;
}

/** Mass at 0 of each μ_ℓ, ℓ = 0..L (ν_ℓ has no atom at 0 unless b² = 1). */
function atomMasses(mu0: SpectralMeasure, b2: number, gammas: Float64Array): number[] {
  let mass = 0;
  // Mass at 0 of μ_0 (exact for every representation but a smoothed empirical one, which has none).
  if (mu0.kind === 'mp') mass = mu0.gamma > 1 ? 1 - 1 / mu0.gamma : 0;
  else if (mu0.kind === 'atoms') mu0.points.forEach((t, k) => { if (t === 0) mass += mu0.weights[k]; });
  else if (mu0.kind === 'empirical' && mu0.eta0 === 0) mu0.eigenvalues.forEach((t) => { if (t === 0) mass += 1 / mu0.eigenvalues.length; });
  const out = [mass];
  for (const g of gammas) {
    const inherited = b2 === 1 ? mass : 0;
    mass = Math.max(inherited, g > 1 ? 1 - 1 / g : 0);
    out.push(mass);
  }
  return out;
}

export function ckChain(options: CkChainOptions): CkChain {
  const { mu0, b } = options;
  const gammas = Float64Array.from(options.gammas);
  const L = gammas.length;
  if (L < 1) throw new RangeError('ckChain: need at least one layer (gammas γ_1..γ_L)');
  for (const g of gammas) if (!(g > 0) || !Number.isFinite(g)) throw new RangeError(`ckChain: every γ must be finite and > 0, got ${g}`);
  if (!Number.isFinite(b) || Math.abs(b) > 1 + 1e-12) throw new RangeError(`ckChain: need |b| ≤ 1, got ${b}`);
  const b2 = Math.min(1, b * b);
  const pure = b2 < 1e-10;
  const c = 1 - b2;
  const m0 = stieltjesFunction(mu0);
  const m0real = stieltjesFunction(mu0, { smoothing: false });

  // Closed-form moments (§2.7, general m_1): m1(ν) = c + b² m1, m2(ν) = c² + 2c b² m1 + b⁴ m2,
  // then m1(μ) = m1(ν), m2(μ) = m2(ν) + γ m1(ν)².
  let m1 = measureMoment(mu0, 1);
  let m2 = measureMoment(mu0, 2);
  for (const g of gammas) {
    if (pure) {
      m1 = 1;
      m2 = 1 + g;
      continue;
    }
    const n1 = c + b2 * m1;
    const n2 = c * c + 2 * c * b2 * m1 + b2 * b2 * m2;
    m1 = n1;
    m2 = n2 + g * n1 * n1;
  }
  const scale = Math.max(1e-300, Math.sqrt(m2));
  const [, mu0Top] = measureSupportBounds(mu0);
  const atoms = atomMasses(mu0, b2, gammas);

  // Work arrays for the forward pass (per layer, total derivatives w.r.t. z_0).
  const zr = new Float64Array(L + 1);
  const zi = new Float64Array(L + 1);
  const Mr = new Float64Array(L + 1);
  const Mi = new Float64Array(L + 1);
  const dzr = new Float64Array(L + 1);
  const dzi = new Float64Array(L + 1);
  const dMr = new Float64Array(L + 1);
  const dMi = new Float64Array(L + 1);
  const tmp = new Float64Array(4);
  const stats: CkChainStats = { evaluations: 0, warmStarts: 0, continuations: 0, fixedPointFallbacks: 0, forwardPasses: 0 };

  /**
   * Forward pass from z_0 = (ar, ai). Returns false if an intermediate z_ℓ (ℓ < L) leaves the open upper
   * half-plane (requireUpper) — then z_0 is not the preimage we want. With requireUpper = false (real axis)
   * it always runs.
   */
  function forward(ar: number, ai: number, requireUpper: boolean, real: boolean): boolean {
    stats.forwardPasses++;
    (real ? m0real : m0)(ar, ai, tmp);
    zr[0] = ar;
    zi[0] = ai;
    Mr[0] = tmp[0];
    Mi[0] = tmp[1];
    dzr[0] = 1;
    dzi[0] = 0;
    dMr[0] = tmp[2];
    dMi[0] = tmp[3];
    for (let l = 1; l <= L; l++) {
      const g = gammas[l - 1];
      const pzr = zr[l - 1];
      const pzi = zi[l - 1];
      if (requireUpper && !(pzi > 0)) return false;
      const pMr = Mr[l - 1];
      const pMi = Mi[l - 1];
      const pdzr = dzr[l - 1];
      const pdzi = dzi[l - 1];
      const pdMr = dMr[l - 1];
      const pdMi = dMi[l - 1];
      // w = b² z + c, dw = b² dz
      const wr = b2 * pzr + c;
      const wi = b2 * pzi;
      const dwr = b2 * pdzr;
      const dwi = b2 * pdzi;
      // a = 1 − γ − (γ/b²) w M, da = −(γ/b²)(dw M + w dM)
      const k = g / b2;
      const wMr = wr * pMr - wi * pMi;
      const wMi = wr * pMi + wi * pMr;
      const ar2 = 1 - g - k * wMr;
      const ai2 = -k * wMi;
      const dar = -k * (dwr * pMr - dwi * pMi + wr * pdMr - wi * pdMi);
      const dai = -k * (dwr * pMi + dwi * pMr + wr * pdMi + wi * pdMr);
      // z = a w, dz = da w + a dw
      zr[l] = ar2 * wr - ai2 * wi;
      zi[l] = ar2 * wi + ai2 * wr;
      dzr[l] = dar * wr - dai * wi + ar2 * dwr - ai2 * dwi;
      dzi[l] = dar * wi + dai * wr + ar2 * dwi + ai2 * dwr;
      // M = M_prev/(b² a), dM = (dM_prev a − M_prev da)/(b² a²)
      const den = b2 * (ar2 * ar2 + ai2 * ai2);
      Mr[l] = (pMr * ar2 + pMi * ai2) / den;
      Mi[l] = (pMi * ar2 - pMr * ai2) / den;
      const nr = pdMr * ar2 - pdMi * ai2 - (pMr * dar - pMi * dai);
      const ni = pdMr * ai2 + pdMi * ar2 - (pMr * dai + pMi * dar);
      const a2r = ar2 * ar2 - ai2 * ai2;
      const a2i = 2 * ar2 * ai2;
      const den2 = b2 * (a2r * a2r + a2i * a2i);
      dMr[l] = (nr * a2r + ni * a2i) / den2;
      dMi[l] = (ni * a2r - nr * a2i) / den2;
    }
    return Number.isFinite(zr[L]) && Number.isFinite(zi[L]) && Number.isFinite(Mr[L]) && Number.isFinite(Mi[L]);
  }

  // Newton state: the current preimage z_0.
  let z0r = 0;
  let z0i = 0;

  /** Newton on Φ(z_0) = t from (z0r, z0i). On success the forward arrays hold the solution. */
  function newton(tr: number, ti: number, maxIt: number): boolean {
    if (!(z0i > 0) || !forward(z0r, z0i, true, false)) return false;
    const tolAbs = 4e-15 * (Math.hypot(tr, ti) + scale) * (1 + 0.25 * L);
    let rr = zr[L] - tr;
    let ri = zi[L] - ti;
    let res = Math.hypot(rr, ri);
    for (let it = 0; it < maxIt; it++) {
      if (res <= tolAbs) return true;
      // step = −r / Φ′
      const d2 = dzr[L] * dzr[L] + dzi[L] * dzi[L];
      if (!(d2 > 0) || !Number.isFinite(d2)) return false;
      const sr = -(rr * dzr[L] + ri * dzi[L]) / d2;
      const si = -(ri * dzr[L] - rr * dzi[L]) / d2;
      let lambda = 1;
      let accepted = false;
      for (let h = 0; h < 40; h++) {
        const cr = z0r + lambda * sr;
        const ci = z0i + lambda * si;
        if (ci > 0 && forward(cr, ci, true, false)) {
          const nrr = zr[L] - tr;
          const nri = zi[L] - ti;
          const nres = Math.hypot(nrr, nri);
          if (nres < res * (1 - 1e-4 * lambda) || nres <= tolAbs) {
            z0r = cr;
            z0i = ci;
            rr = nrr;
            ri = nri;
            res = nres;
            accepted = true;
            break;
          }
        }
        lambda *= 0.5;
      }
      if (!accepted) {
        // At the rounding floor no step can reduce the residual: accept if already tiny.
        const ok = res <= 1e3 * tolAbs && forward(z0r, z0i, true, false);
        return ok;
      }
    }
    return res <= 1e3 * tolAbs;
  }

  /** Rough preimage for large Im z: m̲_ℓ ≈ −1/z_ℓ in every layer, i.e. w_ℓ ≈ z_ℓ. */
  function naiveInit(tr: number, ti: number): void {
    let r = tr;
    let i = ti;
    for (let l = L; l >= 1; l--) {
      r = (r - c) / b2;
      i = i / b2;
    }
    z0r = r;
    z0i = i;
  }

  /** Per-x ε-continuation (§0.3) with Newton at each level. */
  function continuation(tr: number, ti: number): boolean {
    stats.continuations++;
    let eps = Math.max(ti, 8 * (scale + Math.abs(tr)));
    naiveInit(tr, eps);
    let ok = newton(tr, eps, 60);
    for (let tries = 0; !ok && tries < 6; tries++) {
      eps *= 4;
      naiveInit(tr, eps);
      ok = newton(tr, eps, 60);
    }
    if (!ok) return false;
    let ratio = 0.25;
    while (eps > ti) {
      const next = Math.max(ti, eps * ratio);
      const savedR = z0r;
      const savedI = z0i;
      if (newton(tr, next, 40)) {
        eps = next;
        ratio = Math.max(0.25, ratio * ratio); // speed up again after a hard stretch
      } else {
        z0r = savedR;
        z0i = savedI;
        ratio = Math.sqrt(ratio);
        if (ratio > 0.98) return false;
      }
    }
    return true;
  }

  let haveWarm = false;

  function solve(tr: number, ti: number): void {
    stats.evaluations++;
    if (haveWarm) {
      const savedR = z0r;
      const savedI = z0i;
      if (newton(tr, ti, 30) && validate(ti)) {
        stats.warmStarts++;
        return;
      }
      z0r = savedR;
      z0i = savedI;
    }
    if (continuation(tr, ti) && validate(ti)) {
      haveWarm = true;
      return;
    }
    // Last resort: the reference damped fixed point of §2.5, then a Newton polish from its z_0.
    stats.fixedPointFallbacks++;
    const fp = ckChainFixedPoint({ mu0, b, gammas }, { re: tr, im: ti });
    z0r = fp.z0.re;
    z0i = fp.z0.im;
    if (!(newton(tr, ti, 40) && validate(ti))) {
      haveWarm = false;
      throw new Error(`ckChain: no solution on the ℂ⁺ branch at z = ${tr} + ${ti}i (L = ${L}, b² = ${b2})`);
    }
    haveWarm = true;
  }

  /** Stieltjes invariants at the solution (§0.1): Im m > 0 and |m| ≤ 1/Im z. */
  function validate(ti: number): boolean {
    const mr = Mr[L];
    const mi = Mi[L];
    return mi > 0 && Math.hypot(mr, mi) * ti <= 1 + 1e-9;
  }

  const evaluate: StieltjesFunction = (re, im, out) => {
    if (!(im > 0)) throw new RangeError(`ckChain.evaluate: need Im z > 0, got ${im}`);
    if (pure) {
      mpStieltjesInto(re, im, gammas[L - 1], out);
      return;
    }
    solve(re, im);
    out[0] = Mr[L];
    out[1] = Mi[L];
    // m_L′(z) = (dM_L/dz_0)/(dz_L/dz_0)
    const d2 = dzr[L] * dzr[L] + dzi[L] * dzi[L];
    out[2] = (dMr[L] * dzr[L] + dMi[L] * dzi[L]) / d2;
    out[3] = (dMi[L] * dzr[L] - dMr[L] * dzi[L]) / d2;
  };

  function forwardMap(z0: Complex): ForwardMapResult {
    if (pure) throw new Error('ckChain.forwardMap: undefined for b² < 1e-10 (the chain is pure MP)');
    const real = z0.im === 0;
    if (real && !(z0.re > mu0Top)) {
      throw new RangeError(`ckChain.forwardMap: a real z_0 must lie right of supp μ_0 (> ${mu0Top}), got ${z0.re}`);
    }
    forward(z0.re, z0.im, false, real);
    const pack = (r: Float64Array, i: Float64Array): Complex[] => Array.from(r, (v, k) => ({ re: v, im: i[k] }));
    return { z: pack(zr, zi), m: pack(Mr, Mi), dz: pack(dzr, dzi), dm: pack(dMr, dMi) };
  }

  return {
    L,
    b2,
    gammas,
    pure,
    evaluate,
    stieltjes(z: Complex): Complex {
      const out = new Float64Array(4);
      evaluate(z.re, z.im, out);
      return { re: out[0], im: out[1] };
    },
    forwardMap,
    atomAtZero: atoms[L],
    moments: { m1, m2 },
    scale,
    reset() {
      haveWarm = false;
    },
    stats,
  };
}

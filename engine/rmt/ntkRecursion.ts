import type { Complex } from './complex.js';
import { mpStieltjesInto } from './marchenkoPastur.js';
import type { SpectralMeasure, StieltjesFunction } from './spectralMeasure.js';
import { measureMoment, stieltjesFunction } from './spectralMeasure.js';

/**
 * Limiting NTK spectrum by the t_ℓ recursion (MATH.md §3, Fan–Wang 2005.11879 and its reference code).
 *
 * t_ℓ(z, w) = lim (1/n) tr[(w_{−1}I + Σ_{k≤ℓ} w_k K_k)(z_{−1}I + Σ_{k≤ℓ} z_k K_k)^{−1}]
 *   base  t_0((z_{−1}, z_0), (w_{−1}, w_0)) = w_0/z_0 + (z_0w_{−1} − z_{−1}w_0)/z_0² · m_0(−z_{−1}/z_0)
 *   step  t_ℓ(z, w) = w_ℓ/z_ℓ + t_{ℓ−1}(P_ℓz, w_{−1:ℓ−1} − (w_ℓ/z_ℓ) z_{−1:ℓ−1}),
 *         P_ℓz = (z_{−1} + (1−b²)/s_ℓ, z_0, …, z_{ℓ−2}, z_{ℓ−1} + b²/s_ℓ),
 *         s_ℓ = 1/z_ℓ + γ_ℓ t_{ℓ−1}(P_ℓz, (1−b², 0, …, 0, b²)).
 * NTK: m(ζ) = t_L((q_{−1} − ζ, q_0, …, q_L), (1, 0, …, 0)); CK: m(ζ) = t_L((−ζ, 0, …, 0, 1), (1, 0, …, 0)).
 *
 * Unknowns S = (s_1..s_L) solved by the §3.4 sweep S ← F(S): first damped fixed-point sweeps (θ = ½) at
 * large Im ζ, then Newton on S − F(S) with a finite-difference Jacobian (F is holomorphic in S, so a real
 * step gives the complex derivative), step halving whenever the §3.4 half-plane invariants fail
 * (Im s_ℓ > 0, every coordinate of every Z[k] with Im ≤ 0) or the residual does not drop. §0.3
 * ε-continuation per x, warm start along a grid with the same validation (as in ckChain.ts).
 * b² < 1e-10: closed form (§3.5) MP_{γ_L} shifted by q_{−1} (NTK) or MP_{γ_L} (CK).
 */
export interface NtkRecursionOptions {
  mu0: SpectralMeasure;
  b: number;
  gammas: ArrayLike<number>;
  /** NTK constants q_{−1}, q_0..q_L (ntkConstants); omit for the CK (then ztop = (−ζ, 0, …, 0, 1)). */
  q?: Float64Array;
}

export interface NtkSolver {
  readonly L: number;
  /** m(ζ) into out[0..1]; out[2..3] = NaN (no derivative). */
  evaluate: StieltjesFunction;
  stieltjes(z: Complex): Complex;
  /** Rough size of the support (for ranges and ε scales). */
  readonly scale: number;
  reset(): void;
  readonly stats: { evaluations: number; continuations: number; sweeps: number };
}

export function ntkRecursion(options: NtkRecursionOptions): NtkSolver {
  const gam = Float64Array.from(options.gammas);
  const L = gam.length;
  if (L < 1) throw new RangeError('ntkRecursion: need at least one layer');
  for (const g of gam) if (!(g > 0) || !Number.isFinite(g)) throw new RangeError(`ntkRecursion: every γ must be finite and > 0, got ${g}`);
  const b2 = Math.min(1, options.b * options.b);
  const q = options.q;
  if (q && q.length !== L + 2) throw new RangeError(`ntkRecursion: q must have L + 2 = ${L + 2} entries, got ${q.length}`);
  const c = 1 - b2;
  const m0 = stieltjesFunction(options.mu0);
  const stats = { evaluations: 0, continuations: 0, sweeps: 0 };

  // Scale: q_{−1} + Σ q_ℓ √m2(μ_ℓ) (a bound on the size of the spectrum up to a constant).
  let m1 = measureMoment(options.mu0, 1);
  let m2 = measureMoment(options.mu0, 2);
  let scale = q ? Math.abs(q[0]) + Math.abs(q[1]) * Math.sqrt(m2) : 0;
  for (let l = 1; l <= L; l++) {
    const n1 = c + b2 * m1;
    const n2 = c * c + 2 * c * b2 * m1 + b2 * b2 * m2;
    m1 = n1;
    m2 = n2 + gam[l - 1] * n1 * n1;
    if (q) scale += Math.abs(q[l + 1]) * Math.sqrt(m2);
  }
  if (!q) scale = Math.sqrt(m2);
  scale = Math.max(scale, 1e-12);

  // Z[k]: coordinates −1..k stored at 0..k+1, real and imaginary parts.
  const Zr = Array.from({ length: L + 1 }, (_, k) => new Float64Array(k + 2));
  const Zi = Array.from({ length: L + 1 }, (_, k) => new Float64Array(k + 2));
  const Sr = new Float64Array(L + 1);
  const Si = new Float64Array(L + 1);
  const Fr = new Float64Array(L + 1);
  const Fi = new Float64Array(L + 1);
  // Scratch vectors for t(k, w): one per level so the recursion allocates nothing.
  const Wr = Array.from({ length: L + 1 }, (_, k) => new Float64Array(k + 2));
  const Wi = Array.from({ length: L + 1 }, (_, k) => new Float64Array(k + 2));
  const tmp = new Float64Array(4);
  let m0r = 0;
  let m0i = 0;
  let tr = 0;
  let ti = 0;

  function setTop(zr: number, zi: number): void {
    const zr0 = Zr[L];
    const zi0 = Zi[L];
    zr0.fill(0);
    zi0.fill(0);
    if (q) {
      zr0[0] = q[0] - zr;
      zi0[0] = -zi;
      for (let l = 0; l <= L; l++) zr0[l + 1] = q[l + 1];
    } else {
      zr0[0] = -zr;
      zi0[0] = -zi;
      zr0[L + 1] = 1;
    }
  }

  /** Builds the chain Z[L−1..0] from S and m_0 at the base point; false on an invariant violation. */
  function chain(): boolean {
    for (let l = L; l >= 1; l--) {
      const sr = Sr[l];
      const si = Si[l];
      if (!(si > 0)) return false;
      const d = sr * sr + si * si;
      const ir = sr / d;
      const ii = -si / d; // 1/s
      const zr = Zr[l - 1];
      const zi = Zi[l - 1];
      for (let j = 0; j <= l; j++) {
        zr[j] = Zr[l][j];
        zi[j] = Zi[l][j];
      }
      zr[0] += c * ir;
      zi[0] += c * ii;
      zr[l] += b2 * ir;
      zi[l] += b2 * ii;
      for (let j = 0; j <= l; j++) if (zi[j] > 1e-14 * Math.abs(zr[j])) return false;
    }
    // m_0 at −z_{−1}/z_0 of Z[0].
    const ar = Zr[0][0];
    const ai = Zi[0][0];
    const br = Zr[0][1];
    const bi = Zi[0][1];
    const d = br * br + bi * bi;
    const xr = -(ar * br + ai * bi) / d;
    const xi = -(ai * br - ar * bi) / d;
    if (!(xi > 0)) return false;
    m0(xr, xi, tmp);
    m0r = tmp[0];
    m0i = tmp[1];
    return true;
  }

  /** t(k, W[k]) into (tr, ti), using the current chain; W[k] is overwritten down the levels. */
  function tEval(k: number): void {
    let accR = 0;
    let accI = 0;
    for (let lev = k; lev >= 1; lev--) {
      const zr = Zr[lev];
      const zi = Zi[lev];
      const wr = Wr[lev];
      const wi = Wi[lev];
      // cc = w_lev / z_lev (last coordinates)
      const a = zr[lev + 1];
      const bI = zi[lev + 1];
      const d = a * a + bI * bI;
      const cr = (wr[lev + 1] * a + wi[lev + 1] * bI) / d;
      const ci = (wi[lev + 1] * a - wr[lev + 1] * bI) / d;
      accR += cr;
      accI += ci;
      const nr = Wr[lev - 1];
      const ni = Wi[lev - 1];
      for (let j = 0; j <= lev; j++) {
        nr[j] = wr[j] - (cr * zr[j] - ci * zi[j]);
        ni[j] = wi[j] - (cr * zi[j] + ci * zr[j]);
      }
    }
    // Base: w0/z0 + (z0 w_{−1} − z_{−1} w0)/z0² · m0
    const z1r = Zr[0][0];
    const z1i = Zi[0][0];
    const z0r = Zr[0][1];
    const z0i = Zi[0][1];
    const w1r = Wr[0][0];
    const w1i = Wi[0][0];
    const w0r = Wr[0][1];
    const w0i = Wi[0][1];
    const d = z0r * z0r + z0i * z0i;
    const fr = (w0r * z0r + w0i * z0i) / d;
    const fi = (w0i * z0r - w0r * z0i) / d;
    const numR = z0r * w1r - z0i * w1i - (z1r * w0r - z1i * w0i);
    const numI = z0r * w1i + z0i * w1r - (z1r * w0i + z1i * w0r);
    const z2r = z0r * z0r - z0i * z0i;
    const z2i = 2 * z0r * z0i;
    const d2 = z2r * z2r + z2i * z2i;
    const gr = (numR * z2r + numI * z2i) / d2;
    const gi = (numI * z2r - numR * z2i) / d2;
    tr = accR + fr + gr * m0r - gi * m0i;
    ti = accI + fi + gr * m0i + gi * m0r;
  }

  /** One sweep: F(S) into (Fr, Fi). False on an invariant violation. */
  function sweep(): boolean {
    stats.sweeps++;
    if (!chain()) return false;
    for (let l = 1; l <= L; l++) {
      const wr = Wr[l - 1];
      const wi = Wi[l - 1];
      wr.fill(0);
      wi.fill(0);
      wr[0] = c;
      wr[l] = b2;
      tEval(l - 1);
      const zr = Zr[l][l + 1];
      const zi = Zi[l][l + 1];
      const d = zr * zr + zi * zi;
      Fr[l] = zr / d + gam[l - 1] * tr;
      Fi[l] = -zi / d + gam[l - 1] * ti;
    }
    return true;
  }

  /** The answer t_L(Z[L], (1, 0, …, 0)) for the current chain. */
  function answer(): void {
    Wr[L].fill(0);
    Wi[L].fill(0);
    Wr[L][0] = 1;
    tEval(L);
  }

  const Jr = new Float64Array(L * L);
  const Ji = new Float64Array(L * L);
  const Gr = new Float64Array(L);
  const Gi = new Float64Array(L);
  const F0r = new Float64Array(L + 1);
  const F0i = new Float64Array(L + 1);

  /** Residual max |S − F(S)| relative, or NaN on a violation. Leaves F in (Fr, Fi). */
  function residual(): number {
    if (!sweep()) return NaN;
    let r = 0;
    for (let l = 1; l <= L; l++) r = Math.max(r, Math.hypot(Sr[l] - Fr[l], Si[l] - Fi[l]) / Math.max(1e-300, Math.hypot(Sr[l], Si[l])));
    return r;
  }

  /** Newton on S − F(S) = 0 from the current S. */
  function newton(maxIt: number): boolean {
    let res = residual();
    if (Number.isNaN(res)) return false;
    for (let it = 0; it < maxIt; it++) {
      if (res < 1e-14) return true;
      F0r.set(Fr);
      F0i.set(Fi);
      // Jacobian of F by forward differences along the real axis of each s_j (F is holomorphic).
      for (let j = 1; j <= L; j++) {
        const h = 1e-7 * Math.max(1e-12, Math.hypot(Sr[j], Si[j]));
        const save = Sr[j];
        Sr[j] = save + h;
        const ok = sweep();
        Sr[j] = save;
        if (!ok) return false;
        for (let i = 1; i <= L; i++) {
          Jr[(i - 1) * L + (j - 1)] = (Fr[i] - F0r[i]) / h;
          Ji[(i - 1) * L + (j - 1)] = (Fi[i] - F0i[i]) / h;
        }
      }
      // Solve (I − J) δ = F − S.
      for (let i = 0; i < L; i++) {
        for (let j = 0; j < L; j++) {
          Jr[i * L + j] = (i === j ? 1 : 0) - Jr[i * L + j];
          Ji[i * L + j] = -Ji[i * L + j];
        }
        Gr[i] = F0r[i + 1] - Sr[i + 1];
        Gi[i] = F0i[i + 1] - Si[i + 1];
      }
      if (!solveComplex(Jr, Ji, Gr, Gi, L)) return false;
      let lambda = 1;
      let accepted = false;
      const baseR = Sr.slice();
      const baseI = Si.slice();
      for (let h = 0; h < 30; h++) {
        for (let l = 1; l <= L; l++) {
          Sr[l] = baseR[l] + lambda * Gr[l - 1];
          Si[l] = baseI[l] + lambda * Gi[l - 1];
        }
        const r = residual();
        if (!Number.isNaN(r) && (r < res * (1 - 1e-4 * lambda) || r < 1e-14)) {
          res = r;
          accepted = true;
          break;
        }
        lambda *= 0.5;
      }
      if (!accepted) {
        Sr.set(baseR);
        Si.set(baseI);
        return res < 1e-11 && !Number.isNaN(residual());
      }
    }
    return res < 1e-11;
  }

  /** Damped fixed-point sweeps (θ = ½), used at large Im ζ where F contracts strongly. */
  function damped(n: number, tol: number): boolean {
    for (let it = 0; it < n; it++) {
      if (!sweep()) return false;
      let delta = 0;
      for (let l = 1; l <= L; l++) {
        const ur = 0.5 * (Sr[l] + Fr[l]);
        const ui = 0.5 * (Si[l] + Fi[l]);
        delta = Math.max(delta, Math.hypot(ur - Sr[l], ui - Si[l]));
        Sr[l] = ur;
        Si[l] = ui;
      }
      if (delta < tol) return true;
    }
    return true;
  }

  let haveWarm = false;

  function continuation(xr: number, xi: number): boolean {
    stats.continuations++;
    let eps = Math.max(xi, 8 * (scale + Math.abs(xr)));
    for (let attempt = 0; attempt < 6; attempt++, eps *= 4) {
      setTop(xr, eps);
      // §3.4 init: S[L] = 1/Re(ztop[L]), S[l] = 1; a tiny positive imaginary part satisfies Im s > 0.
      const topR = Zr[L][L + 1];
      for (let l = 1; l <= L; l++) {
        Sr[l] = l === L && topR !== 0 ? 1 / topR : 1;
        Si[l] = 1e-3;
      }
      if (damped(500, 1e-10) && newton(40)) break;
      if (attempt === 5) return false;
    }
    let ratio = 0.25;
    const saveR = new Float64Array(L + 1);
    const saveI = new Float64Array(L + 1);
    while (eps > xi) {
      const next = Math.max(xi, eps * ratio);
      saveR.set(Sr);
      saveI.set(Si);
      setTop(xr, next);
      if (newton(40)) {
        eps = next;
        ratio = Math.max(0.25, ratio * ratio);
      } else {
        Sr.set(saveR);
        Si.set(saveI);
        ratio = Math.sqrt(ratio);
        if (ratio > 0.98) return false;
      }
    }
    return true;
  }

  const validAnswer = (xi: number): boolean => ti > 0 && Math.hypot(tr, ti) * xi <= 1 + 1e-9;

  const evaluate: StieltjesFunction = (xr, xi, out) => {
    if (!(xi > 0)) throw new RangeError(`ntkRecursion.evaluate: need Im ζ > 0, got ${xi}`);
    out[2] = NaN;
    out[3] = NaN;
    if (b2 < 1e-10) {
      // §3.5: NTK ≈ q_{−1} I + K_L with K_L ~ MP_{γ_L}; CK = MP_{γ_L}.
      mpStieltjesInto(xr - (q ? q[0] : 0), xi, gam[L - 1], out);
      out[2] = NaN;
      out[3] = NaN;
      return;
    }
    stats.evaluations++;
    if (haveWarm) {
      const saveR = Sr.slice();
      const saveI = Si.slice();
      setTop(xr, xi);
      if (newton(25)) {
        answer();
        if (validAnswer(xi)) {
          out[0] = tr;
          out[1] = ti;
          return;
        }
      }
      Sr.set(saveR);
      Si.set(saveI);
    }
    if (!continuation(xr, xi)) {
      haveWarm = false;
      throw new Error(`ntkRecursion: no solution on the ℂ⁺ branch at ζ = ${xr} + ${xi}i`);
    }
    chain();
    answer();
    if (!validAnswer(xi)) {
      haveWarm = false;
      throw new Error(`ntkRecursion: Stieltjes invariants fail at ζ = ${xr} + ${xi}i (m = ${tr} + ${ti}i)`);
    }
    haveWarm = true;
    out[0] = tr;
    out[1] = ti;
  };

  return {
    L,
    evaluate,
    stieltjes(z: Complex): Complex {
      const out = new Float64Array(4);
      evaluate(z.re, z.im, out);
      return { re: out[0], im: out[1] };
    },
    scale,
    reset() {
      haveWarm = false;
    },
    stats,
  };
}

/** Gaussian elimination with partial pivoting on a complex n×n system (row-major); solution into (br, bi). */
function solveComplex(ar: Float64Array, ai: Float64Array, br: Float64Array, bi: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.hypot(ar[k * n + k], ai[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.hypot(ar[i * n + k], ai[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 0)) return false;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        let t = ar[k * n + j];
        ar[k * n + j] = ar[p * n + j];
        ar[p * n + j] = t;
        t = ai[k * n + j];
        ai[k * n + j] = ai[p * n + j];
        ai[p * n + j] = t;
      }
      let t = br[k];
      br[k] = br[p];
      br[p] = t;
      t = bi[k];
      bi[k] = bi[p];
      bi[p] = t;
    }
    const pr = ar[k * n + k];
    const pi = ai[k * n + k];
    const pd = pr * pr + pi * pi;
    for (let i = k + 1; i < n; i++) {
      const xr = ar[i * n + k];
      const xi = ai[i * n + k];
      const fr = (xr * pr + xi * pi) / pd;
      const fi = (xi * pr - xr * pi) / pd;
      for (let j = k; j < n; j++) {
        const yr = ar[k * n + j];
        const yi = ai[k * n + j];
        ar[i * n + j] -= fr * yr - fi * yi;
        ai[i * n + j] -= fr * yi + fi * yr;
      }
      br[i] -= fr * br[k] - fi * bi[k];
      bi[i] -= fr * bi[k] + fi * br[k];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    let sr = br[k];
    let si = bi[k];
    for (let j = k + 1; j < n; j++) {
      sr -= ar[k * n + j] * br[j] - ai[k * n + j] * bi[j];
      si -= ar[k * n + j] * bi[j] + ai[k * n + j] * br[j];
    }
    const pr = ar[k * n + k];
    const pi = ai[k * n + k];
    const pd = pr * pr + pi * pi;
    br[k] = (sr * pr + si * pi) / pd;
    bi[k] = (si * pr - sr * pi) / pd;
  }
  return true;
}

import type { ActivationName } from './activations.js';
import { activationConstants } from './activations.js';

/**
 * κ(ρ) = E σ̃(u)σ̃(v) for unit-variance Gaussians (u, v) with correlation ρ (MATH.md §4.3): the entries
 * Φ_ij = κ(x_iᵀx_j) of E_W K for unit-norm inputs, with κ(1) = 1 on the diagonal.
 *
 * - linear: κ(ρ) = ρ;
 * - relu: closed form ((sin θ + (π − θ) cos θ)/(2π) − 1/(2π)) / (½ − 1/(2π)), θ = arccos ρ (the arc-cosine
 *   kernel, centred and scaled; its Hermite series converges only like k^{−3/2});
 * - erf: arcsin(2ρ/3)/arcsin(2/3);
 * - every other activation: Mehler's series Σ_k c_k² ρ^k (§1) with the 128 coefficients of
 *   activationConstants. All of them are analytic in a strip, so c_k² decays like exp(−2τ√(2k)); the
 *   truncation error at |ρ| = 1 is the missing Parseval mass 1 − Σ c_k², ≤ 3e-12 (arctan), far below
 *   the (n·d_1)^{−1/2} that §4.4 requires. The series is evaluated by Horner (≈130 flops per entry), so Φ
 *   for n = 2000 costs ~0.3 s; the result is clamped to exactly 1 at ρ = 1.
 */
export function kernelExpectation(name: ActivationName): (rho: number) => number {
  switch (name) {
    case 'linear':
      return (rho) => rho;
    case 'relu': {
      const m2 = 1 / (2 * Math.PI);
      const v = 0.5 - m2;
      return (rho) => {
        const r = Math.max(-1, Math.min(1, rho));
        const th = Math.acos(r);
        return ((Math.sin(th) + (Math.PI - th) * r) / (2 * Math.PI) - m2) / v;
      };
    }
    case 'erf': {
      const norm = Math.asin(2 / 3);
      return (rho) => Math.asin((2 * Math.max(-1, Math.min(1, rho))) / 3) / norm;
    }
    default: {
      const { c } = activationConstants(name);
      const K = c.length - 1;
      const c2 = Float64Array.from(c, (v) => v * v);
      let parseval = 0;
      for (const v of c2) parseval += v;
      // Put the (tiny) truncated tail on the top coefficient's term so that κ(1) = 1 exactly.
      return (rho) => {
        if (rho >= 1) return 1;
        let s = c2[K];
        for (let k = K - 1; k >= 0; k--) s = s * rho + c2[k];
        return s + (1 - parseval) * rho ** K;
      };
    }
  }
}

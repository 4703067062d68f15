import type { CkChain } from './ckChain.js';
import { ckChain } from './ckChain.js';
import type { SpectralMeasure } from './spectralMeasure.js';
import { measureSupportBounds, stieltjesFunction } from './spectralMeasure.js';

/**
 * The Marchenko–Pastur map μ = MP_γ ⊠ ν for a general ν ≥ 0 (MATH.md §2.2, Silverstein form): the limiting
 * ESD of (1/d) Σ^{1/2} GᵀG Σ^{1/2}, n/d → γ, ESD(Σ) → ν.
 *
 * It is the one-layer CK chain with b² = 1 (then ν_1 = μ_0 = ν exactly), so it shares ckChain's solver,
 * validation and derivative. The right edge uses the Silverstein–Choi characterisation (§2.4):
 * E₊ = min over m̲ ∈ (−1/t_max, 0) of x(m̲) = −1/m̲ + γ∫ t ν(dt)/(1 + t m̲), found by a dense scan and a
 * golden-section search, written with θ = −1/m̲ ∈ (t_max, ∞): x = θ(1 − γ − γθ m_ν(θ)).
 */
export function mpMap(nu: SpectralMeasure, gamma: number): CkChain {
  return ckChain({ mu0: nu, b: 1, gammas: [gamma] });
}

/** x(θ) = θ(1 − γ − γθ m_ν(θ)) for real θ > sup supp ν (the §5.3 ψ and §2.4 x(m̲) at m̲ = −1/θ). */
export function silversteinX(nu: SpectralMeasure, gamma: number): (theta: number) => number {
  const m = stieltjesFunction(nu, { smoothing: false });
  const out = new Float64Array(4);
  return (theta) => {
    m(theta, 0, out);
    return theta * (1 - gamma - gamma * theta * out[0]);
  };
}

export function mpMapRightEdge(nu: SpectralMeasure, gamma: number): number {
  const [, tmax] = measureSupportBounds(nu);
  if (!(tmax > 0)) throw new RangeError('mpMapRightEdge: ν must have positive support');
  const x = silversteinX(nu, gamma);
  // m̲ = −u/t_max, u ∈ (0, 1): θ = t_max/u. Scan u, clustered toward u → 1 (θ → t_max⁺) where the
  // minimum sits when γ is small.
  const N = 4000;
  let best = Infinity;
  let bestU = 0.5;
  const at = (u: number): number => x(tmax / u);
  for (let i = 1; i < N; i++) {
    const s = i / N;
    const u = 1 - (1 - s) * (1 - s);
    const v = at(u);
    if (v < best) {
      best = v;
      bestU = u;
    }
  }
  // Golden section on a bracket around the best scan point.
  const s0 = 1 - Math.sqrt(1 - bestU);
  let a = 1 - (1 - Math.max(0, s0 - 1 / N)) ** 2;
  let b = 1 - (1 - Math.min(1, s0 + 1 / N)) ** 2;
  a = Math.max(a, 1e-15);
  b = Math.min(b, 1 - 1e-15);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = at(c);
  let fd = at(d);
  for (let it = 0; it < 200 && b - a > 1e-15; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = at(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = at(d);
    }
  }
  return Math.min(best, fc, fd);
}

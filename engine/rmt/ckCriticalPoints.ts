import type { CkChain } from './ckChain.js';
import { mpEdges } from './marchenkoPastur.js';
import type { SpectralMeasure } from './spectralMeasure.js';
import { measureSupportBounds } from './spectralMeasure.js';

/**
 * Right edges and spike thresholds of every layer of the CK chain, from the *real* forward map
 * (MATH.md §2.4 Silverstein–Choi, §5.3 "Thresholds").
 *
 * For real z_0 > sup supp μ_0, the forward map of ckChain.ts is real, and layer ℓ's step
 * z_ℓ = ψ_ℓ(w), w = (1 − b²) + b² z_{ℓ−1}, is exactly the §5.3 outlier map ψ_ℓ(θ) = θ(1 − γ_ℓ − γ_ℓ θ m_ν(θ))
 * (= x(m̲) of §2.4 at m̲ = −1/θ), with m_ν evaluated exactly through the chain. On the region where every
 * step is increasing, z_{ℓ−1} lies right of supp μ_{ℓ−1} and M_{ℓ−1} = m_{μ_{ℓ−1}}(z_{ℓ−1}) exactly, so no
 * ε-continuation to the real axis is needed.
 *
 * For each ℓ, z0crit_ℓ = the largest z_0 at which some step k ≤ ℓ has dz_k/dz_{k−1} ≤ 0 (scan on a
 * geometric grid in z_0 − sup supp μ_0, then bisection). Then E₊(μ_ℓ) = z_ℓ(z0crit_ℓ) (z_ℓ is minimal
 * there, so the edge is insensitive to the bisection error) and θ_c,ℓ = (1 − b²) + b² z_{ℓ−1}(z0crit_ℓ).
 */
export interface CkLayerCritical {
  /** Layer ℓ = 1..L. */
  layer: number;
  /** Preimage z_0 of the layer-ℓ threshold. */
  z0: number;
  /** E₊(μ_ℓ), right edge of the bulk. */
  edge: number;
  /** θ_c,ℓ, population-spike threshold of layer ℓ (the largest root of ψ_ℓ′ right of supp ν_ℓ). */
  populationThreshold: number;
}

export function ckCriticalPoints(chain: CkChain, mu0: SpectralMeasure): CkLayerCritical[] {
  const L = chain.L;
  if (chain.pure) {
    // b = 0: every layer is MP_{γ_ℓ}; no population spike survives (θ_ℓ = 1 for every input).
    return Array.from({ length: L }, (_, k) => ({
      layer: k + 1,
      z0: NaN,
      edge: mpEdges(chain.gammas[k])[1],
      populationThreshold: Infinity,
    }));
  }
  const [, top] = measureSupportBounds(mu0);
  const scale = Math.max(chain.scale, Math.abs(top), 1e-12);
  const b2 = chain.b2;
  /** Index of the first layer whose step is not increasing at z_0 = top + u (L + 1 if none). */
  const firstBad = (u: number): { bad: number; z: number[] } => {
    const r = chain.forwardMap({ re: top + u, im: 0 });
    const z = r.z.map((v) => v.re);
    for (let l = 1; l <= L; l++) {
      const local = r.dz[l].re / r.dz[l - 1].re;
      if (!(local > 0) || !Number.isFinite(z[l])) return { bad: l, z };
    }
    return { bad: L + 1, z };
  };
  const K = 480;
  const us = Array.from({ length: K + 1 }, (_, k) => scale * 10 ** (-13 + (17 * k) / K));
  const bads = us.map((u) => firstBad(u).bad);
  const result: CkLayerCritical[] = [];
  for (let l = 1; l <= L; l++) {
    // Largest scan index where some layer ≤ l is not increasing.
    let k = -1;
    for (let i = K; i >= 0; i--) {
      if (bads[i] <= l) {
        k = i;
        break;
      }
    }
    if (k === K) throw new Error(`ckCriticalPoints: layer ${l} is not supercritical even at z_0 = ${top + us[K]}`);
    let uStar: number;
    if (k < 0) {
      uStar = us[0];
    } else {
      let a = us[k];
      let b = us[k + 1];
      for (let it = 0; it < 200 && b - a > 1e-15 * (top + b); it++) {
        const mid = Math.sqrt(a * b) > 0 && b / a > 1.01 ? Math.sqrt(a * b) : 0.5 * (a + b);
        if (firstBad(mid).bad <= l) a = mid;
        else b = mid;
      }
      uStar = b;
    }
    const { z } = firstBad(uStar);
    result.push({ layer: l, z0: top + uStar, edge: z[l], populationThreshold: (1 - b2) + b2 * z[l - 1] });
  }
  return result;
}

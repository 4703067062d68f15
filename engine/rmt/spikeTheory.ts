import { ckChain } from './ckChain.js';
import { ckCriticalPoints } from './ckCriticalPoints.js';
import { mpEdges } from './marchenkoPastur.js';
import { mpMeasure } from './spectralMeasure.js';

/**
 * Spikes through depth (MATH.md §5; Gaussian-equivalent model, *unverified against Wang–Wu–Fan*, agreed
 * with the reference simulations quoted there).
 *
 * Layer 0 (§5.2, information-plus-noise, input X = √θ a bᵀ + Z, γ_0 = n/d_0): for θ > √γ_0 the outlier is
 * λ_0 = (1+θ)(1 + γ_0/θ), sample-side overlap (1 − γ_0/θ²)/(1 + γ_0/θ), feature-side (1 − γ_0/θ²)/(1 + 1/θ);
 * else λ_0 sticks to (1+√γ_0)² and the overlaps vanish.
 *
 * Layer ℓ ≥ 1 (§5.3): population spike θ_ℓ = (1 − b²) + b²λ_{ℓ−1} on the bulk ν_ℓ; if supercritical,
 * λ_ℓ = ψ_ℓ(θ_ℓ) and c_ℓ = θ_ℓψ_ℓ′(θ_ℓ)/ψ_ℓ(θ_ℓ); otherwise the spike is lost from that layer on (eigenvalue
 * at the edge, overlap 0). Cumulative overlap with b: c_0·c_1·…·c_ℓ.
 *
 * ψ_ℓ and ψ_ℓ′ come from the real forward map of the CK chain at z_0 = λ_0 (ckCriticalPoints.ts explains
 * why that is exact): λ_ℓ = z_ℓ, θ_ℓ = w_ℓ, ψ_ℓ′ = (dz_ℓ/dz_{ℓ−1})/b², with forward-mode derivatives instead
 * of §5.3's central difference. "Supercritical at ℓ" = λ_0 right of the layer's threshold preimage, i.e.
 * θ_ℓ > θ_c,ℓ (the largest root of ψ_ℓ′ right of supp ν_ℓ).
 * The end-to-end threshold on the input θ inverts λ_0(θ) = z0crit_L by bisection (λ_0 is increasing for
 * θ > √γ_0).
 */
export interface SpikeLayer {
  layer: number;
  /** θ_ℓ = (1 − b²) + b²λ_{ℓ−1} (layer 0: the input θ). */
  populationSpike: number;
  /** Outlier location λ_ℓ (the bulk edge when lost). */
  lambda: number;
  /** c_ℓ: overlap of this layer's spike eigenvector with the previous one (layer 0: with b). */
  overlap: number;
  /** c_0·…·c_ℓ: overlap with the sample-space signal b. */
  cumulativeOverlap: number;
  /** Right edge E₊(μ_ℓ) of the bulk. */
  edge: number;
  /** Population threshold θ_c,ℓ (layer 0: √γ_0). */
  threshold: number;
  lost: boolean;
}

export interface SpikeTheoryOptions {
  /** Input signal strength θ (model (A); for two balanced classes θ = n‖μ‖²). */
  theta: number;
  /** γ_0 = n/d_0. */
  gamma0: number;
  /** b_σ of the normalised activation. */
  b: number;
  /** γ_1..γ_L. */
  gammas: ArrayLike<number>;
}

export interface SpikeTheoryResult {
  /** Layers 0..L. */
  layers: SpikeLayer[];
  /** Feature-side overlap at layer 0, |⟨û, a⟩|². */
  featureOverlap0: number;
  /** Smallest input θ for which every layer 1..L stays supercritical. */
  inputThreshold: number;
  /** Smallest input θ keeping layers 0..ℓ supercritical, ℓ = 0..L. */
  layerInputThresholds: number[];
}

/** λ_0(θ) (§5.2), defined for θ > 0. */
export function bbpOutlier(theta: number, gamma0: number): number {
  return (1 + theta) * (1 + gamma0 / theta);
}

export function spikeTheory(options: SpikeTheoryOptions): SpikeTheoryResult {
  const { theta, gamma0, b } = options;
  if (!(theta >= 0) || !(gamma0 > 0)) throw new RangeError(`spikeTheory: need θ ≥ 0 and γ_0 > 0, got ${theta}, ${gamma0}`);
  const gammas = Float64Array.from(options.gammas);
  const L = gammas.length;
  const mu0 = mpMeasure(gamma0);
  const chain = L > 0 ? ckChain({ mu0, b, gammas }) : null;
  const b2 = Math.min(1, b * b);
  const crit = chain ? ckCriticalPoints(chain, mu0) : [];
  const sqrtG = Math.sqrt(gamma0);
  const edge0 = mpEdges(gamma0)[1];

  const layers: SpikeLayer[] = [];
  const super0 = theta > sqrtG;
  const c0 = super0 ? (1 - gamma0 / (theta * theta)) / (1 + gamma0 / theta) : 0;
  const lambda0 = super0 ? bbpOutlier(theta, gamma0) : edge0;
  layers.push({
    layer: 0,
    populationSpike: theta,
    lambda: lambda0,
    overlap: c0,
    cumulativeOverlap: c0,
    edge: edge0,
    threshold: sqrtG,
    lost: !super0,
  });
  const featureOverlap0 = super0 ? (1 - gamma0 / (theta * theta)) / (1 + 1 / theta) : 0;

  let alive = super0;
  let cumulative = c0;
  const fm = alive && chain && !chain.pure ? chain.forwardMap({ re: lambda0, im: 0 }) : null;
  for (let l = 1; l <= L; l++) {
    const cr = crit[l - 1];
    const prev = layers[l - 1];
    const populationSpike = (1 - b2) + b2 * prev.lambda;
    if (alive && fm && lambda0 > cr.z0) {
      const lambda = fm.z[l].re;
      const local = fm.dz[l].re / fm.dz[l - 1].re; // dz_ℓ/dz_{ℓ−1} = b² ψ_ℓ′(θ_ℓ)
      const w = (1 - b2) + b2 * fm.z[l - 1].re;
      const overlap = (w * (local / b2)) / lambda;
      cumulative *= overlap;
      layers.push({ layer: l, populationSpike: w, lambda, overlap, cumulativeOverlap: cumulative, edge: cr.edge, threshold: cr.populationThreshold, lost: false });
    } else {
      alive = false;
      cumulative = 0;
      layers.push({ layer: l, populationSpike, lambda: cr.edge, overlap: 0, cumulativeOverlap: 0, edge: cr.edge, threshold: cr.populationThreshold, lost: true });
    }
  }

  // Input thresholds: layer 0 is √γ_0; layer ℓ needs λ_0(θ) > z0crit_ℓ.
  const invert = (target: number): number => {
    if (!(target > edge0)) return sqrtG;
    let lo = sqrtG;
    let hi = Math.max(2 * sqrtG, 1);
    while (bbpOutlier(hi, gamma0) <= target) hi *= 2;
    for (let it = 0; it < 200 && hi - lo > 1e-14 * hi; it++) {
      const mid = 0.5 * (lo + hi);
      if (bbpOutlier(mid, gamma0) > target) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const layerInputThresholds = [sqrtG, ...crit.map((c) => (chain?.pure ? Infinity : invert(c.z0)))];
  const inputThreshold = layerInputThresholds[layerInputThresholds.length - 1];
  return { layers, featureOverlap0, inputThreshold, layerInputThresholds };
}

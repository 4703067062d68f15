/**
 * Spiked inputs of MATH.md §5.1: X = Σ_k √θ_k a_k b_kᵀ + Z with Z iid N(0, 1/d_0), a_k orthonormal in
 * ℝ^{d_0}, b_k orthonormal in ℝ^n (the sample-space signals). A Gaussian mixture is reduced to the
 * same form through the SVD of its signal matrix S = Σ_c μ_c e_cᵀ (model (B)), computed from an
 * (r+1)×(r+1) eigenproblem.
 */
import { eigh, type DenseMatrix } from '../../linalg/index.js';
import type { Rng } from '../../random/Rng.js';

export interface SpikedInput {
  x: DenseMatrix;
  /** Signal strengths θ_k, descending. */
  thetas: number[];
  /** Sample-space signal vectors b_k (unit norm, orthogonal), aligned with `thetas`. */
  signals: Float64Array[];
  /** Class label per sample (mixtures), for plots. */
  labels?: Int32Array;
}

/** Orthonormalises the vectors in place (modified Gram–Schmidt, twice for stability). */
export function orthonormalise(vectors: Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < vectors.length; k++) {
      const v = vectors[k];
      for (let j = 0; j < k; j++) {
        const u = vectors[j];
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += u[i] * v[i];
        for (let i = 0; i < v.length; i++) v[i] -= dot * u[i];
      }
      let norm = 0;
      for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
      norm = Math.sqrt(norm);
      if (!(norm > 1e-12)) throw new Error('signal vectors are linearly dependent');
      for (let i = 0; i < v.length; i++) v[i] /= norm;
    }
  }
}

function gaussianVector(rng: Rng, length: number): Float64Array {
  const v = new Float64Array(length);
  for (let i = 0; i < length; i++) v[i] = rng.normal();
  return v;
}

/** Z + Σ √θ_k a_k b_kᵀ, row-major d_0×n. */
function assemble(d0: number, n: number, thetas: number[], features: Float64Array[], signals: Float64Array[], rng: Rng): DenseMatrix {
  const data = new Float64Array(d0 * n);
  const s = 1 / Math.sqrt(d0);
  const noise = rng.fork('Z');
  for (let i = 0; i < data.length; i++) data[i] = s * noise.normal();
  thetas.forEach((theta, k) => {
    const amp = Math.sqrt(theta), a = features[k], b = signals[k];
    for (let r = 0; r < d0; r++) {
      const ar = amp * a[r];
      if (ar === 0) continue;
      const row = r * n;
      for (let c = 0; c < n; c++) data[row + c] += ar * b[c];
    }
  });
  return { rows: d0, cols: n, data };
}

export interface SignalPlusNoiseSpec {
  theta: number[];
  support: 'delocalised' | 'localised';
  supportSize: number;
  labels: 'rademacher' | 'gaussian';
}

/** Model (A). Delocalised b: y/√n with iid ±1 (or Gaussian) labels; localised b: ±1/√k on k samples (disjoint per spike). */
export function signalPlusNoise(d0: number, n: number, spec: SignalPlusNoiseSpec, rng: Rng): SpikedInput {
  const order = spec.theta.map((t, k) => [t, k] as const).sort((p, q) => q[0] - p[0]);
  const thetas = order.map(([t]) => t);
  const r = thetas.length;
  const signals: Float64Array[] = [];
  const sRng = rng.fork('b');
  if (spec.support === 'localised') {
    // A random permutation gives each spike its own block of k samples.
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = sRng.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const k = spec.supportSize;
    for (let s = 0; s < r; s++) {
      const b = new Float64Array(n);
      for (let t = 0; t < k; t++) b[perm[s * k + t]] = (sRng.nextUint32() & 1 ? 1 : -1) / Math.sqrt(k);
      signals.push(b);
    }
  } else {
    for (let s = 0; s < r; s++) {
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) b[i] = spec.labels === 'rademacher' ? (sRng.nextUint32() & 1 ? 1 : -1) : sRng.normal();
      signals.push(b);
    }
    orthonormalise(signals);
  }
  const aRng = rng.fork('a');
  const features = thetas.map(() => gaussianVector(aRng, d0));
  orthonormalise(features);
  const labels = spec.support === 'delocalised' && spec.labels === 'rademacher' && r === 1 ? Int32Array.from(signals[0], (v) => (v > 0 ? 1 : 0)) : undefined;
  return { x: assemble(d0, n, thetas, features, signals, rng), thetas, signals, labels };
}

export interface MixtureSpec {
  proportions: number[];
  /** θ = n‖μ_c‖² for every class mean (two balanced classes: exactly the spike strength). */
  theta: number;
}

/**
 * Model (B): classes c = 0..r with the given proportions; the class means are the vertices of a
 * regular simplex centred by the proportions (Σ_c p_c μ_c = 0, so the mixture has mean 0), scaled to
 * ‖μ_c‖² = θ/n on average. The signal matrix S = M Eᵀ factorises as (M D^{1/2})(E D^{−1/2})ᵀ with
 * E D^{−1/2} orthonormal, so its SVD follows from the small eigenproblem of D^{1/2} MᵀM D^{1/2}.
 */
export function gaussianMixture(d0: number, n: number, spec: MixtureSpec, rng: Rng): SpikedInput {
  const C = spec.proportions.length;
  // Class sizes by largest remainder, then a random assignment of samples to classes.
  const raw = spec.proportions.map((p) => p * n);
  const sizes = raw.map(Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  raw.map((v, c) => [v - Math.floor(v), c] as const).sort((p, q) => q[0] - p[0]).forEach(([, c]) => {
    if (left-- > 0) sizes[c]++;
  });
  const labels = new Int32Array(n);
  let pos = 0;
  sizes.forEach((size, c) => labels.fill(c, pos, (pos += size)));
  const lRng = rng.fork('labels');
  for (let i = n - 1; i > 0; i--) {
    const j = lRng.int(i + 1);
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }
  // Simplex vertices in ℝ^C: e_c minus the proportion-weighted centre, then random orthonormal
  // directions in ℝ^{d0} carry them: μ_c = Σ_j V[c][j] a_j.
  const p = sizes.map((s) => s / n);
  const V = Array.from({ length: C }, (_, c) => Array.from({ length: C }, (_, j) => (c === j ? 1 : 0) - p[j]));
  const meanSq = V.reduce((acc, v, c) => acc + p[c] * v.reduce((a, x) => a + x * x, 0), 0);
  const scale = Math.sqrt(spec.theta / n / meanSq);
  const aRng = rng.fork('a');
  const dirs = V.map(() => gaussianVector(aRng, d0));
  orthonormalise(dirs);
  // G = D^{1/2} MᵀM D^{1/2} with MᵀM = scale² V Vᵀ (the a_j are orthonormal).
  const G = new Float64Array(C * C);
  for (let c = 0; c < C; c++)
    for (let e = 0; e < C; e++) {
      let dot = 0;
      for (let j = 0; j < C; j++) dot += V[c][j] * V[e][j];
      G[c * C + e] = scale * scale * dot * Math.sqrt(sizes[c] * sizes[e]);
    }
  const { values, vectors } = eigh({ rows: C, cols: C, data: G });
  const thetas: number[] = [];
  const signals: Float64Array[] = [];
  const features: Float64Array[] = [];
  for (let k = C - 1; k >= 0; k--) {
    if (values[k] <= 1e-9 * Math.max(1, values[C - 1])) continue;
    thetas.push(values[k]);
    // b_k = E D^{−1/2} v_k; a_k = M D^{1/2} v_k / σ_k.
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) b[i] = vectors.data[labels[i] * C + k] / Math.sqrt(sizes[labels[i]]);
    signals.push(b);
    const a = new Float64Array(d0);
    for (let c = 0; c < C; c++) {
      const coeff = (scale * Math.sqrt(sizes[c]) * vectors.data[c * C + k]) / Math.sqrt(values[k]);
      for (let j = 0; j < C; j++) {
        const w = coeff * V[c][j];
        if (w !== 0) for (let r = 0; r < d0; r++) a[r] += w * dirs[j][r];
      }
    }
    features.push(a);
  }
  return { x: assemble(d0, n, thetas, features, signals, rng), thetas, signals, labels };
}

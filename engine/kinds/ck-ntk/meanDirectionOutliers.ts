/**
 * Eigenvalues outside the theory bulk, and the one uninformative outlier of activations with c₂ ≠ 0
 * (relu, gelu, silu, softplus; MATH.md §2.6, §5.4). It is not part of the limit law μ_ℓ and carries mass 1/n,
 * so it is reported here and left out of every comparison with theory.
 *
 * Identification: top eigenpairs by Lanczos (eigTopK) and two overlaps. MATH.md §2.6 places its eigenvector
 * near 1/√n (the c₂²ρ² term of E K has a positive mean, ≈ c₂²·n·mean(ρ²)·11ᵀ/n); we test |⟨v, 1/√n⟩|² > ½.
 * In our simulations with iid Gaussian inputs (relu, L = 10, n = 500) the outlier's eigenvector is instead
 * aligned with the centred sample norms diag(K) − mean (overlap 0.5–0.8 from layer 5 on, with 1/√n only
 * 0.02–0.04): E σ̃(wᵀx) = c₂(‖x‖² − 1)/√2 + …, so every unit of X_ℓ carries a common component along the
 * norm deviations, a rank-one term of K along them. An eigenvalue past the bulk edge whose eigenvector has
 * |⟨v, u⟩|² > ¼ with u the normalised centred diagonal is flagged as that outlier too.
 */
import { eigTopK, type DenseMatrix } from '../../linalg/index.js';

export interface OutlierRecord {
  /** The eigenvalue. */
  value: number;
  /** |⟨v, 1/√n⟩|² of its eigenvector. */
  overlapOnes: number;
  /** |⟨v, u⟩|² with u = (diag K − mean)/‖·‖, the direction of the sample-norm deviations. */
  overlapNorms: number;
  /**
   * 'c2-ones' / 'c2-norms': the uninformative c₂ outlier, identified by its eigenvector (along 1/√n, or along
   * the sample-norm deviations); 'beyond-edge': any other eigenvalue past the bulk edge.
   */
  kind: 'c2-ones' | 'c2-norms' | 'beyond-edge';
  /** True when left out of the histogram, KS and moments (only the mean-direction outlier). */
  excluded: boolean;
  /** Which repeat it came from. */
  repeat: number;
}

/** Margin past the theory edge counted as outside the bulk: 5 n^{−2/3} (several Tracy–Widom scales). */
export function outlierThreshold(rightEdge: number, n: number): number {
  return rightEdge * (1 + 5 * n ** (-2 / 3));
}

export function findOutliers(
  k: DenseMatrix,
  sortedEigenvalues: Float64Array,
  rightEdge: number,
  opts: { meanDirection: boolean; repeat: number; maxReported?: number },
): OutlierRecord[] {
  const n = k.rows;
  const threshold = outlierThreshold(rightEdge, n);
  let beyond = 0;
  for (let i = n - 1; i >= 0 && sortedEigenvalues[i] > threshold; i--) beyond++;
  const top = Math.min(n, Math.max(Math.min(beyond, opts.maxReported ?? 10), opts.meanDirection ? 2 : 0));
  if (top === 0) return [];
  const pairs = eigTopK(k, top, { seed: 1 });
  // Centred, normalised diagonal (sample norms).
  const u = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += k.data[i * n + i] / n;
  let un = 0;
  for (let i = 0; i < n; i++) {
    u[i] = k.data[i * n + i] - mean;
    un += u[i] * u[i];
  }
  const uScale = un > 0 ? 1 / Math.sqrt(un) : 0;
  const ones: number[] = [];
  const norms: number[] = [];
  for (let j = 0; j < top; j++) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const v = pairs.vectors.data[i * top + j];
      s += v;
      t += v * u[i] * uScale;
    }
    ones.push((s * s) / n);
    norms.push(t * t);
  }
  let c2 = -1;
  let c2Kind: OutlierRecord['kind'] = 'beyond-edge';
  if (opts.meanDirection) {
    for (let j = 0; j < top && c2 < 0; j++) {
      if (ones[j] > 0.5) {
        c2 = j;
        c2Kind = 'c2-ones';
      } else if (norms[j] > 0.25 && pairs.values[j] > threshold) {
        c2 = j;
        c2Kind = 'c2-norms';
      }
    }
  }
  const out: OutlierRecord[] = [];
  for (let j = 0; j < top; j++) {
    const isC2 = j === c2;
    if (!isC2 && !(pairs.values[j] > threshold)) continue;
    out.push({ value: pairs.values[j], overlapOnes: ones[j], overlapNorms: norms[j], kind: isC2 ? c2Kind : 'beyond-edge', excluded: isC2, repeat: opts.repeat });
  }
  return out;
}

/** The sorted eigenvalues without the excluded outliers (each removed once, matched to the nearest eigenvalue). */
export function withoutExcluded(sorted: Float64Array, outliers: readonly OutlierRecord[]): Float64Array {
  const drop = new Set<number>();
  for (const o of outliers) {
    if (!o.excluded) continue;
    let best = -1;
    let dist = Infinity;
    for (let i = sorted.length - 1; i >= 0; i--) {
      if (drop.has(i)) continue;
      const d = Math.abs(sorted[i] - o.value);
      if (d < dist) {
        dist = d;
        best = i;
      }
      if (sorted[i] < o.value - dist) break;
    }
    if (best >= 0) drop.add(best);
  }
  if (drop.size === 0) return sorted;
  const out = new Float64Array(sorted.length - drop.size);
  let j = 0;
  for (let i = 0; i < sorted.length; i++) if (!drop.has(i)) out[j++] = sorted[i];
  return out;
}

/**
 * Synthetic network inputs X_0 ∈ ℝ^{d_0×n} (columns = samples), MATH.md §2.1 and §5.1:
 * - iid Gaussian: entries N(0, 1/d_0), so columns have norm ≈ 1 and are nearly orthogonal and the ESD of
 *   XᵀX tends to MP_{n/d_0};
 * - Gaussian mixture (§5.1(B)): x_i = μ_{c(i)} + z_i, z_i ~ N(0, I/d_0), k balanced classes (c(i) = i mod k),
 *   class means μ_c = √(θ/n)·u_c with u_c independent uniformly random unit vectors. For two classes the
 *   signal matrix has strength ≈ θ (the θ of the spiked model: outlier above √γ_0).
 */
import type { DenseMatrix } from '../linalg/index.js';
import type { Rng } from '../random/Rng.js';

export function gaussianInput(d0: number, n: number, rng: Rng): DenseMatrix {
  const data = new Float64Array(d0 * n);
  const s = 1 / Math.sqrt(d0);
  for (let k = 0; k < data.length; k++) data[k] = s * rng.normal();
  return { rows: d0, cols: n, data };
}

export interface MixtureInput {
  x: DenseMatrix;
  /** Class of each sample. */
  labels: Int32Array;
}

export function gaussianMixtureInput(d0: number, n: number, classes: number, theta: number, rng: Rng): MixtureInput {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`gaussianMixtureInput: classes must be a whole number ≥ 1, got ${classes}`);
  if (!(theta >= 0)) throw new RangeError(`gaussianMixtureInput: theta must be ≥ 0, got ${theta}`);
  const meanRng = rng.fork('means');
  const noise = gaussianInput(d0, n, rng.fork('noise'));
  const x = noise.data;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = i % classes;
  const amp = Math.sqrt(theta / n);
  for (let c = 0; c < classes; c++) {
    const u = new Float64Array(d0);
    let norm = 0;
    for (let j = 0; j < d0; j++) {
      u[j] = meanRng.normal();
      norm += u[j] * u[j];
    }
    const s = amp / Math.sqrt(norm);
    for (let j = 0; j < d0; j++) {
      const m = s * u[j];
      for (let i = c; i < n; i += classes) x[j * n + i] += m;
    }
  }
  return { x: noise, labels };
}

import type { DenseMatrix } from '../../engine/linalg/index.js';
import { Rng } from '../../engine/random/Rng.js';

/** Seeded standard-normal matrix for benchmark inputs. */
export function gaussianMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows, cols, data };
}

/** GOE-like (G + Gᵀ)/√(2n), as numpy_ref.py's goe(). */
export function goeMatrix(n: number, seed: number): DenseMatrix {
  const g = gaussianMatrix(n, n, seed).data;
  const data = new Float64Array(n * n);
  const s = 1 / Math.sqrt(2 * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = (g[i * n + j] + g[j * n + i]) * s;
  return { rows: n, cols: n, data };
}

import { matmul, type DenseMatrix } from '../linalg/index.js';

/** Eigenpairs as `eigh` returns them: values ascending, column k of `vectors` ↔ values[k]. */
export interface Eigensystem {
  readonly values: Float64Array;
  readonly vectors: DenseMatrix;
}

/**
 * GRAMPA similarity (Fan, Mao, Wu & Xu 2019, arXiv 1907.08880 eq. (3); MATH.md §9.3):
 *   X̂ = Σ_{k,l} C_kl u_k u_kᵀ J v_l v_lᵀ,  C_kl = 1 / ((λ_k − μ_l)² + η²),
 * where Ā = Σ λ_k u_k u_kᵀ and B̄ = Σ μ_l v_l v_lᵀ. Since J = 11ᵀ, u_kᵀ J v_l = ũ_k ṽ_l with ũ = Uᵀ1,
 * ṽ = Vᵀ1, so X̂ = (U·diag(ũ)) · C · (diag(ṽ)·Vᵀ): two n×n GEMMs and O(n²) work. The paper's extra
 * factor η in the numerator is a global constant that no rounding sees, so it is left out.
 * Each term u_k ũ_k is invariant under u_k → −u_k, so the arbitrary eigenvector signs do not matter.
 * Orientation: X̂[i, j] large means vertex i of A matches vertex j of B.
 */
export function grampaSimilarity(eigA: Eigensystem, eigB: Eigensystem, eta: number): DenseMatrix {
  const n = eigA.values.length;
  if (eigB.values.length !== n) throw new RangeError(`grampaSimilarity: A has ${n} eigenvalues, B has ${eigB.values.length}`);
  if (!(eta > 0)) throw new RangeError(`grampaSimilarity: eta must be positive, got ${eta}`);
  const left = scaleColumnsBySums(eigA.vectors);
  const right = scaleColumnsBySums(eigB.vectors);
  const c = new Float64Array(n * n);
  const eta2 = eta * eta;
  for (let k = 0; k < n; k++) {
    const lk = eigA.values[k];
    for (let l = 0; l < n; l++) {
      const d = lk - eigB.values[l];
      c[k * n + l] = 1 / (d * d + eta2);
    }
  }
  const lc = matmul(left, { rows: n, cols: n, data: c });
  return matmul(lc, right, { transB: true });
}

/** U·diag(Uᵀ1): column k multiplied by the sum of its entries. */
function scaleColumnsBySums(u: DenseMatrix): DenseMatrix {
  const { rows, cols, data } = u;
  const sums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let k = 0; k < cols; k++) sums[k] += data[i * cols + k];
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let k = 0; k < cols; k++) out[i * cols + k] = data[i * cols + k] * sums[k];
  return { rows, cols, data: out };
}

import { linearSumAssignment, matmul, type DenseMatrix } from '../linalg/index.js';

/**
 * The doubly stochastic relaxation of graph matching (Zaslavskiy, Bach & Vert 2009; Aflalo, Bronstein
 * & Kimmel 2015; the QP of Fan, Mao, Wu & Xu 2019 §1; MATH.md §9.7):
 *   minimise f(X) = ‖ĀX − XB̄‖²_F  subject to  X1 = 1, Xᵀ1 = 1, X ≥ 0,
 * by Frank–Wolfe with exact line search. The authors use ADMM; Frank–Wolfe needs only a linear
 * assignment per step and never leaves the Birkhoff polytope.
 *
 * Per iteration, with R = ĀX − XB̄ (kept up to date, never recomputed):
 *   ∇ = 2(ĀR − RB̄)                     two GEMMs (Ā, B̄ symmetric)
 *   P = argmin over permutations ⟨∇, P⟩  linear assignment
 *   S = ĀD − DB̄ for D = P − X, which is (ĀP − PB̄) − R: ĀP permutes Ā's columns and PB̄ permutes
 *       B̄'s rows, so S costs O(n²), not two more GEMMs
 *   t* = clip(−⟨R, S⟩ / ‖S‖², 0, 1);  X += t*D;  R += t*S.
 * Since f(X + tD) = f + 2t⟨R, S⟩ + t²‖S‖² is minimised exactly over t ∈ [0, 1] and t = 0 is allowed,
 * the objective never increases. Stops early when the Frank–Wolfe gap ⟨∇, X − P⟩ (an upper bound on
 * f(X) − min f) falls below 1e-12·(1 + f).
 *
 * `start` must be doubly stochastic (MATH.md §9.7: the Sinkhorn-balanced GRAMPA similarity, not J/n).
 */
export function doublyStochasticQp(
  aBar: Float64Array,
  bBar: Float64Array,
  n: number,
  start: Float64Array,
  iterations: number,
): { x: DenseMatrix; objective: Float64Array; gap: Float64Array } {
  const A: DenseMatrix = { rows: n, cols: n, data: aBar };
  const B: DenseMatrix = { rows: n, cols: n, data: bBar };
  const x = Float64Array.from(start);
  const X: DenseMatrix = { rows: n, cols: n, data: x };
  const r = matmul(A, X).data;
  const xb = matmul(X, B).data;
  for (let k = 0; k < r.length; k++) r[k] -= xb[k];
  const objective: number[] = [sumSquares(r)];
  const gaps: number[] = [];
  const s = new Float64Array(n * n);
  const grad = new Float64Array(n * n);
  for (let it = 0; it < iterations; it++) {
    const R: DenseMatrix = { rows: n, cols: n, data: r };
    const ar = matmul(A, R, { alpha: 2 }).data;
    const rb = matmul(R, B, { alpha: 2 }).data;
    for (let k = 0; k < grad.length; k++) grad[k] = ar[k] - rb[k];
    const p = linearSumAssignment({ rows: n, cols: n, data: grad });
    // P[i, p[i]] = 1. (ĀP)[i, p[k]] = Ā[i, k]; (PB̄)[k, :] = B̄[p[k], :].
    let gap = 0;
    for (let i = 0; i < n; i++) {
      gap -= grad[i * n + p[i]];
      for (let j = 0; j < n; j++) gap += grad[i * n + j] * x[i * n + j];
    }
    gaps.push(gap);
    const f = objective[objective.length - 1];
    if (gap <= 1e-12 * (1 + f)) break;
    for (let i = 0; i < n; i++) {
      const rowA = i * n;
      for (let k = 0; k < n; k++) s[rowA + p[k]] = aBar[rowA + k];
    }
    for (let k = 0; k < n; k++) {
      const rowS = k * n;
      const rowB = p[k] * n;
      for (let j = 0; j < n; j++) s[rowS + j] -= bBar[rowB + j];
    }
    let rs = 0;
    let ss = 0;
    for (let k = 0; k < s.length; k++) {
      s[k] -= r[k];
      rs += r[k] * s[k];
      ss += s[k] * s[k];
    }
    const t = ss > 0 ? Math.min(1, Math.max(0, -rs / ss)) : 0;
    if (t > 0) {
      for (let k = 0; k < x.length; k++) x[k] *= 1 - t;
      for (let i = 0; i < n; i++) x[i * n + p[i]] += t;
      for (let k = 0; k < r.length; k++) r[k] += t * s[k];
    }
    objective.push(sumSquares(r));
    if (t === 0) break; // no descent along the Frank–Wolfe direction: X is optimal up to rounding
  }
  return { x: X, objective: Float64Array.from(objective), gap: Float64Array.from(gaps) };
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * a[k];
  return s;
}

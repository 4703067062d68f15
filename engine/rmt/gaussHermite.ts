import { symmetricTridiagonalEigen } from './symmetricTridiagonalEigen.js';

/**
 * N-point Gauss–Hermite rule for the standard normal measure (MATH.md §1 "Quadrature"):
 * E f(ξ) ≈ Σ_k w_k f(x_k), ξ ~ N(0,1), Σ w_k = 1, exact for polynomials of degree ≤ 2N − 1.
 *
 * Golub–Welsch: the nodes are the eigenvalues of the Jacobi matrix of the orthonormal probabilists'
 * Hermite polynomials (zero diagonal, off-diagonal √1, …, √(N−1)).
 *
 * Why the weights are not taken as the squared first eigenvector components: those are accurate only to
 * ~1e-16 *absolutely*, while the outer weights of a large rule are tiny (≈1e-170 at N = 200) and get
 * multiplied by huge polynomial values (h_k(x) for k ~ 150 at |x| ~ 27) when Hermite coefficients are
 * computed. So each node is polished by one Newton step on h_N and its weight is taken from the Christoffel
 * function w = 1 / Σ_{k<N} h_k(x)², which is relatively accurate for every node.
 */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

export function gaussHermite(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1 || n > 400) {
    throw new RangeError(`gaussHermite: n must be an integer in [1, 400], got ${n}`);
  }
  const hit = cache.get(n);
  if (hit) return hit;
  const diag = new Float64Array(n);
  const off = new Float64Array(Math.max(n - 1, 0));
  for (let k = 1; k < n; k++) off[k - 1] = Math.sqrt(k);
  const { values } = symmetricTridiagonalEigen(diag, off);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = values[i];
    // One Newton step on h_N (h_N' = √N h_{N−1}); then the Christoffel weight at the polished node.
    for (let pass = 0; pass < 2; pass++) {
      let hPrev = 0;
      let h = 1;
      let sumSq = 1;
      for (let k = 0; k < n; k++) {
        const hNext = (x * h - Math.sqrt(k) * hPrev) / Math.sqrt(k + 1);
        hPrev = h;
        h = hNext;
        if (k < n - 1) sumSq += h * h;
      }
      // Now h = h_N(x), hPrev = h_{N−1}(x).
      if (pass === 0) {
        if (hPrev !== 0) x -= h / (Math.sqrt(n) * hPrev);
      } else {
        weights[i] = 1 / sumSq;
      }
    }
    nodes[i] = x;
  }
  // Enforce the exact symmetry of the rule (it removes a 1e-16 bias in odd moments).
  for (let i = 0; i < n >> 1; i++) {
    const j = n - 1 - i;
    const x = (nodes[j] - nodes[i]) / 2;
    const w = (weights[i] + weights[j]) / 2;
    nodes[i] = -x;
    nodes[j] = x;
    weights[i] = w;
    weights[j] = w;
  }
  if (n % 2 === 1) nodes[n >> 1] = 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  for (let i = 0; i < n; i++) weights[i] /= total;
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

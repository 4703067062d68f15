import type { QuadratureRule } from './gaussHermite.js';
import { symmetricTridiagonalEigen } from './symmetricTridiagonalEigen.js';

/**
 * Gauss–Legendre rules on [−1, 1] and composite rules on a union of intervals with breakpoints.
 *
 * MATH.md §1 "Pitfalls": Gauss–Hermite converges slowly for kinked σ (relu: b = 0.85746 at N = 160 against
 * 0.856429), so integrals E f(ξ) with a kinked f are done as ∫ f(x) φ(x) dx by composite Gauss–Legendre on
 * [−12, 12] with a breakpoint at every kink (the truncation loses < 1e-30).
 *
 * Nodes from Golub–Welsch (Jacobi matrix: zero diagonal, off-diagonal k/√(4k² − 1)), polished by a Newton
 * step on P_N; weights from w = 2 / ((1 − x²) P_N'(x)²), which is relatively accurate.
 */
const cache = new Map<number, QuadratureRule>();

export function gaussLegendre(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1 || n > 400) {
    throw new RangeError(`gaussLegendre: n must be an integer in [1, 400], got ${n}`);
  }
  const hit = cache.get(n);
  if (hit) return hit;
  const off = new Float64Array(Math.max(n - 1, 0));
  for (let k = 1; k < n; k++) off[k - 1] = k / Math.sqrt(4 * k * k - 1);
  const { values } = symmetricTridiagonalEigen(new Float64Array(n), off);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = values[i];
    for (let pass = 0; pass < 2; pass++) {
      // Legendre recurrence: (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}.
      let p0 = 1;
      let p1 = x;
      for (let k = 1; k < n; k++) {
        const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pnm1 = n === 1 ? 1 : p0;
      const dp = (n * (x * pn - pnm1)) / (x * x - 1); // P_N' from the standard identity
      if (pass === 0) x -= pn / dp;
      else weights[i] = 2 / ((1 - x * x) * dp * dp);
    }
    nodes[i] = x;
  }
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
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/**
 * Composite Gauss–Legendre rule for ∫_{breakpoints[0]}^{breakpoints[last]} f(x) dx: each segment between
 * consecutive breakpoints is split into `panelsPerSegment` equal panels with an `order`-point rule.
 * Put a breakpoint at every kink of f so each panel integrates a smooth function.
 */
export function compositeGaussLegendre(
  breakpoints: readonly number[],
  order = 32,
  panelsPerSegment = 8,
): QuadratureRule {
  if (breakpoints.length < 2) throw new RangeError('compositeGaussLegendre: need at least two breakpoints');
  for (let i = 1; i < breakpoints.length; i++) {
    if (!(breakpoints[i] > breakpoints[i - 1])) {
      throw new RangeError('compositeGaussLegendre: breakpoints must be strictly increasing and finite');
    }
  }
  if (!Number.isInteger(panelsPerSegment) || panelsPerSegment < 1) {
    throw new RangeError(`compositeGaussLegendre: panelsPerSegment must be a positive integer, got ${panelsPerSegment}`);
  }
  const base = gaussLegendre(order);
  const segments = breakpoints.length - 1;
  const total = segments * panelsPerSegment * order;
  const nodes = new Float64Array(total);
  const weights = new Float64Array(total);
  let k = 0;
  for (let s = 0; s < segments; s++) {
    const a = breakpoints[s];
    const h = (breakpoints[s + 1] - a) / panelsPerSegment;
    for (let p = 0; p < panelsPerSegment; p++) {
      const mid = a + (p + 0.5) * h;
      for (let i = 0; i < order; i++) {
        nodes[k] = mid + (h / 2) * base.nodes[i];
        weights[k] = (h / 2) * base.weights[i];
        k++;
      }
    }
  }
  return { nodes, weights };
}

import type { StieltjesFunction } from './spectralMeasure.js';

/**
 * Moments m_k = ∫ x^k μ(dx), k = 1..kmax, of any measure given by its Stieltjes transform, by contour
 * integration: m(z) = −Σ_k m_k / z^{k+1} outside the support, so m_k = −(1/2πi) ∮ z^k m(z) dz on a circle
 * around the support. The trapezoid rule on a circle converges geometrically (m is analytic in the
 * annulus), and m(z̄) = conj m(z) lets us evaluate on the upper half only. The circle is centred at the
 * middle of [lo, hi] with radius 1.5× the half-width (plus a margin), and crosses the real axis only
 * outside the support, where every solver here is well conditioned.
 * Accuracy ~1e-12 relative for kmax ≤ 8 with 256 nodes (checked against closed forms in the tests).
 */
export function stieltjesMoments(m: StieltjesFunction, support: [number, number], kmax: number, nodes = 256): Float64Array {
  const [lo, hi] = support;
  if (!(hi >= lo)) throw new RangeError(`stieltjesMoments: bad support [${lo}, ${hi}]`);
  const c = 0.5 * (lo + hi);
  const r = Math.max(1.5 * 0.5 * (hi - lo), 0.5 * (hi - lo) + 0.5, 1e-3);
  const out = new Float64Array(kmax);
  const tmp = new Float64Array(4);
  // Nodes at angles (j + ½)π/N, j = 0..N−1, in the upper half; the lower half contributes the conjugate.
  const N = nodes;
  for (let j = 0; j < N; j++) {
    const phi = ((j + 0.5) * Math.PI) / N;
    const zr = c + r * Math.cos(phi);
    const zi = r * Math.sin(phi);
    m(zr, zi, tmp);
    // dz = i r e^{iφ} dφ; term = z^k m(z) dz
    const dzr = -r * Math.sin(phi);
    const dzi = r * Math.cos(phi);
    let pr = 1;
    let pi = 0;
    for (let k = 1; k <= kmax; k++) {
      const npr = pr * zr - pi * zi;
      const npi = pr * zi + pi * zr;
      pr = npr;
      pi = npi;
      // f = z^k m(z) dz/dφ
      const fr0 = pr * tmp[0] - pi * tmp[1];
      const fi0 = pr * tmp[1] + pi * tmp[0];
      // Only Im f survives the mirror pairing below.
      const fi = fr0 * dzi + fi0 * dzr;
      // The mirror node −φ contributes f(−φ) = −conj f(φ), so each pair sums to 2i·Im f(φ).
      out[k - 1] += fi;
    }
  }
  // m_k = −(1/2πi)·∮ = −(1/2πi)·(2i Σ Im f)(π/N) = −(1/N) Σ Im f
  for (let k = 0; k < kmax; k++) out[k] = -out[k] / N;
  return out;
}

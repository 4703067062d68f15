const EPS = 2 ** -52;
const MAX_ITERATIONS = 200;

/**
 * Roots of the secular equation of a rank-one update D + ρ w wᵀ (LAPACK DLAED4's problem):
 *
 *   f(λ) = 1/ρ + Σ_j w_j² / (d_j − λ) = 0,   d ascending and distinct, w_j ≠ 0, ρ > 0.
 *
 * f increases from −∞ to +∞ between consecutive poles, so root i lies in (d_i, d_{i+1}) and the last in
 * (d_{K−1}, d_{K−1} + ρ‖w‖²]. Each root is returned as an origin pole and an offset, λ_i = d[org_i] + τ_i,
 * with the origin the nearer pole: differences d_j − λ_i = (d_j − d_org) − τ are then accurate to
 * relative precision, which is what makes the eigenvectors of Gu & Eisenstat (1994) orthogonal.
 *
 * Iteration: Gragg's fixed-weight scheme (R.-C. Li's "middle way" family, as in DLAED4): the sums over
 * the poles left and right of the root are each replaced by a constant plus one pole at the nearest
 * d, matched in value and slope at the current point, and the two-pole model is solved exactly. It is
 * safeguarded by a bracket that every evaluation of f shrinks; a step leaving the bracket bisects.
 * Stopping test as DLAED4: |f| ≤ ε·(8(φ − ψ) + 2/ρ + 3|τ|(ψ' + φ')), the rounding level of f.
 */
export function secularRoots(
  K: number, d: ArrayLike<number>, w: ArrayLike<number>, rho: number,
  org: Int32Array, tau: Float64Array,
): void {
  const rhoInv = 1 / rho;
  let wNorm2 = 0;
  for (let j = 0; j < K; j++) wNorm2 += w[j] * w[j];
  for (let i = 0; i < K; i++) {
    const last = i === K - 1;
    let o: number;
    let lo: number;
    let hi: number;
    let t: number;
    if (last) {
      o = i;
      lo = 0;
      hi = rho * wNorm2;
      t = hi;
    } else {
      const gap = d[i + 1] - d[i];
      const mid = 0.5 * gap;
      // Sign of f at the midpoint tells which half holds the root, hence the nearer pole.
      let f = rhoInv;
      for (let j = 0; j < K; j++) f += (w[j] * w[j]) / (d[j] - d[i] - mid);
      if (f >= 0) {
        o = i;
        lo = 0;
        hi = mid;
        t = mid;
      } else {
        o = i + 1;
        lo = -mid;
        hi = 0;
        t = -mid;
      }
    }
    const dOrg = d[o];
    const p = d[i] - dOrg; // offset of the left pole from the origin (0 or −gap)
    const q = last ? 0 : d[i + 1] - dOrg; // right pole (gap or 0)
    let converged = false;
    for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
      let psi = 0;
      let dpsi = 0;
      let phi = 0;
      let dphi = 0;
      for (let j = 0; j <= i; j++) {
        const r = w[j] / (d[j] - dOrg - t);
        psi += w[j] * r;
        dpsi += r * r;
      }
      for (let j = i + 1; j < K; j++) {
        const r = w[j] / (d[j] - dOrg - t);
        phi += w[j] * r;
        dphi += r * r;
      }
      const f = rhoInv + psi + phi;
      const bound = EPS * (8 * (phi - psi) + 2 * rhoInv + 3 * Math.abs(t) * (dpsi + dphi));
      if (Math.abs(f) <= bound || !Number.isFinite(f)) {
        converged = Number.isFinite(f);
        break;
      }
      if (f > 0) hi = t;
      else lo = t;
      if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
        converged = true;
        break;
      }
      // Two-pole model c + b/(d_i − λ) + B/(d_{i+1} − λ), matched in value and slope at t.
      const di = p - t;
      const b = di * di * dpsi;
      let next: number;
      if (last) {
        const c = rhoInv + psi - di * dpsi;
        next = c > 0 ? b / c : NaN;
      } else {
        const di1 = q - t;
        const B = di1 * di1 * dphi;
        const c = rhoInv + (psi - di * dpsi) + (phi - di1 * dphi);
        const gap = q - p;
        if (o === i) {
          // x = λ − d_i ∈ (0, gap): c x² − (c·gap + b + B) x + b·gap = 0, smaller root in stable form.
          const beta = c * gap + b + B;
          const disc = (c * gap + B - b) ** 2 + 4 * b * B;
          next = p + (2 * b * gap) / (beta + Math.sqrt(disc));
        } else {
          // y = d_{i+1} − λ ∈ (0, gap): the mirror image (c → −c, b ↔ B).
          const beta = -c * gap + b + B;
          const disc = (-c * gap + b - B) ** 2 + 4 * b * B;
          next = q - (2 * B * gap) / (beta + Math.sqrt(disc));
        }
      }
      t = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
    if (!converged) throw new Error(`secular equation: root ${i} of ${K} did not converge in ${MAX_ITERATIONS} iterations`);
    org[i] = o;
    tau[i] = t;
  }
}

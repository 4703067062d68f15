import { describe, expect, it } from 'vitest';
import { activationConstants } from './activations.js';
import { cdfEvaluator } from './cdfFromDensity.js';
import { ckChain } from './ckChain.js';
import { ckChainFixedPoint } from './ckChainFixedPoint.js';
import { ckCriticalPoints } from './ckCriticalPoints.js';
import { ckDensityCurve } from './ckDensityCurve.js';
import { ckMoments } from './ckMoments.js';
import { densityCurve } from './densityCurve.js';
import { densityMoments } from './densityMoments.js';
import { mpStieltjes } from './marchenkoPastur.js';
import { mpMap, mpMapRightEdge } from './mpMap.js';
import { atomsMeasure, mpMeasure } from './spectralMeasure.js';
import { stieltjesMoments } from './stieltjesMoments.js';

const tanh = activationConstants('tanh');
// Depth-3 tanh of MATH.md §2.7: n = 2000, d = (2000, 3000, 1500, 2500).
const DEPTH3 = { mu0: mpMeasure(1), b: tanh.b, gammas: [2000 / 3000, 2000 / 1500, 2000 / 2500] };

describe('CK chain (MATH.md §2.5)', () => {
  it('the forward-map identity holds: solving at z_L = Φ(z_0) returns M_L to 1e-12', () => {
    for (const opts of [DEPTH3, { mu0: mpMeasure(0.5), b: activationConstants('relu').b, gammas: [0.5, 1.5, 0.8, 1.2, 0.6, 1.4, 0.9, 1.1, 0.7, 1.3] }]) {
      const chain = ckChain(opts);
      for (const z0 of [{ re: 1, im: 3 }, { re: -2, im: 5 }, { re: 4, im: 3.5 }]) {
        const f = chain.forwardMap(z0);
        const L = chain.L;
        if (!f.z.slice(0, L).every((z) => z.im > 0)) continue;
        chain.reset();
        const m = chain.stieltjes(f.z[L]);
        const ref = f.m[L];
        expect(Math.hypot(m.re - ref.re, m.im - ref.im) / Math.hypot(ref.re, ref.im)).toBeLessThan(1e-12);
      }
    }
  });

  it('the Newton forward-map solver agrees with the §2.5 damped fixed point to 1e-10', () => {
    const chain = ckChain(DEPTH3);
    for (const z of [{ re: 1, im: 1 }, { re: 3, im: 0.01 }, { re: 0.5, im: 1e-5 }, { re: 12, im: 1e-7 }, { re: -1, im: 1e-3 }]) {
      const a = chain.stieltjes(z);
      const b = ckChainFixedPoint(DEPTH3, z).m;
      expect(Math.hypot(a.re - b.re, a.im - b.im) / Math.hypot(b.re, b.im)).toBeLessThan(1e-10);
    }
  });

  it('Stieltjes invariants hold along a grid: Im m > 0 and |m| ≤ 1/Im z', () => {
    const chain = ckChain(DEPTH3);
    const out = new Float64Array(4);
    for (const y of [1e-8, 1e-3, 0.5]) {
      for (let x = -1; x <= 12; x += 0.05) {
        chain.evaluate(x, y, out);
        expect(out[1]).toBeGreaterThan(0);
        expect(Math.hypot(out[0], out[1]) * y).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });

  it('one layer over δ_1 is closed-form MP_γ for any b, and cos (b = 0) is pure MP at every depth', () => {
    for (const b of [1, 0.7, 0.3]) {
      const chain = ckChain({ mu0: atomsMeasure([1]), b, gammas: [0.6] });
      for (const z of [{ re: 1, im: 0.5 }, { re: 2.4, im: 1e-6 }]) {
        const m = chain.stieltjes(z);
        const r = mpStieltjes(z, 0.6);
        expect(Math.hypot(m.re - r.re, m.im - r.im)).toBeLessThan(1e-12);
      }
    }
    const cos = activationConstants('cos');
    const chain = ckChain({ mu0: mpMeasure(1), b: cos.b, gammas: [0.5, 2, 0.7] });
    expect(chain.pure).toBe(true);
    const m = chain.stieltjes({ re: 1.2, im: 0.1 });
    const r = mpStieltjes({ re: 1.2, im: 0.1 }, 0.7);
    expect(m).toEqual(r);
  });

  it('linear σ gives iterated MP: moments follow m_2 = m_2(ν) + γ m_1(ν)² and the atom is 1 − 1/max γ', () => {
    const gammas = [0.5, 1.5, 0.8];
    const chain = ckChain({ mu0: mpMeasure(0.7), b: 1, gammas });
    const mom = stieltjesMoments(chain.evaluate, [0, 12], 3);
    expect(Math.abs(mom[0] - 1)).toBeLessThan(1e-10);
    expect(Math.abs(mom[1] - (1.7 + 0.5 + 1.5 + 0.8))).toBeLessThan(1e-9);
    expect(chain.atomAtZero).toBeCloseTo(1 - 1 / 1.5, 15);
    // Same law as composing the one-layer map by hand at L = 1: MP_0.5 ⊠ MP_0.7.
    const one = ckChain({ mu0: mpMeasure(0.7), b: 1, gammas: [0.5] });
    const viaMap = mpMap(mpMeasure(0.7), 0.5);
    const z = { re: 1.3, im: 0.02 };
    const a = one.stieltjes(z);
    const b = viaMap.stieltjes(z);
    expect(Math.hypot(a.re - b.re, a.im - b.im)).toBeLessThan(1e-14);
  });

  it('theory moments from the Stieltjes contour equal the closed-form recursion to 1e-8', () => {
    for (const act of ['tanh', 'relu', 'sin'] as const) {
      const { b } = activationConstants(act);
      const gammas = [0.7, 1.3, 0.9, 1.6];
      const chain = ckChain({ mu0: mpMeasure(0.8), b, gammas });
      const E = ckCriticalPoints(chain, mpMeasure(0.8))[3].edge;
      const mom = stieltjesMoments(chain.evaluate, [0, E], 2);
      const ref = ckMoments(1, 1.8, b, gammas);
      expect(Math.abs(mom[0] - ref.m1[4])).toBeLessThan(1e-8);
      expect(Math.abs(mom[1] - ref.m2[4])).toBeLessThan(1e-8);
    }
  });

  it('the two-atom example ν = ½δ_1 + ½δ_4, γ = ½ has m_1 = 2.5, m_2 = 11.625, E₊ = 9.300 and the §2.7 CDF', () => {
    const nu = atomsMeasure([1, 4], [0.5, 0.5]);
    expect(Math.abs(mpMapRightEdge(nu, 0.5) - 9.3)).toBeLessThan(5e-4);
    const chain = mpMap(nu, 0.5);
    expect(chain.moments.m1).toBeCloseTo(2.5, 14);
    expect(chain.moments.m2).toBeCloseTo(11.625, 13);
    const crit = ckCriticalPoints(chain, nu);
    expect(Math.abs(crit[0].edge - mpMapRightEdge(nu, 0.5))).toBeLessThan(1e-9);
    const curve = densityCurve(chain.evaluate, { range: [0, 10] });
    const F = cdfEvaluator(curve);
    // ε → 0 values (checked independently by scipy on the cubic for m̲): 0.55308, 0.75130.
    // MATH.md quotes 0.5525 / 0.7507 (simulation 0.5530 / 0.7515): its theory numbers are ~6e-4 low.
    expect(Math.abs(F(2) - 0.55308)).toBeLessThan(2e-5);
    expect(Math.abs(F(4) - 0.7513)).toBeLessThan(2e-5);
    expect(Math.abs(F(2) - 0.5525)).toBeLessThan(1e-3);
    expect(Math.abs(F(4) - 0.7507)).toBeLessThan(1e-3);
    const mom = densityMoments(curve, 2);
    expect(Math.abs(mom[0] - 2.5)).toBeLessThan(1e-4);
    expect(Math.abs(mom[1] - 11.625)).toBeLessThan(1e-3);
    expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
  });

  it('depth-3 tanh (§2.7 table): CDF at 1, 3, 5, 7, m_2 = 4.1030 and the right edge', () => {
    const curve = ckDensityCurve(DEPTH3, { epsilonFloor: 1e-9 });
    const F = cdfEvaluator(curve);
    const table = [0.7425, 0.888, 0.9465, 0.9781];
    [1, 3, 5, 7].forEach((x, i) => expect(Math.abs(F(x) - table[i])).toBeLessThan(2.5e-4));
    // Converged (ε → 0) values; the §2.7 entry at x = 1 is 1.8e-4 low.
    expect(Math.abs(F(1) - 0.74268)).toBeLessThan(2e-5);
    expect(Math.abs(F(7) - 0.97817)).toBeLessThan(2e-5);
    expect(Math.abs(ckMoments(1, 2, tanh.b, DEPTH3.gammas).m2[3] - 4.103)).toBeLessThan(5e-5);
    expect(Math.abs(densityMoments(curve, 2)[1] - 4.10303)).toBeLessThan(1e-3);
    // Exact edge from the forward map is 10.3195; the density there is ~1e-3 at 10.26 (the §2.7 "≈ 10.26").
    expect(Math.abs(curve.layerEdges[2] - 10.31952)).toBeLessThan(1e-4);
    expect(Math.abs(curve.edges[curve.edges.length - 1][1] - curve.layerEdges[2])).toBeLessThan(1e-6);
    expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
  });

  it('γ > 1 in the layer before puts a separate small bulk near (1−b²)(1 ± √γ)², resolved down to ~1e-4', () => {
    // Layer 1 has γ = 3 (atom 2/3 at 0 in μ_1) → ν_2 has an atom at 1 − b² → μ_2 has a small bulk there.
    const relu = activationConstants('relu');
    const curve = ckDensityCurve({ mu0: mpMeasure(0.5), b: relu.b, gammas: [3, 0.3] });
    const c = 1 - relu.b ** 2;
    expect(curve.edges.length).toBe(2);
    const [small] = curve.edges;
    expect(small[0]).toBeGreaterThan(0.5 * c * (1 - Math.sqrt(0.3)) ** 2);
    expect(small[1]).toBeLessThan(2 * c * (1 + Math.sqrt(0.3)) ** 2);
    expect(Math.abs(curve.mass - 1)).toBeLessThan(1e-4);
    // The small bulk carries the atom's mass 2/3 (the rest of ν_2 is far to the right).
    const F = cdfEvaluator(curve);
    expect(Math.abs(F(0.5 * (small[1] + curve.edges[1][0])) - 2 / 3)).toBeLessThan(1e-3);
  });
});

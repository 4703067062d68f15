import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { eigvecOverlap, eigvecOverlapParams } from './index.js';
import { overlapTheory } from './overlapTheory.js';

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1) => eigvecOverlap.run(eigvecOverlapParams.parse(raw), ctx(seed));

beforeAll(() => initLinalg());

describe('eigenvector overlaps under Dyson Brownian motion (MATH.md §10)', () => {
  it('the stationary overlap profile at n = 1000, t = 0.02, |λ| < 0.3 is within 10% of the Lorentzian at its peak', async () => {
    // Bins of width t/2 (24 over ±6t), as in MATH.md §10.3's check table; at n = 1000 the simulated
    // peak sits a few percent below the n → ∞ formula (46.7 vs 44–45 here, 46.6 at n = 2000).
    const r = await run({ n: 1000, t: 0.02, window: 0.3, bins: 24, range: 6, draws: 3, perIndex: null });
    expect(r.peak.theory).toBeGreaterThan(40);
    expect(Math.abs(r.peak.simulation / r.peak.theory - 1)).toBeLessThan(0.1);
    // The tails agree too: at Δ ≈ ±0.095 MATH.md lists 2.23 (simulation) vs 2.13 (formula).
    const k = r.profile.x.findIndex((x) => Math.abs(x - 0.095) < 1e-9);
    expect(k).toBeGreaterThan(0);
    expect(Math.abs(r.profile.theory[k] - 2.13)).toBeLessThan(0.15);
    expect(Math.abs(r.profile.simulation[k] / r.profile.theory[k] - 1)).toBeLessThan(0.2);
    // Σ_j ⟨u_i, v_j⟩² = 1 exactly: row i of UᵀV is a unit vector.
    expect(r.sumRule).toBeCloseTo(1, 10);
    expect(r.rowsPerDraw).toBeGreaterThan(150);
  });

  it('the formula is the seed’s t/((λ − μ)² + C t²) with C = 1 − λ²/4, and the additive shift vanishes at the centre', () => {
    expect(overlapTheory('stationary', 0.02, 0, 0)).toBeCloseTo(50, 12);
    expect(overlapTheory('stationary', 0.02, 1, 1)).toBeCloseTo(0.02 / (0.75 * 0.0004), 10);
    // additive at λ = μ = 0: s² = 1 + t, ρ_B(0) = 1/(π s), so the peak is t/(t²/s²) = (1 + t)/t.
    expect(overlapTheory('additive', 0.02, 0, 0)).toBeCloseTo(1.02 / 0.02, 10);
  });

  it('the per-index overlaps ⟨u_i, v_j⟩² of a correlated Erdős–Rényi pair peak at j = i and shrink as δ grows', async () => {
    const base = { n: 40, draws: 1, perIndex: { n: 200, p: 0.5, i: 40, halfWidth: 10, draws: 6 } };
    const near = await run({ ...base, perIndex: { ...base.perIndex, delta: 0.001 } });
    const far = await run({ ...base, perIndex: { ...base.perIndex, delta: 0.05 } });
    const pi = near.perIndex!;
    expect([...pi.j]).toEqual(Array.from({ length: 21 }, (_, k) => 30 + k));
    const at = (r: typeof near, j: number) => r.perIndex!.overlap[j - 30];
    expect(at(near, 40)).toBeGreaterThan(0.5);
    for (const j of [30, 35, 45, 50]) expect(at(near, j)).toBeLessThan(at(near, 40));
    expect(at(far, 40)).toBeLessThan(at(near, 40));
    const total = Array.from(far.perIndex!.overlap).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('refuses bad parameters naming the field, and huge n with a memory estimate', () => {
    const bad = (raw: unknown) => {
      const r = eigvecOverlapParams.safeParse(raw);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(bad({ t: 0 })).toBe('t: t must be positive (the Brownian time)');
    expect(bad({ t: 2 })).toMatch(/^t: the stationary variant needs t ≤ 1/);
    expect(bad({ perIndex: { p: 1.5 } })).toMatch(/^perIndex\.p: p must be strictly between 0 and 1/);
    expect(bad({ perIndex: { p: 0.9, delta: 0.5 } })).toMatch(/^perIndex\.delta: delta·p = 0\.45 exceeds 1 − p/);
    expect(bad({ perIndex: { n: 50, i: 80 } })).toMatch(/^perIndex\.i: i = 80 exceeds n = 50/);
    expect(bad({ n: 12000 })).toMatch(/^n: n = 12000 needs about 8\.6 GiB \(about 8 dense n×n float64 matrices\); the limit is 6\.0 GiB\. Reduce n\./);
  });
});

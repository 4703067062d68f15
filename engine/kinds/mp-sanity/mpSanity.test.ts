import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { mpSanity, mpSanityParams } from './index.js';
import { marchenkoPasturLaw } from './mpTheory.js';

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1) => mpSanity.run(mpSanityParams.parse(raw), ctx(seed));

beforeAll(() => initLinalg());

describe('Marchenko–Pastur law (closed form)', () => {
  it('the bulk integrates to 1 when γ ≤ 1 and to 1/γ when γ > 1, matching the atom', () => {
    expect(marchenkoPasturLaw(0.5).bulkCdf(10)).toBeCloseTo(1, 10);
    const law = marchenkoPasturLaw(2);
    expect(law.bulkCdf(100) + law.atom).toBeCloseTo(1, 10);
    expect(law.atom).toBeCloseTo(0.5, 15);
  });

  it('has mean 1 and second moment 1 + γ (MATH.md §2.7)', () => {
    const law = marchenkoPasturLaw(0.3);
    let m1 = 0, m2 = 0;
    const steps = 200_000, h = (law.upper - law.lower) / steps;
    for (let i = 0; i < steps; i++) {
      const x = law.lower + (i + 0.5) * h;
      m1 += x * law.density(x) * h;
      m2 += x * x * law.density(x) * h;
    }
    expect(m1).toBeCloseTo(1, 5);
    expect(m2).toBeCloseTo(1.3, 5);
  });
});

describe('mp-sanity', () => {
  it('the ESD of XᵀX at n = 1000, d = 2000 is within L1 0.05 and KS 0.02 of Marchenko–Pastur', async () => {
    const r = await run({ n: 1000, d: 2000 });
    expect(r.diagnostics.l1).toBeLessThan(0.05);
    expect(r.diagnostics.ks).toBeLessThan(0.02);
    expect(r.eigenvalues.length).toBe(1000);
    // trace(XᵀX) = ‖X‖²_F ≈ n (mean eigenvalue 1), within 4 standard deviations (sd = √(2n/d)/√n·…)
    const mean = r.eigenvalues.reduce((a, b) => a + b, 0) / 1000;
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(2 / (1000 * 2000)) * Math.sqrt(1000));
  });

  it('at γ = 2 the atom at zero has mass within 0.01 of 1 − 1/γ, for every entry law', async () => {
    for (const entries of ['gaussian', 'rademacher', 'uniform']) {
      const r = await run({ n: 600, d: 300, entries });
      expect(Math.abs(r.diagnostics.atomMassEmpirical - 0.5)).toBeLessThan(0.01);
      expect(r.diagnostics.atomMassTheory).toBeCloseTo(0.5, 12);
      expect(r.diagnostics.ks).toBeLessThan(0.03);
    }
  });

  it('the same seed gives bit-identical eigenvalues; another seed does not', async () => {
    const a = await run({ n: 200, d: 300 }, 7);
    const b = await run({ n: 200, d: 300 }, 7);
    const c = await run({ n: 200, d: 300 }, 8);
    expect(Buffer.from(a.eigenvalues.buffer).equals(Buffer.from(b.eigenvalues.buffer))).toBe(true);
    expect(Buffer.from(a.eigenvalues.buffer).equals(Buffer.from(c.eigenvalues.buffer))).toBe(false);
  });

  it('refuses bad sizes naming the field, and huge sizes with a memory estimate', () => {
    const bad = (raw: unknown) => {
      const r = mpSanityParams.safeParse(raw);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(bad({ n: -5 })).toMatch(/^n: n must be at least 2/);
    expect(bad({ d: 'abc' })).toMatch(/^d: /);
    expect(bad({ n: 1e9 })).toMatch(/^n: n must be at most 20000/);
    expect(bad({ n: 1.5 })).toMatch(/whole number/);
    expect(bad({ n: 20000, d: 20000 })).toMatch(/GiB/);
  });
});

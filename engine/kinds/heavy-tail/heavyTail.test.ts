import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { symmetricPareto } from '../../random/alphaStable.js';
import { hillEstimator } from '../../rmt/hillEstimator.js';
import { powerLawFit } from '../../rmt/powerLawFit.js';
import { heavyTail, heavyTailParams } from './index.js';
import { drawWeights } from './heavyWeights.js';

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1) => heavyTail.run(heavyTailParams.parse(raw), ctx(seed));

beforeAll(() => initLinalg());

describe('heavy-tail kind', () => {
  it('α = 2 reproduces the Gaussian case: KS distance to the ck-ntk limit below 0.03 at n = 1000', async () => {
    const r = await run({ n: 1000, d: 1000, N: 1000, weights: { type: 'alpha-stable', alpha: 2 }, repeats: 1 });
    expect(r.baseline.weightScale).toBeCloseTo(Math.SQRT2, 12); // N(0, 2) entries
    expect(r.ksToBaseline).toBeLessThan(0.03);
    const g = await run({ n: 1000, d: 1000, N: 1000, weights: { type: 'gaussian' }, repeats: 1 });
    expect(g.ksToBaseline).toBeLessThan(0.03);
  });

  it('the first moment predicted from the gains is within 2% of the empirical one, for α ∈ {1.5, 1, 0.5}', async () => {
    for (const alpha of [1.5, 1, 0.5]) {
      const r = await run({ n: 600, d: 600, N: 600, weights: { type: 'alpha-stable', alpha }, repeats: 2 }, 4);
      expect(Math.abs(r.firstMomentFromGains / r.moments.mean[0] - 1)).toBeLessThan(0.02);
    }
  });

  it('matches the MATH.md §8.4 reference moments (n = d = N = 1000, raw tanh) within 10% for m₂ and 15% for m₄', async () => {
    const table: [Record<string, unknown>, number, number][] = [
      [{ type: 'gaussian' }, 0.445, 1.16],
      [{ type: 'alpha-stable', alpha: 1.5 }, 0.719, 3.1],
    ];
    for (const [weights, m2, m4] of table) {
      const r = await run({ n: 1000, d: 1000, N: 1000, weights, repeats: 1 });
      expect(Math.abs(r.moments.mean[1] / m2 - 1)).toBeLessThan(0.1);
      expect(Math.abs(r.moments.mean[3] / m4 - 1)).toBeLessThan(0.15);
    }
  });

  it('huge α-stable draws are never clipped and never produce NaN/Inf in K', async () => {
    const w = drawWeights({ type: 'alpha-stable', alpha: 0.5 }, 300, 300, new Rng(5));
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    expect(max).toBeGreaterThan(1e3); // S/d² with S up to ~10¹⁰ among 9·10⁴ draws
    expect(w.every(Number.isFinite)).toBe(true);
    const r = await run({ n: 300, d: 300, N: 300, weights: { type: 'alpha-stable', alpha: 0.5 }, repeats: 1 }, 5);
    expect(r.eigenvalues.every(Number.isFinite)).toBe(true);
    expect(r.moments.mean.every(Number.isFinite)).toBe(true);
    // The weights' ESD is heavy-tailed: a small fitted exponent.
    expect(r.weightTail!.alpha).toBeLessThan(2.5);
  });

  it('the preactivation scale does not drift as d doubles (MATH.md §8.1 self-check)', async () => {
    const a = await run({ n: 300, d: 500, N: 300, weights: { type: 'alpha-stable', alpha: 1.5 }, repeats: 1 }, 6);
    const b = await run({ n: 300, d: 1000, N: 300, weights: { type: 'alpha-stable', alpha: 1.5 }, repeats: 1 }, 6);
    expect(Math.abs(a.medianPreactivation / b.medianPreactivation - 1)).toBeLessThan(0.1);
  });

  it('the Hill estimator and the xmin scan recover a known Pareto exponent', () => {
    // |X| + 1 is Pareto with xmin = 1 and tail index α (density exponent α + 1).
    const rng = new Rng(7), alpha = 2.5;
    const x = Float64Array.from({ length: 100_000 }, () => Math.abs(symmetricPareto(rng, alpha)) + 1);
    expect(Math.abs(hillEstimator(x, 10_000).tailIndex - alpha)).toBeLessThan(0.05 * alpha);
    const fit = powerLawFit(x, { minTail: 100 });
    expect(Math.abs(fit.alpha - (alpha + 1))).toBeLessThan(0.1);
  });

  it('refuses α outside (0, 2], ν ≤ 0, c ≤ 0 or c > d, naming the field', () => {
    const msg = (raw: unknown) => {
      const r = heavyTailParams.safeParse(raw);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(msg({ weights: { type: 'alpha-stable', alpha: 2.5 } })).toMatch(/^weights\.alpha: α must be in \(0, 2\]/);
    expect(msg({ weights: { type: 'alpha-stable', alpha: 0 } })).toMatch(/^weights\.alpha/);
    expect(msg({ weights: { type: 'student-t', nu: 0 } })).toMatch(/^weights\.nu: ν must be positive/);
    expect(msg({ weights: { type: 'sparse', c: -1 } })).toMatch(/^weights\.c: c must be positive/);
    expect(msg({ d: 100, weights: { type: 'sparse', c: 500 } })).toMatch(/^weights\.c: c must be at most d = 100/);
  });
});

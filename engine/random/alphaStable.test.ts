import { describe, expect, it } from 'vitest';
import { Rng } from './Rng.js';
import { alphaStable, gamma, studentT, symmetricPareto } from './alphaStable.js';

describe('Chambers–Mallows–Stuck α-stable sampler', () => {
  it('matches the characteristic function exp(−|t|^α) within 0.01 on 10⁶ draws for α ∈ {0.5, 1, 1.5, 1.9}', () => {
    for (const alpha of [0.5, 1, 1.5, 1.9]) {
      const rng = new Rng(101).fork(`alpha-${alpha}`);
      const ts = [0.3, 1, 2];
      const acc = ts.map(() => 0);
      const draws = 1_000_000;
      let nonFinite = 0;
      for (let i = 0; i < draws; i++) {
        const s = alphaStable(rng, alpha);
        if (!Number.isFinite(s)) nonFinite++; // huge values are fine, NaN/Inf are not
        for (let k = 0; k < ts.length; k++) acc[k] += Math.cos(ts[k] * s);
      }
      expect(nonFinite).toBe(0);
      ts.forEach((t, k) => expect(Math.abs(acc[k] / draws - Math.exp(-(t ** alpha)))).toBeLessThan(0.01));
    }
  });

  it('at α = 2 gives N(0, 2): variance 2 within 4 standard errors', () => {
    const rng = new Rng(3), n = 200_000;
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += alphaStable(rng, 2) ** 2;
    expect(Math.abs(s2 / n - 2)).toBeLessThan(4 * Math.sqrt(8 / n));
  });

  it('heavy tails are not clipped: at α = 0.5 the largest of 10⁵ draws exceeds 10⁸ (P(|S| > x) ~ c·x^{−1/2})', () => {
    const rng = new Rng(4);
    let max = 0;
    for (let i = 0; i < 100_000; i++) max = Math.max(max, Math.abs(alphaStable(rng, 0.5)));
    expect(max).toBeGreaterThan(1e8);
    expect(Number.isFinite(max)).toBe(true);
  });
});

describe('other heavy-tailed laws', () => {
  it('Gamma(k) has mean k and variance k within 4 standard errors', () => {
    for (const k of [0.5, 2.5]) {
      const rng = new Rng(8), n = 200_000;
      let m = 0, m2 = 0;
      for (let i = 0; i < n; i++) { const g = gamma(rng, k); m += g; m2 += g * g; }
      m /= n;
      expect(Math.abs(m - k)).toBeLessThan(4 * Math.sqrt(k / n));
      expect(Math.abs(m2 / n - m * m - k)).toBeLessThan(0.05 * k);
    }
  });

  it('Student-t with ν = 5 has variance ν/(ν−2) = 5/3 within 3%', () => {
    const rng = new Rng(9), n = 400_000;
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += studentT(rng, 5) ** 2;
    expect(Math.abs(s2 / n / (5 / 3) - 1)).toBeLessThan(0.03);
  });

  it('symmetric Pareto has P(|X| > x) = (1 + x)^{−α} within 4 standard errors at x = 3', () => {
    const rng = new Rng(10), n = 200_000, alpha = 1.5;
    let over = 0;
    for (let i = 0; i < n; i++) if (Math.abs(symmetricPareto(rng, alpha)) > 3) over++;
    const p = 4 ** -alpha;
    expect(Math.abs(over / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

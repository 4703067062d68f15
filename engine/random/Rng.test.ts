import { describe, expect, it } from 'vitest';
import { Rng } from './Rng.js';
import { fillEntries } from './entryDistribution.js';

describe('Rng', () => {
  it('the same seed gives bit-identical streams, a different seed a different one', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const xa = Array.from({ length: 1000 }, () => a.normal());
    const xb = Array.from({ length: 1000 }, () => b.normal());
    const xc = Array.from({ length: 1000 }, () => c.normal());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('uniforms lie in [0,1) with mean 1/2 and variance 1/12 within 4 standard errors', () => {
    const r = new Rng(7), n = 200_000;
    let s = 0, s2 = 0, outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u; s2 += u * u;
    }
    expect(outside).toBe(0);
    const mean = s / n, v = s2 / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(v - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });

  it('normals have mean 0, variance 1 and fourth moment 3 within 4 standard errors', () => {
    const r = new Rng(1), n = 400_000;
    let m1 = 0, m2 = 0, m4 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      m1 += x; m2 += x * x; m4 += x ** 4;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('every entry law has mean 0 and variance 1 within 4 standard errors', () => {
    for (const law of ['gaussian', 'rademacher', 'uniform'] as const) {
      const out = new Float64Array(200_000);
      fillEntries(new Rng(3).fork(law), law, out);
      let m1 = 0, m2 = 0;
      for (const x of out) { m1 += x; m2 += x * x; }
      expect(Math.abs(m1 / out.length)).toBeLessThan(4 / Math.sqrt(out.length));
      expect(Math.abs(m2 / out.length - 1)).toBeLessThan(4 * Math.sqrt(2 / out.length));
    }
  });

  it('int(n) is unbiased on a small range (chi-square below the 0.1% critical value)', () => {
    const r = new Rng(9), counts = new Array(7).fill(0), n = 70_000;
    for (let i = 0; i < n; i++) counts[r.int(7)]++;
    const chi2 = counts.reduce((acc, c) => acc + (c - n / 7) ** 2 / (n / 7), 0);
    expect(chi2).toBeLessThan(22.46); // chi-square, 6 degrees of freedom, p = 0.001
  });

  it('forked streams are deterministic and differ by label', () => {
    const a = new Rng(5).fork('layer-1').normal();
    expect(new Rng(5).fork('layer-1').normal()).toBe(a);
    expect(new Rng(5).fork('layer-2').normal()).not.toBe(a);
  });

  it('refuses seeds that are not 32-bit unsigned integers', () => {
    expect(() => new Rng(-1)).toThrow(/seed/);
    expect(() => new Rng(1.5)).toThrow(/seed/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, elementwiseActivation, normalisedActivation } from '../rmt/activations.js';
import { erf } from '../rmt/erf.js';
import { ACTIVATION_CODES, applyActivation, applyActivationF32, fillGaussian, initLinalg, linalgInfo } from './index.js';
import { fillGaussianJs, GAUSSIAN_CHUNK } from './js/gaussianJs.js';
import { jsBackend } from './js/jsBackend.js';
import { bitsEqual } from './testing/testMatrices.js';

beforeAll(async () => {
  await initLinalg();
});
afterAll(async () => {
  await initLinalg({ threads: 2 });
});

/** Grid over [−12, 12] plus the points where formulas switch branches (erf at ±2, ±6.5; logistic at 0). */
function grid(): Float64Array {
  const xs: number[] = [0, -0, 1e-300, -1e-300, 2, -2, 6.5, -6.5, 27.3, -27.3, 40, -40, 700, -700];
  for (let k = -2400; k <= 2400; k++) xs.push(k / 200 + 1e-3 * Math.sin(k));
  return Float64Array.from(xs);
}

describe('applyActivation (WASM kernel) against rmt/activations.ts', () => {
  it('uses the same activation list as rmt', () => {
    expect([...ACTIVATION_CODES]).toEqual([...ACTIVATIONS]);
    expect(linalgInfo().backend).toBe('wasm');
  });

  for (const name of ACTIVATIONS) {
    it(`${name}: σ̃ and σ̃′ agree with the scalar closures to 1e-14 (relative to max(1, |value|)), scale applied`, () => {
      const z = grid();
      const out = new Float64Array(z.length);
      const slope = new Float64Array(z.length);
      applyActivation(elementwiseActivation(name), z, out, slope, 0.7);
      const { f, df } = normalisedActivation(name);
      let worstF = 0;
      let worstDf = 0;
      for (let i = 0; i < z.length; i++) {
        const fx = 0.7 * f(z[i]);
        const dfx = 0.7 * df(z[i]);
        worstF = Math.max(worstF, Math.abs(out[i] - fx) / Math.max(1, Math.abs(fx)));
        worstDf = Math.max(worstDf, Math.abs(slope[i] - dfx) / Math.max(1, Math.abs(dfx)));
      }
      // softplus and gelu grow like |x| (700 at the far end): still relative 1e-14.
      expect(worstF).toBeLessThan(1e-14);
      expect(worstDf).toBeLessThan(1e-14);
      // The WASM path and the fallback are not the same code: check the fallback too, exactly.
      const jsOut = new Float64Array(z.length);
      jsBackend.activate(elementwiseActivation(name), z, jsOut, null, 0.7);
      for (let i = 0; i < z.length; i += 97) expect(jsOut[i]).toBe(0.7 * f(z[i]));
    });
  }

  it('works in place, without a slope, and in float32 (rounded once from float64)', () => {
    const act = elementwiseActivation('tanh');
    const z = grid();
    const ref = new Float64Array(z.length);
    applyActivation(act, z, ref, null, 2);
    const inPlace = Float64Array.from(z);
    applyActivation(act, inPlace, inPlace, null, 2);
    expect(bitsEqual(inPlace, ref)).toBe(true);
    const z32 = Float32Array.from(z);
    const out32 = new Float32Array(z.length);
    applyActivationF32(act, z32, out32, 2);
    const ref32 = new Float64Array(z.length);
    applyActivation(act, Float64Array.from(z32), ref32, null, 2);
    for (let i = 0; i < z.length; i++) expect(out32[i]).toBe(Math.fround(ref32[i]));
  });

  it('refuses buffers of the wrong length with the name of the buffer', () => {
    expect(() => applyActivation(elementwiseActivation('relu'), new Float64Array(4), new Float64Array(3), null)).toThrow('applyActivation: out has length 3, expected 4 (same as z)');
  });
});

describe('fillGaussian', () => {
  const key = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321];

  it('draws N(0, 1): mean, variance, kurtosis and KS distance at 10⁶ draws within their sampling error', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    fillGaussian(x, key);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    let lag = 0;
    for (let i = 0; i < n; i++) {
      m1 += x[i];
      m2 += x[i] ** 2;
      m4 += x[i] ** 4;
      if (i > 0) lag += x[i] * x[i - 1];
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    lag /= n - 1;
    // Standard errors: mean 1e-3, variance √2·1e-3, fourth moment √96·1e-3, lag-1 product 1e-3; 5σ bounds.
    expect(Math.abs(m1)).toBeLessThan(5e-3);
    expect(Math.abs(m2 - 1)).toBeLessThan(7.1e-3);
    expect(Math.abs(m4 - 3)).toBeLessThan(4.9e-2);
    expect(Math.abs(lag)).toBeLessThan(5e-3);
    // KS against Φ: the 0.1 % critical value at n = 10⁶ is 1.95/√n.
    const s = Float64Array.from(x).sort();
    let ks = 0;
    const phi = (t: number) => 0.5 * (1 + erf(t / Math.SQRT2));
    for (let i = 0; i < n; i += 10) {
      const p = phi(s[i]);
      ks = Math.max(ks, Math.abs(p - i / n), Math.abs(p - (i + 1) / n));
    }
    expect(ks).toBeLessThan(1.95e-3);
  });

  it('gives uncorrelated chunks and different keys different draws', () => {
    const x = new Float64Array(2 * GAUSSIAN_CHUNK);
    fillGaussian(x, key);
    let c = 0;
    for (let i = 0; i < GAUSSIAN_CHUNK; i++) c += x[i] * x[GAUSSIAN_CHUNK + i];
    expect(Math.abs(c / GAUSSIAN_CHUNK)).toBeLessThan(5 / Math.sqrt(GAUSSIAN_CHUNK));
    const y = new Float64Array(2 * GAUSSIAN_CHUNK);
    fillGaussian(y, [key[0] ^ 1, key[1], key[2], key[3]]);
    let same = 0;
    for (let i = 0; i < y.length; i++) if (x[i] === y[i]) same++;
    expect(same).toBe(0);
  });

  it('depends on the key only: bit-identical for 1, 2 and 3 threads, prefixes agree, float32 is the rounded float64', async () => {
    const n = 3 * GAUSSIAN_CHUNK + 101;
    const runs: Float64Array[] = [];
    for (const threads of [1, 2, 3]) {
      await initLinalg({ threads });
      const x = new Float64Array(n);
      fillGaussian(x, key);
      runs.push(x);
    }
    expect(bitsEqual(runs[1], runs[0])).toBe(true);
    expect(bitsEqual(runs[2], runs[0])).toBe(true);
    const shorter = new Float64Array(GAUSSIAN_CHUNK + 7);
    fillGaussian(shorter, key);
    expect(bitsEqual(shorter.subarray(0, GAUSSIAN_CHUNK + 6), runs[0].subarray(0, GAUSSIAN_CHUNK + 6))).toBe(true);
    const f32 = new Float32Array(n);
    fillGaussian(f32, key);
    for (let i = 0; i < n; i += 13) expect(f32[i]).toBe(Math.fround(runs[0][i]));
    // The TypeScript fallback runs the same streams; only the logarithm may differ in the last bit.
    const js = new Float64Array(n);
    fillGaussianJs(js, key);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(js[i] - runs[0][i]) / Math.max(1, Math.abs(runs[0][i])));
    expect(worst).toBeLessThan(1e-15);
  });

  it('refuses a key that is not four unsigned 32-bit integers', () => {
    expect(() => fillGaussian(new Float64Array(2), [1, 2, 3])).toThrow('fillGaussian: key must be four unsigned 32-bit integers');
    expect(() => fillGaussian(new Float64Array(2), [1, 2, 3, -1])).toThrow('fillGaussian: key must be four unsigned 32-bit integers');
  });
});

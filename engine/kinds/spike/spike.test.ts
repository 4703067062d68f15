import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { spike, spikeParams } from './index.js';
import { gaussianMixture } from './spikeInput.js';

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1) => spike.run(spikeParams.parse(raw), ctx(seed));

beforeAll(() => initLinalg());

describe('spike kind', () => {
  it('with linear σ layer 0 follows the rectangular BBP formulas: outlier (1+θ)(1+γ/θ), overlap (1−γ/θ²)/(1+γ/θ)', async () => {
    const theta = 3, n = 800, d0 = 1600, gamma = n / d0;
    const r = await run({ n, d0, widths: [1600], activation: 'linear', model: { type: 'signal-plus-noise', theta: [theta] }, repeats: 3 });
    const l0 = r.layers[0];
    expect(l0.predicted.lambda).toBeCloseTo((1 + theta) * (1 + gamma / theta), 12);
    expect(l0.predicted.overlap).toBeCloseTo((1 - gamma / theta ** 2) / (1 + gamma / theta), 12);
    expect(Math.abs(l0.topEigenvalue.mean / l0.predicted.lambda - 1)).toBeLessThan(0.03);
    expect(Math.abs(l0.alignment.mean - l0.predicted.overlap)).toBeLessThan(0.05);
    // A linear layer is the same BBP map again with b = 1: still supercritical and measured as such.
    expect(r.layers[1].predicted.lost).toBe(false);
    expect(Math.abs(r.layers[1].alignment.mean - r.layers[1].predicted.cumulativeOverlap)).toBeLessThan(0.06);
  });

  it('below the threshold no outlier is predicted and the measured overlap is small (< 0.05) at n = 2000', async () => {
    const r = await run({ n: 2000, d0: 2000, widths: [2000], activation: 'tanh', model: { type: 'signal-plus-noise', theta: [0.5] }, repeats: 2 });
    expect(r.threshold).toBeGreaterThan(1); // √γ₀ = 1 at layer 0 already
    expect(r.lostAtLayer).toBe(0);
    for (const l of r.layers) {
      expect(l.predicted.lost).toBe(true);
      expect(l.alignment.mean).toBeLessThan(0.05);
      expect(l.outliers.count).toBe(0);
    }
  });

  it('tanh, two layers, n = 2000, θ = 6: outliers within 3% and cumulative alignment within 0.05 of theory over 5 repeats', async () => {
    // Outliers fluctuate at O(n^{-1/2}) (about 1.5% per draw at layer 2 here), so a mean of 5 draws sits
    // within 3% for most seeds but not all (seed 3: 3.1% at layer 2). Seed 1 is fixed, not searched for.
    const r = await run({ n: 2000, d0: 2000, widths: [2500, 2000], activation: 'tanh', model: { type: 'signal-plus-noise', theta: [6] }, repeats: 5 }, 1);
    expect(r.lostAtLayer).toBeNull();
    for (const l of r.layers) {
      expect(l.outliers.count).toBe(1);
      expect(Math.abs(l.topEigenvalue.mean / l.predicted.lambda - 1)).toBeLessThan(0.03);
      expect(Math.abs(l.alignment.mean - l.predicted.cumulativeOverlap)).toBeLessThan(0.05);
    }
    // Alignment decays with depth, as the product of per-layer overlaps.
    expect(r.layers[2].predicted.cumulativeOverlap).toBeLessThan(r.layers[1].predicted.cumulativeOverlap);
  }, 300_000);

  it('relu’s uninformative c₂ outlier is detected (span of 1/√n and the norm deviations) and kept out of the outlier count', async () => {
    // Ten relu layers grow the uninformative outlier far above the bulk while the spike itself dies out.
    const r = await run({ n: 600, d0: 300, widths: Array(10).fill(500), activation: 'relu', model: { type: 'signal-plus-noise', theta: [20] }, repeats: 1 });
    const deep = r.layers[10];
    expect(deep.predicted.lost).toBe(true);
    expect(deep.uninformative).not.toBeNull();
    expect(deep.uninformative!.onesOverlap).toBeGreaterThan(0.6);
    expect(deep.uninformative!.location).toBeGreaterThan(1.5 * deep.predicted.edge); // far outside the bulk…
    expect(deep.eigenvalues[599]).toBeCloseTo(deep.uninformative!.location, 8);
    expect(deep.outliers.count).toBe(0); // …and not counted as a signal outlier
    expect(deep.alignment.mean).toBeLessThan(0.05);
    // Where the spike is alive the informative eigenvector still carries it.
    expect(r.layers[1].alignment.mean).toBeGreaterThan(0.7);
  });

  it('a localised spike on 20 samples is recovered at layer 0 like a delocalised one (the BBP law does not see the support)', async () => {
    const r = await run({ n: 1000, d0: 1000, widths: [1000], activation: 'tanh', model: { type: 'signal-plus-noise', theta: [5], support: 'localised', supportSize: 20 }, repeats: 3 });
    const l0 = r.layers[0];
    expect(Math.abs(l0.topEigenvalue.mean / l0.predicted.lambda - 1)).toBeLessThan(0.04);
    expect(Math.abs(l0.alignment.mean - l0.predicted.overlap)).toBeLessThan(0.06);
  });

  it('two balanced classes reduce to one spike of strength θ = n‖μ‖² with b = ±1/√n by class', () => {
    const input = gaussianMixture(300, 400, { proportions: [0.5, 0.5], theta: 4 }, new Rng(2));
    expect(input.thetas).toHaveLength(1);
    expect(input.thetas[0]).toBeCloseTo(4, 10);
    const b = input.signals[0];
    for (let i = 0; i < 400; i++) expect(Math.abs(Math.abs(b[i]) - 1 / 20)).toBeLessThan(1e-12);
    // b separates the classes: its sign follows the label.
    const sign = Math.sign(b[0]) * (input.labels![0] === 1 ? 1 : -1);
    for (let i = 0; i < 400; i++) expect(Math.sign(b[i]) * (input.labels![i] === 1 ? 1 : -1)).toBe(sign);
  });

  it('refuses θ < 0, more spikes than samples and proportions that do not sum to 1, naming the field', () => {
    const issues = (raw: unknown) => {
      const r = spikeParams.safeParse(raw);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(issues({ model: { type: 'signal-plus-noise', theta: [-1] } })).toMatch(/^model\.theta\.0: θ must be ≥ 0/);
    expect(issues({ n: 3, d0: 10, widths: [5], model: { type: 'signal-plus-noise', theta: [1, 2, 3] } })).toMatch(/model\.theta: 3 spikes need fewer than n = 3/);
    expect(issues({ model: { type: 'mixture', proportions: [0.5, 0.6], theta: 2 } })).toMatch(/model\.proportions: proportions must sum to 1/);
    expect(issues({ widths: Array(11).fill(10) })).toMatch(/widths: at most 10 layers/);
    expect(issues({ n: 20000, d0: 20000, widths: [20000] })).toMatch(/GiB/);
  });
});

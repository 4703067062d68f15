import { describe, expect, it } from 'vitest';
import { activationConstants } from './activations.js';
import { ckChain } from './ckChain.js';
import { mpMeasure } from './spectralMeasure.js';
import { bbpOutlier, spikeTheory } from './spikeTheory.js';

const tanh = activationConstants('tanh');
const GAMMAS = [3000 / 3750, 3000 / 3000];

describe('spikes through depth (MATH.md §5)', () => {
  it('layer 0 is the linear BBP: θ = 2 → 4.5 with overlap 0.5, θ = 5 → 7.2 with overlap 0.8', () => {
    const r2 = spikeTheory({ theta: 2, gamma0: 1, b: tanh.b, gammas: [] });
    expect(r2.layers[0].lambda).toBeCloseTo(4.5, 14);
    expect(r2.layers[0].overlap).toBeCloseTo(0.5, 14);
    const r5 = spikeTheory({ theta: 5, gamma0: 1, b: tanh.b, gammas: [] });
    expect(r5.layers[0].lambda).toBeCloseTo(7.2, 14);
    expect(r5.layers[0].overlap).toBeCloseTo(0.8, 14);
    const sub = spikeTheory({ theta: 0.9, gamma0: 1, b: tanh.b, gammas: [] });
    expect(sub.layers[0].lost).toBe(true);
    expect(sub.layers[0].lambda).toBe(4);
  });

  it('tanh, n = d0 = 3000, d1 = 3750, d2 = 3000, θ = 10 reproduces the §5.3 table', () => {
    const r = spikeTheory({ theta: 10, gamma0: 1, b: tanh.b, gammas: GAMMAS });
    const [, l1, l2] = r.layers;
    expect(Math.abs(l1.populationSpike - 11.328)).toBeLessThan(5e-4);
    expect(Math.abs(l1.lambda - 12.296)).toBeLessThan(5e-4);
    expect(Math.abs(l1.overlap - 0.904)).toBeLessThan(5e-4);
    expect(Math.abs(l1.cumulativeOverlap - 0.813)).toBeLessThan(5e-4);
    expect(Math.abs(l2.lambda - 12.817)).toBeLessThan(5e-4);
    expect(Math.abs(l2.cumulativeOverlap - 0.702)).toBeLessThan(5e-4);
    const r5 = spikeTheory({ theta: 5, gamma0: 1, b: tanh.b, gammas: GAMMAS });
    expect(Math.abs(r5.layers[1].cumulativeOverlap - 0.626)).toBeLessThan(5e-4);
    expect(Math.abs(r5.layers[2].cumulativeOverlap - 0.407)).toBeLessThan(5e-4);
  });

  it('the real forward map gives m_{μ_ℓ} at the outlier: it equals the chain continued to ε = 1e-10', () => {
    const opts = { mu0: mpMeasure(1), b: tanh.b, gammas: GAMMAS };
    const chain = ckChain(opts);
    const f = chain.forwardMap({ re: bbpOutlier(10, 1), im: 0 });
    const one = ckChain({ ...opts, gammas: GAMMAS.slice(0, 1) });
    const m = one.stieltjes({ re: f.z[1].re, im: 1e-10 });
    expect(Math.abs(m.re - f.m[1].re)).toBeLessThan(1e-9);
    expect(Math.abs(m.im)).toBeLessThan(1e-8);
  });

  it('the end-to-end threshold separates supercritical from lost, and the outlier meets the edge there', () => {
    const r = spikeTheory({ theta: 10, gamma0: 1, b: tanh.b, gammas: GAMMAS });
    const th = r.inputThreshold;
    const above = spikeTheory({ theta: th * 1.001, gamma0: 1, b: tanh.b, gammas: GAMMAS });
    const below = spikeTheory({ theta: th * 0.999, gamma0: 1, b: tanh.b, gammas: GAMMAS });
    expect(above.layers[2].lost).toBe(false);
    expect(below.layers[2].lost).toBe(true);
    expect(Math.abs(above.layers[2].lambda - above.layers[2].edge)).toBeLessThan(1e-3);
    expect(above.layers[2].overlap).toBeLessThan(0.05);
    // Thresholds grow with depth; θ_c,ℓ lies right of supp ν_ℓ.
    expect(r.layerInputThresholds[1]).toBeLessThan(r.layerInputThresholds[2]);
    for (const l of r.layers.slice(1)) expect(l.threshold).toBeGreaterThan(1 - tanh.b ** 2 + tanh.b ** 2 * r.layers[l.layer - 1].edge - 1e-9);
  });
});

import type { DenseMatrix } from '../linalg/index.js';
import type { Rng } from '../random/Rng.js';
import { rawActivation, type ActivationName } from '../rmt/activations.js';

/**
 * Training and test data (MATH.md §6.1, §7.1). Inputs are x = g/√d with g ~ N(0, I_d), so columns have
 * norm ≈ 1 and are nearly orthogonal as §2.1 asks, stored d×n (samples are columns, as the network
 * wants). Targets:
 * - single-index teacher y = σ*(⟨β, g⟩) + noise·ε = σ*(√d⟨β, x⟩) + noise·ε, ‖β‖ = 1, σ* a RAW activation
 *   (not normalised: MATH §6's relu teacher has μ₁* = ½), ε ~ N(0, 1);
 * - two-class Gaussian mixture: label s = ±1 (balanced in expectation), g = s·separation·β + N(0, I_d),
 *   y = s. β is then the class-mean direction and ‖E g | s‖ = separation.
 */
export type TargetSpec =
  | { type: 'single-index'; link: ActivationName; noise: number }
  | { type: 'gaussian-mixture'; separation: number };

export interface Dataset {
  xTrain: DenseMatrix;
  yTrain: Float64Array;
  xTest: DenseMatrix;
  yTest: Float64Array;
  /** The target direction β (unit norm, length d). */
  beta: Float64Array;
}

export function targetDirection(rng: Rng, d: number): Float64Array {
  const beta = new Float64Array(d);
  let s = 0;
  for (let i = 0; i < d; i++) {
    beta[i] = rng.normal();
    s += beta[i] * beta[i];
  }
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < d; i++) beta[i] *= inv;
  return beta;
}

/** n samples as columns of a d×n matrix with their targets. */
export function sampleData(rng: Rng, target: TargetSpec, beta: Float64Array, n: number): { x: DenseMatrix; y: Float64Array } {
  const d = beta.length;
  const g = new Float64Array(d * n);
  for (let i = 0; i < g.length; i++) g[i] = rng.normal();
  const y = new Float64Array(n);
  if (target.type === 'single-index') {
    const link = rawActivation(target.link).f;
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let i = 0; i < d; i++) t += beta[i] * g[i * n + j];
      y[j] = link(t) + (target.noise > 0 ? target.noise * rng.normal() : 0);
    }
  } else {
    for (let j = 0; j < n; j++) {
      const s = rng.uniform() < 0.5 ? -1 : 1;
      y[j] = s;
      const shift = s * target.separation;
      for (let i = 0; i < d; i++) g[i * n + j] += shift * beta[i];
    }
  }
  const inv = 1 / Math.sqrt(d);
  for (let i = 0; i < g.length; i++) g[i] *= inv;
  return { x: { rows: d, cols: n, data: g }, y };
}

export function makeDataset(rng: Rng, target: TargetSpec, d: number, n: number, nTest: number): Dataset {
  const beta = targetDirection(rng.fork('beta'), d);
  const train = sampleData(rng.fork('train'), target, beta, n);
  const test = sampleData(rng.fork('test'), target, beta, nTest);
  return { xTrain: train.x, yTrain: train.y, xTest: test.x, yTest: test.y, beta };
}

/** Columns idx of a d×n matrix, gathered into a d×|idx| matrix (minibatches). */
export function gatherColumns(x: DenseMatrix, idx: ArrayLike<number>): DenseMatrix {
  const b = idx.length;
  const out = new Float64Array(x.rows * b);
  for (let i = 0; i < x.rows; i++) {
    const src = i * x.cols;
    const dst = i * b;
    for (let j = 0; j < b; j++) out[dst + j] = x.data[src + idx[j]];
  }
  return { rows: x.rows, cols: b, data: out };
}

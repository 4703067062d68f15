import type { BenchWorkload } from '../BenchWorkload.js';
import type { DenseMatrix } from '../../engine/linalg/index.js';
import { Rng } from '../../engine/random/Rng.js';
import { initMlp, lossAndGradients } from '../../engine/train/mlp.js';
import { createOptimizer } from '../../engine/train/optimizer.js';
import { layerScales } from '../../engine/train/parameterisation.js';

/**
 * numpy_ref.py `train`: full-batch GD on an MLP with normalised tanh, W ~ N(0,1), layer output
 * σ̃(W h)/√width and readout v/√width (our 'mean-field' parameterisation), MSE to y = tanh(√d⟨β, x⟩),
 * x ~ N(0, I_d/d); the timing covers all steps including the initialisation of the weights, as numpy's
 * run() does. Nominal size n: d = 0.8·n and three hidden layers of width 0.8·n (n = 1000 is exactly
 * `train n=1000 d=800 widths=800,800,800 steps=50`). check = final loss.
 */
interface Prepared {
  x: DenseMatrix;
  y: Float64Array;
  dims: number[];
  steps: number;
  lr: number;
}

export const train: BenchWorkload<Prepared> = {
  name: 'train',
  goal: { n: 1000, ratio: 2.0, issue: 7 },
  defaultSizes: [1000],
  description: '50 full-batch GD steps (forward + backprop) of a 3-hidden-layer tanh MLP, d = widths = 0.8·n',
  params: (n) => ({ n, d: Math.round(0.8 * n), widths: Array(3).fill(Math.round(0.8 * n)).join(','), steps: 50, lr: 0.5 }),
  numpy: (n) => ({ workload: 'train', args: { n, d: Math.round(0.8 * n), widths: Array(3).fill(Math.round(0.8 * n)).join(','), steps: 50, lr: 0.5 } }),
  prepare: (p) => {
    const n = +p.n;
    const d = +p.d;
    const rng = new Rng(3);
    const x = new Float64Array(d * n);
    for (let i = 0; i < x.length; i++) x[i] = rng.normal() / Math.sqrt(d);
    const beta = new Float64Array(d);
    let norm = 0;
    for (let i = 0; i < d; i++) norm += (beta[i] = rng.normal()) ** 2;
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let i = 0; i < d; i++) t += beta[i] * x[i * n + j];
      y[j] = Math.tanh((Math.sqrt(d) * t) / Math.sqrt(norm));
    }
    const widths = String(p.widths).split(',').map(Number);
    return { x: { rows: d, cols: n, data: x }, y, dims: [d, ...widths], steps: +p.steps, lr: +(p.lr ?? 0.5) };
  },
  run: ({ x, y, dims, steps, lr }) => {
    const scales = layerScales('mean-field', dims);
    const net = initMlp(new Rng(2), 'tanh', dims, scales.readoutScale);
    const opt = createOptimizer({ type: 'gd' }, net, scales);
    let loss = 0;
    for (let t = 0; t < steps; t++) {
      const r = lossAndGradients(net, x, y);
      loss = r.loss;
      opt.step(net, r.grads, lr);
    }
    return loss;
  },
};

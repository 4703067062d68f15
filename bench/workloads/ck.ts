import type { BenchWorkload } from '../BenchWorkload.js';
import { eigvalsh, type DenseMatrix } from '../../engine/linalg/index.js';
import { forwardPass, type ForwardPrecision } from '../../engine/nn/networkForward.js';
import { normalisedActivation, type ActivationName } from '../../engine/rmt/activations.js';
import { Rng } from '../../engine/random/Rng.js';
import { gaussianMatrix } from './gaussianMatrix.js';

/**
 * The ck-ntk kind's simulation: the forward pass X_ℓ = σ̃(W_ℓX_{ℓ−1})/√d_ℓ of engine/nn (W_ℓ drawn inside the
 * timed run, as numpy_ref.py does) and eigvalsh of every layer's CK = X_ℓᵀX_ℓ; check = top eigenvalue of the
 * last layer. Nominal n: n = d₀ = n, three layers of width 1.5·n (n = 2000 is the brief's
 * `numpy_ref.py ck n=2000 d0=2000 widths=3000,3000,3000 act=tanh`). The float32 variant runs the GEMMs and
 * the activation in single precision against numpy's float64.
 */
interface CkPrepared {
  x0: DenseMatrix;
  widths: number[];
  act: ActivationName;
  precision: ForwardPrecision;
}

function ckWorkload(name: string, precision: ForwardPrecision): BenchWorkload<CkPrepared> {
  return {
    name,
    defaultSizes: [1000, 2000],
    goal: { n: 2000, ratio: precision === 'float32' ? 1.2 : 2, issue: 4 },
    description: `CK forward pass (3 layers of width 1.5·n, tanh) + eigvalsh per layer${precision === 'float32' ? ', float32 forward pass' : ''}`,
    params: (n) => ({ n, d0: n, widths: Array(3).fill(Math.round(1.5 * n)).join(','), act: 'tanh' }),
    numpy: (n) => ({ workload: 'ck', args: { n, d0: n, widths: Array(3).fill(Math.round(1.5 * n)).join(','), act: 'tanh' } }),
    prepare: (p) => {
      const n = +p.n;
      const d0 = +p.d0;
      const x0 = gaussianMatrix(d0, n, 4);
      const s = 1 / Math.sqrt(d0);
      for (let i = 0; i < x0.data.length; i++) x0.data[i] *= s;
      return { x0, widths: String(p.widths).split(',').map(Number), act: String(p.act ?? 'tanh') as ActivationName, precision };
    },
    run: ({ x0, widths, act, precision: prec }) => {
      let top = 0;
      const n = x0.cols;
      forwardPass(x0, widths, normalisedActivation(act), new Rng(1), {
        precision: prec,
        keepGrams: false,
        inputGram: 'skip',
        onLayer: (_l, g) => {
          top = eigvalsh(g)[n - 1];
        },
      });
      return top;
    },
  };
}

export const ck = ckWorkload('ck', 'float64');
export const ckF32 = ckWorkload('ck-f32', 'float32');

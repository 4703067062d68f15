import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../linalg/index.js';
import { Rng } from '../random/Rng.js';
import { ACTIVATIONS } from '../rmt/activations.js';
import { sampleData, targetDirection } from './dataset.js';
import { empiricalNtk } from './empiricalNtk.js';
import { backward, forwardPass, initMlp, lossAndGradients, mseLoss, type Mlp } from './mlp.js';

beforeAll(() => initLinalg());

const dims = [6, 5, 4, 3];
const n = 7;

function smallProblem(activation: (typeof ACTIVATIONS)[number], kappa = 1) {
  const rng = new Rng(11);
  const beta = targetDirection(rng.fork('b'), dims[0]);
  const { x, y } = sampleData(rng.fork('x'), { type: 'single-index', link: 'tanh', noise: 0.1 }, beta, n);
  // Inputs scaled up so that pre-activations reach the nonlinear range of every σ.
  for (let i = 0; i < x.data.length; i++) x.data[i] *= 2;
  const net = initMlp(rng.fork('net'), activation, dims, kappa);
  return { net, x, y };
}

/** Central differences over every entry of every tensor; returns ‖g_fd − g‖/‖g_fd‖ per tensor. */
function finiteDifferenceErrors(net: Mlp, x: Parameters<typeof forwardPass>[1], y: Float64Array): number[] {
  const { grads } = lossAndGradients(net, x, y);
  const tensors = [...net.weights.map((w) => w.data), net.readout];
  const analytic = [...grads.weights.map((g) => g.data), grads.readout];
  const h = 1e-5;
  return tensors.map((p, t) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < p.length; i++) {
      const keep = p[i];
      p[i] = keep + h;
      const up = mseLoss(forwardPass(net, x).output, y);
      p[i] = keep - h;
      const down = mseLoss(forwardPass(net, x).output, y);
      p[i] = keep;
      const fd = (up - down) / (2 * h);
      num += (fd - analytic[t][i]) ** 2;
      den += fd * fd;
    }
    return Math.sqrt(num / den);
  });
}

describe('backpropagation', () => {
  it.each(ACTIVATIONS.map((a) => [a]))('gradients of every layer match central finite differences to relative error < 1e-6 (σ = %s)', (activation) => {
    const { net, x, y } = smallProblem(activation);
    const errors = finiteDifferenceErrors(net, x, y);
    expect(errors.length).toBe(dims.length); // W_1, W_2, W_3 and v
    for (const e of errors) expect(e).toBeLessThan(1e-6);
  });

  it('gradients stay exact with the mean-field readout scale κ = 1/√d_L', () => {
    const { net, x, y } = smallProblem('tanh', 1 / Math.sqrt(dims[3]));
    for (const e of finiteDifferenceErrors(net, x, y)) expect(e).toBeLessThan(1e-6);
  });

  it('the Jacobian-form NTK equals Σ over tensors of per-sample gradient inner products (to 1e-12 relative)', () => {
    const { net, x } = smallProblem('gelu');
    const k = empiricalNtk(net, x, [1, 1, 1, 1]);
    const cache = forwardPass(net, x, { slopes: true });
    const perSample: Float64Array[] = [];
    for (let j = 0; j < n; j++) {
      const e = new Float64Array(n);
      e[j] = 1;
      const g = backward(net, cache, e);
      perSample.push(Float64Array.from([...g.weights.flatMap((w) => [...w.data]), ...g.readout]));
    }
    let maxErr = 0;
    let maxAbs = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < perSample[i].length; q++) s += perSample[i][q] * perSample[j][q];
        maxErr = Math.max(maxErr, Math.abs(s - k.data[i * n + j]));
        maxAbs = Math.max(maxAbs, Math.abs(s));
      }
    }
    expect(maxErr / maxAbs).toBeLessThan(1e-12);
  });
});

/**
 * training: spectra over training (Wang, Engel, Sarwate, Dumitriu, Chiang, "Spectral evolution and
 * invariance in linear-width neural networks", 2211.06506; MATH.md §7) and the one-step spike (Ba et al.
 * 2205.01445; MATH.md §6). An L-layer fully connected network on the §2 forward pass is trained by our
 * own backpropagation (engine/train/) with GD, minibatch SGD or Adam; at chosen steps the kind records
 * the weight ESDs (W_ℓᵀW_ℓ/d_ℓ), the CK of every layer on train and test inputs, the NTK on a probe set,
 * their top eigenvalues and label alignments, outliers above the initial edge, KS distances to the
 * initial ESDs against the noise floor of two independent initialisations, and tail exponents.
 * A run whose loss becomes NaN/Inf stops, keeps its snapshots, and reports the step (result.diverged).
 */
import { activationConstants } from '../../rmt/activations.js';
import { ksDistanceTwoSample } from '../../rmt/ksDistance.js';
import { mpAtomMass, mpDensity, mpEdges } from '../../rmt/marchenkoPastur.js';
import { gatherColumns, makeDataset } from '../../train/dataset.js';
import { learningRateAt, type LearningRateSchedule } from '../../train/learningRateSchedule.js';
import { initMlp, lossAndGradients, type Mlp } from '../../train/mlp.js';
import { oneStepExperiment, type OneStepResult } from '../../train/oneStep.js';
import { createOptimizer, type OptimizerSpec } from '../../train/optimizer.js';
import { layerScales } from '../../train/parameterisation.js';
import type { ComputationModule, RunContext, SweepMetric } from '../ComputationModule.js';
import { rawSpectra, referenceOf, snapshotFrom, type TrainingSnapshot } from './trainingSnapshot.js';
import { trainingParams, type TrainingParams } from './trainingParams.js';

export { trainingParams, type TrainingParams } from './trainingParams.js';
export type { TrainingSnapshot } from './trainingSnapshot.js';

export interface TrainingResult {
  [key: string]: unknown;
  mode: 'train' | 'one-step';
  n: number;
  nTest: number;
  d: number;
  widths: number[];
  activation: string;
  parameterisation: string;
  optimizer: string;
  /** Snapshots in step order (empty in one-step mode). */
  snapshots: TrainingSnapshot[];
  /** Loss at every step t = 0..(last step reached): full-batch train loss for GD, minibatch loss otherwise. */
  losses: { step: Float64Array; train: Float64Array; kind: 'full-batch' | 'minibatch' };
  /** KS distance between the step-0 ESDs of two independent initialisations (same data): the invariance yardstick. */
  noiseFloor: { weights: number[]; ck: number[]; ckTest: number[]; ntk: number } | null;
  /** Bulk edges used for outlier counts: MP theory for weights, calibrated at step 0 for kernels. */
  edges: { weights: number[]; ck: number[]; ckTest: number[]; ntk: number } | null;
  /**
   * Law of each W_ℓᵀW_ℓ/d_ℓ at initialisation: Marchenko–Pastur with ratio d_{ℓ−1}/d_ℓ (iid N(0,1)
   * weights). Small learning rates keep the ESD on it (Wang et al. 2023); the view draws it in red.
   */
  weightTheory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[] }[] | null;
  /** Set when the loss or the parameters became NaN/Inf: training stopped at `step`. */
  diverged: { step: number; message: string } | null;
  /** One-step mode only. */
  oneStep: OneStepResult | null;
}

function optimizerSpec(p: TrainingParams): OptimizerSpec {
  const o = p.optimizer;
  if (o.type === 'gd') return { type: 'gd' };
  if (o.type === 'sgd') return { type: 'sgd', batch: o.batch };
  return { type: 'adam', batch: o.batch, beta1: o.beta1, beta2: o.beta2, eps: o.eps };
}

function describeOptimizer(p: TrainingParams): string {
  const o = p.optimizer;
  const sched = o.schedule.type === 'step' ? `, ×${o.schedule.factor}/${o.schedule.every} steps` : '';
  if (o.type === 'gd') return `GD η=${o.lr}${sched}`;
  if (o.type === 'sgd') return `SGD η=${o.lr} B=${o.batch}${sched}`;
  return `Adam η=${o.lr}${o.batch ? ` B=${o.batch}` : ''} β=(${o.beta1}, ${o.beta2})${sched}`;
}

function allFinite(net: Mlp): boolean {
  for (const t of [...net.weights.map((w) => w.data), net.readout]) {
    let s = 0;
    for (let i = 0; i < t.length; i++) s += t[i];
    if (!Number.isFinite(s)) return false;
  }
  return true;
}

async function runTraining(p: TrainingParams, ctx: RunContext): Promise<TrainingResult> {
  const dims = [p.d, ...p.widths];
  const scales = layerScales(p.parameterisation, dims);
  const data = makeDataset(ctx.rng.fork('data'), p.target, p.d, p.n, p.nTest);
  const net = initMlp(ctx.rng.fork('init'), p.activation, dims, scales.readoutScale);
  const hasC2Spike = Math.abs(activationConstants(p.activation).c2) > 1e-12;
  const inputs = { data, nCk: Math.min(p.n, p.ckSamples), ntkProbe: Math.min(p.ntkProbe, p.n), topK: p.topK, hasC2Spike, ntkStepScale: scales.gradientStepScale };
  const schedule: LearningRateSchedule = p.optimizer.schedule;
  const snapshotSteps = [...new Set(p.snapshots ?? [0, Math.floor(p.steps / 2), p.steps])].sort((a, b) => a - b);
  const wanted = new Set(snapshotSteps);
  const totalWork = p.steps + 2 * snapshotSteps.length + 2;
  let work = 0;
  const tick = (stage: string) => ctx.progress(Math.min(1, ++work / totalWork), stage);

  // Step-0 reference and the noise floor: the same spectra of an independent initialisation.
  ctx.progress(0, 'spectra at initialisation');
  const initial = rawSpectra(net, inputs);
  const other = rawSpectra(initMlp(ctx.rng.fork('init-independent'), p.activation, dims, scales.readoutScale), inputs);
  tick('noise floor');
  const ref = referenceOf(initial, hasC2Spike);
  const noiseFloor = {
    weights: initial.weights.map((w, l) => ksDistanceTwoSample(w.eigenvalues, other.weights[l].eigenvalues)),
    ck: initial.ck.map((k, l) => ksDistanceTwoSample(k.eigenvalues, other.ck[l].eigenvalues)),
    ckTest: initial.ckTest.map((k, l) => ksDistanceTwoSample(k.eigenvalues, other.ckTest[l].eigenvalues)),
    ntk: initial.ntk && other.ntk ? ksDistanceTwoSample(initial.ntk.eigenvalues, other.ntk.eigenvalues) : Number.NaN,
  };
  const edges = {
    weights: dims.slice(1).map((dl, l) => mpEdges(dims[l] / dl)[1]),
    ck: ref.ckEdge,
    ckTest: ref.ckTestEdge,
    ntk: ref.ntkEdge,
  };

  const spec = optimizerSpec(p);
  const optimizer = createOptimizer(spec, net, scales);
  const batch = spec.type === 'gd' ? p.n : (spec.batch ?? p.n);
  const batchRng = ctx.rng.fork('batches');
  const order = Int32Array.from({ length: p.n }, (_, i) => i);
  let cursor = p.n; // forces a shuffle before the first minibatch
  const shuffle = () => {
    for (let i = p.n - 1; i > 0; i--) {
      const j = batchRng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    cursor = 0;
  };

  const snapshots: TrainingSnapshot[] = [];
  const lossTrace: number[] = [];
  let diverged: TrainingResult['diverged'] = null;
  for (let t = 0; t <= p.steps; t++) {
    ctx.signal.throwIfAborted();
    const lr = learningRateAt(p.optimizer.lr, schedule, t);
    if (wanted.has(t)) {
      const raw = t === 0 ? initial : rawSpectra(net, inputs);
      if (!Number.isFinite(raw.trainLoss)) {
        diverged = { step: t, message: `the training loss is ${raw.trainLoss} at step ${t} (η = ${lr}); stopped there. Lower optimizer.lr.` };
        break;
      }
      snapshots.push(snapshotFrom(t, lr, raw, ref, dims, data.beta));
      tick(`snapshot at step ${t}`);
    }
    if (t === p.steps) break;
    let x = data.xTrain;
    let y = data.yTrain;
    if (batch < p.n) {
      if (cursor + batch > p.n) shuffle();
      const idx = order.subarray(cursor, cursor + batch);
      cursor += batch;
      x = gatherColumns(data.xTrain, idx);
      y = Float64Array.from(idx, (i) => data.yTrain[i]);
    }
    const { loss, grads } = lossAndGradients(net, x, y);
    if (!Number.isFinite(loss)) {
      diverged = { step: t, message: `the ${batch < p.n ? 'minibatch' : 'training'} loss is ${loss} at step ${t} (η = ${lr}); stopped there, the ${snapshots.length} earlier snapshot(s) are kept. Lower optimizer.lr.` };
      break;
    }
    lossTrace.push(loss);
    optimizer.step(net, grads, lr);
    if (!allFinite(net)) {
      diverged = { step: t + 1, message: `the parameters overflowed to NaN/Inf in update ${t + 1} (η = ${lr}, loss before it ${loss.toPrecision(4)}); stopped there, the ${snapshots.length} earlier snapshot(s) are kept. Lower optimizer.lr.` };
      break;
    }
    tick(`step ${t + 1} of ${p.steps}`);
    // Yield now and then so that a cancel message can be delivered to the worker.
    if ((t & 7) === 7) await new Promise((r) => setImmediate(r));
  }
  ctx.progress(1, diverged ? 'diverged' : 'done');
  return {
    mode: 'train',
    n: p.n,
    nTest: p.nTest,
    d: p.d,
    widths: [...p.widths],
    activation: p.activation,
    parameterisation: p.parameterisation,
    optimizer: describeOptimizer(p),
    snapshots,
    losses: { step: Float64Array.from(lossTrace, (_, i) => i), train: Float64Array.from(lossTrace), kind: batch < p.n ? 'minibatch' : 'full-batch' },
    noiseFloor,
    edges,
    weightTheory: dims.slice(1).map((dl, l) => mpCurve(dims[l] / dl)),
    diverged,
    oneStep: null,
  };
}

async function runOneStep(p: TrainingParams, ctx: RunContext): Promise<TrainingResult> {
  const link = p.target.type === 'single-index' ? p.target.link : 'tanh';
  const noise = p.target.type === 'single-index' ? p.target.noise : 0;
  const oneStep = await oneStepExperiment(
    ctx.rng.fork('one-step'),
    { n: p.n, nTest: p.nTest, d: p.d, N: p.widths[0], activation: p.activation, link, noise, eta: p.optimizer.lr, ridge: p.ridge },
    (f, stage) => ctx.progress(f, stage),
  );
  return {
    mode: 'one-step',
    n: p.n,
    nTest: p.nTest,
    d: p.d,
    widths: [p.widths[0]],
    activation: p.activation,
    parameterisation: 'one-step (MATH §6 scaling)',
    optimizer: `one step η=${p.optimizer.lr}, ridge λ=${p.ridge}`,
    snapshots: [],
    losses: { step: new Float64Array(0), train: new Float64Array(0), kind: 'full-batch' },
    noiseFloor: null,
    edges: null,
    weightTheory: null,
    diverged: null,
    oneStep,
  };
}

function sweepMetrics(r: TrainingResult): SweepMetric[] {
  if (r.oneStep) {
    const o = r.oneStep;
    return [
      { series: 'top singular value of W₁', role: 'simulation', value: o.singularValues[0] },
      { series: 'top singular value of W₁', role: 'theory', value: Number.isFinite(o.predicted.outlier) ? o.predicted.outlier : o.predicted.bulkEdge },
      { series: '⟨û, β⟩²', role: 'simulation', value: o.alignment.uhat_beta },
      { series: '⟨û, β⟩²', role: 'theory', value: o.predicted.uhat_beta },
      { series: '⟨u, β⟩²', role: 'simulation', value: o.alignment.u_beta },
      { series: '⟨u, β⟩²', role: 'theory', value: o.predicted.u_beta },
      { series: 'CK spike alignment (test)', role: 'simulation', value: o.alignment.ckSpike },
      { series: 'kernel–target alignment (test)', role: 'simulation', value: o.alignment.kernelTarget },
      { series: 'CK outliers', role: 'simulation', value: o.ck.outlierCount },
      { series: 'ridge test loss', role: 'simulation', value: o.ridge.testLoss },
    ];
  }
  const last = r.snapshots[r.snapshots.length - 1];
  if (!last) return [];
  return [
    { series: 'train loss', role: 'simulation', value: last.trainLoss },
    { series: 'test loss', role: 'simulation', value: last.testLoss },
    { series: 'largest eigenvalue of W₁ᵀW₁/d₁', role: 'simulation', value: last.weights[0].top[0] },
    { series: 'largest eigenvalue of W₁ᵀW₁/d₁', role: 'theory', value: r.edges?.weights[0] ?? Number.NaN },
    { series: 'KS(W₁ ESD, init)', role: 'simulation', value: last.weights[0].ksToInit },
    { series: 'tail exponent α of W₁', role: 'simulation', value: last.tail[0].alpha },
    { series: 'CK label alignment (last layer)', role: 'simulation', value: last.ck[last.ck.length - 1].labelAlignment },
  ];
}

export const training: ComputationModule<TrainingParams, TrainingResult> = {
  kind: 'training',
  title: 'Training dynamics: spectra over GD, SGD and Adam',
  description:
    'Spectra of a linear-width fully connected network during training (Wang, Engel, Sarwate, Dumitriu & Chiang, ' +
    '2211.06506): ESDs of the weights W_ℓᵀW_ℓ/d_ℓ, of the conjugate kernel of every layer on train and test inputs, ' +
    'and of the NTK on a probe set, with outliers, label alignments, KS distances to initialisation against the ' +
    'two-initialisation noise floor, and Hill / power-law tail exponents. Small-step GD leaves the bulks invariant, ' +
    'large steps create aligned outliers, Adam makes heavy tails. Mode one-step reproduces one large gradient step on ' +
    'the first layer followed by ridge on the second (Ba et al. 2205.01445): the spike in W₁ and its alignments ' +
    'against theory (MATH §6). Parameterisation ntk: W ~ N(0,1) with 1/√width in the forward pass, f = vᵀX_L; ' +
    'standard: the same function, trained in θ = W/√fan_in (steps scale with fan-in); mean-field: readout 1/width.',
  params: trainingParams,
  summarize: (p) =>
    p.mode === 'one-step'
      ? `one-step n=${p.n} d=${p.d} N=${p.widths[0]} η=${p.optimizer.lr} ${p.activation}`
      : `n=${p.n} d=${p.d} widths=${p.widths.join(',')} ${p.activation} ${p.optimizer.type} η=${p.optimizer.lr} ${p.steps} steps`,
  sweepMetrics,
  async run(p, ctx) {
    return p.mode === 'one-step' ? runOneStep(p, ctx) : runTraining(p, ctx);
  },
};

/** Marchenko–Pastur density of ratio γ on an edge-clustered grid, with its atom at 0 when γ > 1. */
function mpCurve(gamma: number): { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[] } {
  const [lo, hi] = mpEdges(gamma);
  const x = Float64Array.from({ length: 301 }, (_, i) => lo + ((hi - lo) * (1 - Math.cos((Math.PI * i) / 300))) / 2);
  return { x, density: x.map((v) => mpDensity(v, gamma)), atoms: gamma > 1 ? [{ x: 0, mass: mpAtomMass(gamma) }] : [] };
}

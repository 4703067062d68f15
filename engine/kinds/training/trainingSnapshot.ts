/**
 * One snapshot of a training run (MATH.md §7.1–7.2): losses, the ESD of every W_ℓᵀW_ℓ/d_ℓ, the CK of
 * every layer on train and on test inputs, the NTK on a probe subset, top eigenvalues, alignments with
 * the labels and the target direction, outlier counts, KS distances to the initial ESDs and tail fits.
 */
import { eigTopK, eigvalsh, gram, type DenseMatrix } from '../../linalg/index.js';
import { ksDistanceTwoSample } from '../../rmt/ksDistance.js';
import { mpEdges } from '../../rmt/marchenkoPastur.js';
import type { Dataset } from '../../train/dataset.js';
import { empiricalNtk } from '../../train/empiricalNtk.js';
import { forwardPass, mseLoss, type Mlp } from '../../train/mlp.js';
import { hillEstimator } from '../../rmt/hillEstimator.js';
import { powerLawFit } from '../../rmt/powerLawFit.js';

export interface WeightSpectrum {
  /** Eigenvalues of W_ℓᵀW_ℓ/d_ℓ (d_{ℓ−1}×d_{ℓ−1}), ascending; at init Marchenko–Pastur with γ = d_{ℓ−1}/d_ℓ. */
  eigenvalues: Float64Array;
  /** Largest topK, descending. */
  top: Float64Array;
  /** Eigenvalues above the MP edge + 3·m^{−2/3}·E₊ (m = d_{ℓ−1}). */
  outliers: number;
  /** KS distance to the same layer's ESD at step 0. */
  ksToInit: number;
  /** Layer 1 only: ⟨v_1, β⟩² of the top eigenvector (in input space) with the target direction; NaN otherwise. */
  betaAlignment: number;
}

export interface KernelSpectrum {
  /** Ascending. */
  eigenvalues: Float64Array;
  top: Float64Array;
  /** ⟨v, y_c⟩²/‖y_c‖² for the top eigenvector that is not the c_2 spike along 1/√n (§2.6). */
  labelAlignment: number;
  /** Σ_{i≤k} ⟨v_i, y_c⟩²/‖y_c‖², k = 1..topK (the c_2 spike included: it carries ~no label variance). */
  varianceExplained: Float64Array;
  /** Eigenvalues above the initial bulk edge (calibrated at step 0) + the Tracy–Widom margin. */
  outliers: number;
  ksToInit: number;
}

export interface TailFit {
  /** CSN power-law density exponent α̂ (xmin scan), its xmin, KS, tail size and standard error. */
  alpha: number;
  xmin: number;
  ks: number;
  nTail: number;
  standardError: number;
  /** α ≤ 6 (§7.2: larger α on an MP bulk is an artefact). */
  heavyTail: boolean;
  /** Hill density exponent 1 + 1/H_k with k = max(10, m/10). */
  hill: number;
  hillK: number;
}

export interface TrainingSnapshot {
  step: number;
  /** Learning rate used by the next update (after the schedule). */
  lr: number;
  trainLoss: number;
  testLoss: number;
  weights: WeightSpectrum[];
  /** CK_ℓ = X_ℓᵀX_ℓ on the first min(n, ckSamples) training inputs. */
  ck: KernelSpectrum[];
  /** CK_ℓ on the test inputs (labels: the test targets). */
  ckTest: KernelSpectrum[];
  /** NTK on the probe subset, null when ntkProbe = 0. */
  ntk: KernelSpectrum | null;
  /** Tail fits of the weight ESDs, one per layer. */
  tail: TailFit[];
}

/** The step-0 references every later snapshot is compared with. */
export interface SnapshotReference {
  weights: Float64Array[];
  ck: Float64Array[];
  ckTest: Float64Array[];
  ntk: Float64Array | null;
  /** Calibrated kernel edges (largest step-0 eigenvalue that is not the c_2 spike). */
  ckEdge: number[];
  ckTestEdge: number[];
  ntkEdge: number;
}

export interface SnapshotInputs {
  data: Dataset;
  nCk: number;
  ntkProbe: number;
  topK: number;
  /** c_2 ≠ 0: kernels have an uninformative spike along 1/√n (§2.6). */
  hasC2Spike: boolean;
  ntkStepScale: ArrayLike<number>;
}

/** Raw spectra of one network state (no comparison with a reference yet). */
export interface RawSpectra {
  trainLoss: number;
  testLoss: number;
  weights: { eigenvalues: Float64Array; top: Float64Array; topVector: Float64Array | null }[];
  ck: RawKernel[];
  ckTest: RawKernel[];
  ntk: RawKernel | null;
}

interface RawKernel {
  eigenvalues: Float64Array;
  top: Float64Array;
  labelAlignment: number;
  varianceExplained: Float64Array;
}

function firstColumns(x: DenseMatrix, m: number): DenseMatrix {
  if (m >= x.cols) return x;
  const out = new Float64Array(x.rows * m);
  for (let i = 0; i < x.rows; i++) out.set(x.data.subarray(i * x.cols, i * x.cols + m), i * m);
  return { rows: x.rows, cols: m, data: out };
}

function centred(y: ArrayLike<number>, m: number): Float64Array {
  let mean = 0;
  for (let i = 0; i < m; i++) mean += y[i];
  mean /= m;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = y[i] - mean;
  return out;
}

function kernelSpectrum(k: DenseMatrix, yc: Float64Array, topK: number, hasC2Spike: boolean): RawKernel {
  const m = k.rows;
  const eigenvalues = eigvalsh(k);
  const kk = Math.min(topK, m);
  const top = eigTopK(k, kk);
  let yy = 0;
  for (let i = 0; i < m; i++) yy += yc[i] * yc[i];
  const varianceExplained = new Float64Array(kk);
  let labelAlignment = Number.NaN;
  let acc = 0;
  const invSqrtM = 1 / Math.sqrt(m);
  for (let j = 0; j < kk; j++) {
    let o = 0;
    let ones = 0;
    for (let i = 0; i < m; i++) {
      const v = top.vectors.data[i * kk + j];
      o += v * yc[i];
      ones += v * invSqrtM;
    }
    const a = yy > 0 ? (o * o) / yy : Number.NaN;
    acc += a;
    varianceExplained[j] = acc;
    if (Number.isNaN(labelAlignment) && !(hasC2Spike && ones * ones > 0.5)) labelAlignment = a;
  }
  return { eigenvalues, top: top.values, labelAlignment, varianceExplained };
}

export function rawSpectra(net: Mlp, inp: SnapshotInputs): RawSpectra {
  const { data, nCk, topK, hasC2Spike } = inp;
  const L = net.weights.length;
  const train = forwardPass(net, data.xTrain);
  const test = forwardPass(net, data.xTest);
  const weights = net.weights.map((w, l) => {
    const g = gram(w, { alpha: 1 / w.rows });
    const eigenvalues = eigvalsh(g);
    const t = eigTopK(g, Math.min(topK, g.rows));
    // Layer 1's eigenvectors live in input space, where the target direction β does.
    const topVector = l === 0 ? Float64Array.from({ length: g.rows }, (_, i) => t.vectors.data[i * t.vectors.cols]) : null;
    return { eigenvalues, top: t.values, topVector };
  });
  const ycTrain = centred(data.yTrain, nCk);
  const ycTest = centred(data.yTest, data.yTest.length);
  const ck: RawKernel[] = [];
  const ckTest: RawKernel[] = [];
  for (let l = 1; l <= L; l++) {
    ck.push(kernelSpectrum(gram(firstColumns(train.layers[l], nCk)), ycTrain, topK, hasC2Spike));
    ckTest.push(kernelSpectrum(gram(test.layers[l]), ycTest, topK, hasC2Spike));
  }
  let ntk: RawKernel | null = null;
  if (inp.ntkProbe > 0) {
    const p = Math.min(inp.ntkProbe, data.xTrain.cols);
    ntk = kernelSpectrum(empiricalNtk(net, firstColumns(data.xTrain, p), inp.ntkStepScale), centred(data.yTrain, p), topK, hasC2Spike);
  }
  return { trainLoss: mseLoss(train.output, data.yTrain), testLoss: mseLoss(test.output, data.yTest), weights, ck, ckTest, ntk };
}

/** Largest eigenvalue that is not the c_2 spike: the calibrated bulk edge of a kernel at step 0. */
export function calibratedEdge(ascending: Float64Array, hasC2Spike: boolean): number {
  const m = ascending.length;
  return hasC2Spike && m > 1 ? ascending[m - 2] : ascending[m - 1];
}

function countAbove(ascending: Float64Array, edge: number): number {
  const tau = 3 * ascending.length ** (-2 / 3) * edge;
  let c = 0;
  for (let i = ascending.length - 1; i >= 0 && ascending[i] > edge + tau; i--) c++;
  return c;
}

export function referenceOf(s: RawSpectra, hasC2Spike: boolean): SnapshotReference {
  return {
    weights: s.weights.map((w) => w.eigenvalues),
    ck: s.ck.map((k) => k.eigenvalues),
    ckTest: s.ckTest.map((k) => k.eigenvalues),
    ntk: s.ntk?.eigenvalues ?? null,
    ckEdge: s.ck.map((k) => calibratedEdge(k.eigenvalues, hasC2Spike)),
    ckTestEdge: s.ckTest.map((k) => calibratedEdge(k.eigenvalues, hasC2Spike)),
    ntkEdge: s.ntk ? calibratedEdge(s.ntk.eigenvalues, hasC2Spike) : Number.NaN,
  };
}

export function tailFit(eigenvalues: Float64Array): TailFit {
  const fit = powerLawFit(eigenvalues, { minTail: 10 });
  const positives = eigenvalues.filter((v) => v > 0).length;
  const k = Math.min(positives - 1, Math.max(10, Math.floor(positives / 10)));
  const hill = k >= 1 ? hillEstimator(eigenvalues, k).densityExponent : Number.NaN;
  return { alpha: fit.alpha, xmin: fit.xmin, ks: fit.D, nTail: fit.nTail, standardError: fit.sigma, heavyTail: !fit.noHeavyTail, hill, hillK: k };
}

/** A snapshot: raw spectra compared with the step-0 reference. dims = [d_0, …, d_L]. */
export function snapshotFrom(step: number, lr: number, s: RawSpectra, ref: SnapshotReference, dims: readonly number[], beta: Float64Array): TrainingSnapshot {
  const kernel = (k: RawKernel, initial: Float64Array, edge: number): KernelSpectrum => ({
    ...k,
    outliers: countAbove(k.eigenvalues, edge),
    ksToInit: ksDistanceTwoSample(k.eigenvalues, initial),
  });
  return {
    step,
    lr,
    trainLoss: s.trainLoss,
    testLoss: s.testLoss,
    weights: s.weights.map((w, l) => {
      const edge = mpEdges(dims[l] / dims[l + 1])[1];
      let betaAlignment = Number.NaN;
      if (w.topVector) {
        let o = 0;
        for (let i = 0; i < beta.length; i++) o += w.topVector[i] * beta[i];
        betaAlignment = o * o;
      }
      return { eigenvalues: w.eigenvalues, top: w.top, outliers: countAbove(w.eigenvalues, edge), ksToInit: ksDistanceTwoSample(w.eigenvalues, ref.weights[l]), betaAlignment };
    }),
    ck: s.ck.map((k, l) => kernel(k, ref.ck[l], ref.ckEdge[l])),
    ckTest: s.ckTest.map((k, l) => kernel(k, ref.ckTest[l], ref.ckTestEdge[l])),
    ntk: s.ntk && ref.ntk ? kernel(s.ntk, ref.ntk, ref.ntkEdge) : null,
    tail: s.weights.map((w) => tailFit(w.eigenvalues)),
  };
}

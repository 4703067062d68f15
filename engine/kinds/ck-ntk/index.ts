/**
 * ck-ntk: spectra of the conjugate kernel of every layer and of the neural tangent kernel of a deep random
 * network, against their free-probability limits layer by layer (Fan & Wang, "Spectra of the conjugate kernel
 * and neural tangent kernel for linear-width neural networks", arXiv 2005.11879; MATH.md §2–§3), and the
 * ultra-wide regime √(d₁/n)(K − EK) → deformed semicircle (Wang & Zhu, arXiv 2109.09304; MATH.md §4).
 *
 * Empirical side: the forward pass of engine/nn on the linalg kernels, eigvalsh of every CK_ℓ = X_ℓᵀX_ℓ and of
 * the NTK in its Jacobian form NTK = K_L + Σ_ℓ (Δ_ℓᵀΔ_ℓ) ∘ K_{ℓ−1} (engine/nn/ntkByJacobian.ts). The c₂ outlier
 * along 1/√n is found by Lanczos and set aside (MATH.md §2.6). Theory side: engine/rmt, driven by the actual
 * input spectrum μ₀ (ckNtkTheory.ts). Diagnostics: KS distance and the first four moments per layer.
 */
import { eigvalsh, gram, type DenseMatrix } from '../../linalg/index.js';
import { gaussianInput, gaussianMixtureInput } from '../../nn/syntheticInput.js';
import { prepareImportedMatrix } from '../../nn/importedMatrix.js';
import { forwardPass } from '../../nn/networkForward.js';
import { ntkByJacobian } from '../../nn/ntkByJacobian.js';
import { activationConstants, normalisedActivation } from '../../rmt/activations.js';
import { mpMoment } from '../../rmt/marchenkoPastur.js';
import { mpMeasure, type SpectralMeasure } from '../../rmt/spectralMeasure.js';
import type { ComputationModule, SweepMetric } from '../ComputationModule.js';
import { ckLayerTheories, ntkTheory, ultraWideTheory, type SpectrumTheory, type TheoryCurve } from './ckNtkTheory.js';
import { ckNtkParams, effectiveSizes, importedMatrix, ultraWideChunk, type CkNtkParams } from './ckNtkParams.js';
import { eigenvalueHistogramMeasure } from './eigenvalueHistogramMeasure.js';
import { findOutliers, outlierThreshold, withoutExcluded, type OutlierRecord } from './meanDirectionOutliers.js';
import { densityHistogram, empiricalMoments, ksDistance, type Histogram } from './spectrumComparison.js';
import { kernelExpectationMatrix, normaliseColumns, ultraWideGram } from './ultraWideKernel.js';

export { ckNtkParams, ckNtkMemory, type CkNtkParams } from './ckNtkParams.js';
export type { OutlierRecord } from './meanDirectionOutliers.js';
export type { TheoryCurve } from './ckNtkTheory.js';

export interface SpectrumMoments {
  /** First four moments of the compared eigenvalues (excluded outliers left out). */
  empirical: number[];
  /** Exact first four moments of the limit law (closed-form recursion); null where none is known (NTK, ultra-wide). */
  theory: number[] | null;
  /** First four moments of the theory curve as drawn (trapezoid + atoms): a check of the curve. */
  curve: number[];
}

export interface SpectrumComparison {
  /** Every eigenvalue, pooled over repeats, ascending (outliers included). */
  eigenvalues: Float64Array;
  /** Bulk histogram (atom at 0 and outliers beyond the edge not binned), normalised like the theory density. */
  histogram: Histogram;
  theory: TheoryCurve;
  /** sup |F_emp − F_theory| over the compared eigenvalues. */
  ks: number;
  moments: SpectrumMoments;
  /** Eigenvalues past the bulk edge, and the c₂ mean-direction outlier (excluded from the comparison). */
  outliers: OutlierRecord[];
  /** Right edge of the theory bulk. */
  rightEdge: number;
  maxEigenvalue: number;
}

export interface CkLayerResult extends SpectrumComparison {
  /** ℓ = 0 (input Gram XᵀX) … L. */
  layer: number;
  /** d_ℓ. */
  width: number;
  /** γ_ℓ = n/d_ℓ. */
  gamma: number;
}

export interface CkNtkResult {
  [key: string]: unknown;
  n: number;
  d0: number;
  widths: number[];
  L: number;
  regime: 'linear' | 'ultra-wide';
  precision: 'float64' | 'float32';
  repeats: number;
  input: { type: string; description: string };
  /** σ̃ constants (MATH.md §1): b = Eσ̃′, a = E σ̃′², c₂ (the mean-direction outlier when ≠ 0). */
  activation: { name: string; b: number; a: number; c2: number; mean: number; sd: number };
  layers: CkLayerResult[];
  /**
   * NTK: q = (q_{−1}, q_0, …, q_L); meanShift = theory − empirical mean eigenvalue; ksMeanMatched = KS after
   * shifting the empirical spectrum by meanShift (MATH.md §3.5 "compare after matching means").
   * theoryApplies = false when c₂ ≠ 0: E σ̃′(u)σ̃′(v) = b² + (Eσ̃″)²ρ + … and (Eσ̃″)² = 2c₂², so the backward Grams
   * carry a 2c₂²·K term whose Hadamard products the q-formula q₋₁I + Σ q_ℓK_ℓ (MATH.md §3.1) leaves out; our
   * simulations disagree with it then (cos, L = 3: KS 0.37; relu, L = 10: KS 0.54). The curve is still drawn.
   */
  ntk?: SpectrumComparison & { q: number[]; meanShift: number; ksMeanMatched: number; theoryApplies: boolean };
  ultraWide?: SpectrumComparison;
  timings: { theorySeconds: number; simulationSeconds: number };
}

const EPS_ZERO = { float64: 1e-9, float32: 1e-5 } as const;

function inputDescription(p: CkNtkParams, n: number, d0: number): string {
  switch (p.input.type) {
    case 'gaussian':
      return `iid N(0, 1/d₀), ${d0}×${n}`;
    case 'mixture':
      return `Gaussian mixture, ${p.input.classes} classes, θ = ${p.input.theta}, ${d0}×${n}`;
    case 'matrix':
    case 'csv':
    case 'npy': {
      const m = importedMatrix(p.input)!;
      const source = p.input.type === 'csv' ? ' from a .csv file' : p.input.type === 'npy' ? ' from a .npy file' : '';
      const steps = [m.centre ? 'centred' : null, m.removeTopPCs > 0 ? `top ${m.removeTopPCs} PCs removed` : null, m.unitNorm ? 'unit-norm columns' : 'tr XᵀX = n'].filter(Boolean);
      return `imported ${m.rows}×${m.cols} matrix${source} (${m.orientation}), ${steps.join(', ')}; X is ${d0}×${n}`;
    }
  }
}

/** Compares pooled per-repeat eigenvalues with a theory; `perRepeat` are ascending. */
function compare(perRepeat: Float64Array[], outliers: OutlierRecord[], theory: SpectrumTheory, exactMoments: number[] | null, bins: number, zeroTol: number): SpectrumComparison {
  const all: number[] = [];
  const kept: number[] = [];
  perRepeat.forEach((ev, r) => {
    for (const v of ev) all.push(v);
    for (const v of withoutExcluded(ev, outliers.filter((o) => o.repeat === r))) kept.push(v);
  });
  all.sort((a, b) => a - b);
  kept.sort((a, b) => a - b);
  const hasZeroAtom = theory.curve.atoms.some((a) => a.x === 0);
  // Rank-deficient directions are exact zeros in theory and O(ε·λmax) in floating point: one atom.
  const top = kept.length > 0 ? Math.abs(kept[kept.length - 1]) : 1;
  const tol = zeroTol * Math.max(1, top);
  const compared = hasZeroAtom ? kept.map((v) => (Math.abs(v) <= tol ? 0 : v)) : kept;
  const n = perRepeat[0].length;
  const threshold = outlierThreshold(theory.rightEdge, n);
  const bulk = compared.filter((v) => !(hasZeroAtom && v === 0) && v <= threshold);
  const lowTheory = theory.curve.edges.length > 0 ? theory.curve.edges[0][0] : bulk[0] ?? 0;
  let lo = Math.min(lowTheory, bulk[0] ?? lowTheory);
  let hi = Math.max(theory.rightEdge, bulk[bulk.length - 1] ?? theory.rightEdge);
  const pad = 0.02 * (hi - lo || 1);
  lo = hasZeroAtom ? Math.max(lo - pad, tol) : lo - pad;
  hi = hi + pad;
  const histogram = densityHistogram(bulk, compared.length, lo, hi, bins);
  return {
    eigenvalues: Float64Array.from(all),
    histogram,
    theory: theory.curve,
    ks: ksDistance(compared, theory.cdf),
    moments: { empirical: empiricalMoments(compared), theory: exactMoments, curve: theory.curveMoments },
    outliers,
    rightEdge: theory.rightEdge,
    maxEigenvalue: all[all.length - 1],
  };
}

export const ckNtk: ComputationModule<CkNtkParams, CkNtkResult> = {
  kind: 'ck-ntk',
  title: 'CK and NTK spectra of deep random networks',
  description:
    'Eigenvalues of the conjugate kernel CK_ℓ = X_ℓᵀX_ℓ of every layer of X_ℓ = σ̃(W_ℓX_{ℓ−1})/√d_ℓ (weights iid N(0,1), ' +
    'σ̃ the normalised activation) and of the neural tangent kernel, against the free-probability limits of Fan & Wang ' +
    '(arXiv 2005.11879): μ_ℓ = MP(γ_ℓ) ⊠ ((1 − b²) + b²μ_{ℓ−1}) computed from the actual input spectrum μ₀, and the NTK limit ' +
    'q₋₁I + Σ q_ℓK_ℓ by the t_ℓ recursion. The NTK is formed in its Jacobian form NTK = K_L + Σ_ℓ (Δ_ℓᵀΔ_ℓ) ∘ K_{ℓ−1}, ' +
    'Δ_ℓ the backpropagated vectors of f(x) = vᵀx_L. Activations with c₂ ≠ 0 (relu, gelu, silu, softplus) add one outlier ' +
    'along 1/√n, reported apart and left out of the comparison. The ultra-wide regime shows √(d₁/n)(K − EK) against the ' +
    'deformed semicircle of Wang & Zhu (arXiv 2109.09304), with EK by quadrature.',
  params: ckNtkParams,
  summarize: (p) => {
    const { n, d0 } = effectiveSizes(p);
    return `n=${n} d0=${d0} widths=${p.widths.join(',')} ${p.activation} ${p.input.type}${p.regime === 'ultra-wide' ? ' ultra-wide' : p.ntk ? ' +NTK' : ''}${p.precision === 'float32' ? ' f32' : ''}${p.repeats > 1 ? ` ×${p.repeats}` : ''}`;
  },
  sweepMetrics: (r) => {
    const out: SweepMetric[] = [];
    const last = r.layers[r.layers.length - 1];
    out.push({ series: `largest bulk eigenvalue, layer ${last.layer}`, role: 'simulation', value: last.maxEigenvalue });
    out.push({ series: `largest bulk eigenvalue, layer ${last.layer}`, role: 'theory', value: last.rightEdge });
    for (const l of r.layers) out.push({ series: `KS distance, layer ${l.layer}`, role: 'simulation', value: l.ks });
    if (r.ntk) out.push({ series: 'KS distance, NTK', role: 'simulation', value: r.ntk.ks });
    if (r.ultraWide) out.push({ series: 'KS distance, ultra-wide', role: 'simulation', value: r.ultraWide.ks });
    return out;
  },
  async run(p, ctx) {
    const { n, d0 } = effectiveSizes(p);
    const L = p.widths.length;
    const ultra = p.regime === 'ultra-wide';
    const withNtk = p.ntk && !ultra;
    const consts = activationConstants(p.activation);
    const act = normalisedActivation(p.activation);
    const gammas = p.widths.map((d) => n / d);
    const gamma0 = n / d0;
    const zeroTol = EPS_ZERO[p.precision];
    const meanDirection = Math.abs(consts.c2) > 1e-6;
    const t0 = performance.now();

    // ---- Input and μ₀ ----
    ctx.progress(0, 'input');
    let fixedX: DenseMatrix | null = null;
    const imported = importedMatrix(p.input);
    if (!imported && (p.input.type === 'csv' || p.input.type === 'npy')) throw new RangeError(`input: the .${p.input.type} file cannot be read`);
    if (imported) fixedX = prepareImportedMatrix(imported).x;
    else if (p.input.type === 'mixture') fixedX = gaussianMixtureInput(d0, n, p.input.classes, p.input.theta, ctx.rng.fork('input')).x;
    // The ultra-wide law needs Φ = κ(XᵀX), exact only for unit-norm columns (MATH.md §4.3).
    if (fixedX && ultra) normaliseColumns(fixedX);
    let mu0: SpectralMeasure;
    let mu0Moments: number[];
    let fixedGram: DenseMatrix | null = null;
    let fixedEigen0: Float64Array | null = null;
    if (fixedX) {
      fixedGram = gram(fixedX);
      fixedEigen0 = eigvalsh(fixedGram);
      mu0 = eigenvalueHistogramMeasure(fixedEigen0, zeroTol * Math.max(1, fixedEigen0[n - 1]));
      mu0Moments = empiricalMoments(fixedEigen0);
    } else {
      mu0 = mpMeasure(gamma0);
      mu0Moments = [1, 2, 3, 4].map((k) => mpMoment(k, gamma0));
    }

    // ---- Theory (cheap next to the simulation; computed first so outliers can be judged per layer) ----
    ctx.progress(0.02, 'theory: CK layers');
    const theories = ckLayerTheories(mu0, mu0Moments, consts.b, gammas, p.theoryPoints, (l) => ctx.progress(0.02 + (0.06 * (l + 1)) / (L + 1), `theory: layer ${l}`));
    ctx.signal.throwIfAborted();
    const ntkTh = withNtk ? (ctx.progress(0.08, 'theory: NTK'), ntkTheory(mu0, consts.b, consts.a, gammas, theories.map((t) => t.rightEdge), p.theoryPoints)) : null;
    const t1 = performance.now();

    // ---- Simulation ----
    const layerEigen: Float64Array[][] = Array.from({ length: L + 1 }, () => []);
    const layerOutliers: OutlierRecord[][] = Array.from({ length: L + 1 }, () => []);
    const ntkEigen: Float64Array[] = [];
    const ntkOutliers: OutlierRecord[] = [];
    const uwEigen: Float64Array[] = [];
    const uwOutliers: OutlierRecord[] = [];
    let uwTheory: SpectrumTheory | null = null;
    const stepsPerRepeat = L + 1 + (withNtk ? 1 : 0);
    const span = 0.9 / p.repeats;
    for (let r = 0; r < p.repeats; r++) {
      ctx.signal.throwIfAborted();
      const base = 0.1 + r * span;
      const rr = ctx.rng.fork(`repeat-${r}`);
      let x = fixedX;
      if (!x) {
        x = gaussianInput(d0, n, rr.fork('input'));
        if (ultra) normaliseColumns(x);
      }
      const record = (l: number, g: DenseMatrix, ev: Float64Array) => {
        layerEigen[l].push(ev);
        for (const o of findOutliers(g, ev, theories[l].rightEdge, { meanDirection: meanDirection && l >= 1, repeat: r })) layerOutliers[l].push(o);
      };
      if (!ultra) {
        const fw = forwardPass(x, p.widths, act, rr, {
          precision: p.precision,
          keepForNtk: withNtk,
          keepGrams: withNtk,
          inputGram: fixedGram ?? undefined,
          signal: ctx.signal,
          onLayer: (l, g) => {
            ctx.progress(base + (span * (l + 0.5)) / stepsPerRepeat, `repeat ${r + 1}/${p.repeats}: layer ${l} eigenvalues`);
            record(l, g, l === 0 && fixedEigen0 ? fixedEigen0 : eigvalsh(g));
          },
        });
        if (withNtk) {
          ctx.progress(base + (span * (L + 1)) / stepsPerRepeat, `repeat ${r + 1}/${p.repeats}: NTK`);
          const vRng = rr.fork('v');
          const v = new Float64Array(p.widths[L - 1]);
          let norm2 = 0;
          for (let i = 0; i < v.length; i++) {
            v[i] = vRng.normal();
            norm2 += v[i] * v[i];
          }
          // Same limit either way; the sphere removes the random factor ‖v‖²/d_L on every backward term.
          if (p.readout === 'sphere') {
            const s = Math.sqrt(v.length / norm2);
            for (let i = 0; i < v.length; i++) v[i] *= s;
          }
          const { ntk } = ntkByJacobian(fw, v, ctx.signal);
          const ev = eigvalsh(ntk);
          ntkEigen.push(ev);
          for (const o of findOutliers(ntk, ev, ntkTh!.rightEdge, { meanDirection, repeat: r })) ntkOutliers.push(o);
        }
      } else {
        const g0 = fixedGram ?? gram(x);
        record(0, g0, fixedEigen0 ?? eigvalsh(g0));
        const d1 = p.widths[0];
        const k = ultraWideGram(x, d1, act, rr.fork('W1'), {
          chunk: ultraWideChunk(n, d0),
          precision: p.precision,
          signal: ctx.signal,
          onChunk: (done) => ctx.progress(base + span * 0.8 * (done / d1), `repeat ${r + 1}/${p.repeats}: K over ${done.toLocaleString('en-US')} of ${d1.toLocaleString('en-US')} rows of W`),
        });
        record(1, k, eigvalsh(k));
        ctx.progress(base + span * 0.85, `repeat ${r + 1}/${p.repeats}: EK by quadrature`);
        const phi = kernelExpectationMatrix(x, p.activation);
        if (r === 0) {
          // ν = the spectrum of the exact Φ of this input (MATH.md §4.2: better at finite n than the limit).
          uwTheory = ultraWideTheory(eigvalsh(phi), p.theoryPoints);
        }
        const s = Math.sqrt(d1 / n);
        const m = new Float64Array(n * n);
        for (let i = 0; i < m.length; i++) m[i] = s * (k.data[i] - phi.data[i]);
        const mm = { rows: n, cols: n, data: m };
        const ev = eigvalsh(mm);
        uwEigen.push(ev);
        for (const o of findOutliers(mm, ev, uwTheory!.rightEdge, { meanDirection: false, repeat: r })) uwOutliers.push(o);
      }
    }
    ctx.progress(0.99, 'diagnostics');
    const layers: CkLayerResult[] = theories.map((th, l) => ({
      layer: l,
      width: l === 0 ? d0 : p.widths[l - 1],
      gamma: l === 0 ? gamma0 : gammas[l - 1],
      ...compare(layerEigen[l], layerOutliers[l], th, th.moments, p.bins, zeroTol),
    }));
    const result: CkNtkResult = {
      n,
      d0,
      widths: [...p.widths],
      L,
      regime: p.regime,
      precision: p.precision,
      repeats: p.repeats,
      input: { type: p.input.type, description: inputDescription(p, n, d0) },
      activation: { name: p.activation, b: consts.b, a: consts.a, c2: consts.c2, mean: consts.mean, sd: consts.sd },
      layers,
      timings: { theorySeconds: (t1 - t0) / 1000, simulationSeconds: (performance.now() - t1) / 1000 },
    };
    if (withNtk && ntkTh) {
      const cmp = compare(ntkEigen, ntkOutliers, ntkTh, null, p.bins, zeroTol);
      // MATH.md §3.5: at finite width the NTK's mean eigenvalue is off by O(d^{−1/2}) (readout norm) and O(1/d)
      // (backward Grams); the shape is compared after shifting the empirical spectrum onto the theory mean.
      const shift = cmp.moments.curve[0] - cmp.moments.empirical[0];
      const kept: number[] = [];
      ntkEigen.forEach((ev, r) => withoutExcluded(ev, ntkOutliers.filter((o) => o.repeat === r)).forEach((v) => kept.push(v + shift)));
      kept.sort((a, b) => a - b);
      result.ntk = { ...cmp, q: ntkTh.q, meanShift: shift, ksMeanMatched: ksDistance(kept, ntkTh.cdf), theoryApplies: !meanDirection };
    }
    if (ultra && uwTheory) result.ultraWide = compare(uwEigen, uwOutliers, uwTheory, null, p.bins, zeroTol);
    ctx.progress(1, 'done');
    return result;
  },
};

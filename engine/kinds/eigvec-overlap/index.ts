/**
 * eigvec-overlap: how the eigenvectors of a GOE matrix decorrelate under Dyson Brownian motion — the
 * profile n·E⟨u_i, v_j⟩² against λ_i − μ_j, with the Lorentzian prediction t/((λ_i − μ_j)² + C t²)
 * (Benigni 2017 via Bourgade–Yau's eigenvector moment flow, as quoted in the seed slides; MATH.md §10,
 * formula marked unverified there and checked here by simulation), and the seed slides' per-index view
 * ⟨u_i, v_j⟩², j = i − 20 … i + 20, for correlated Erdős–Rényi pairs. This is the motivation for
 * GRAMPA's Cauchy weights: eigenvector pairs with |λ_i − μ_j| ≲ η carry the matching signal.
 */
import { eigh, matmul, type DenseMatrix } from '../../linalg/index.js';
import { fillGoe } from '../../graphs/fillGoe.js';
import { sampleCorrelatedErdosRenyi } from '../../graphs/sampleCorrelatedErdosRenyi.js';
import type { ComputationModule } from '../ComputationModule.js';
import { eigvecOverlapParams, type EigvecOverlapParams } from './eigvecOverlapParams.js';
import { overlapTheory } from './overlapTheory.js';

export { eigvecOverlapParams, type EigvecOverlapParams } from './eigvecOverlapParams.js';

export interface EigvecOverlapResult {
  [key: string]: unknown;
  variant: 'stationary' | 'additive';
  n: number;
  t: number;
  window: number;
  draws: number;
  /** Bin centres x of λ_i − μ_j; mean of n⟨u_i, v_j⟩² (simulation) and of the formula (theory) over the same pairs; pairs per bin. */
  profile: { x: Float64Array; simulation: Float64Array; theory: Float64Array; counts: Float64Array };
  /** The bin where the formula peaks. */
  peak: { x: number; simulation: number; theory: number };
  /** Mean over the window's rows of Σ_j ⟨u_i, v_j⟩²: exactly 1 (row i of UᵀV is a unit vector), a check. */
  sumRule: number;
  /** Rows i inside the window, averaged over draws. */
  rowsPerDraw: number;
  perIndex: { i: number; n: number; p: number; delta: number; draws: number; j: Float64Array; overlap: Float64Array } | null;
  warnings: string[];
}

export const eigvecOverlap: ComputationModule<EigvecOverlapParams, EigvecOverlapResult> = {
  kind: 'eigvec-overlap',
  title: 'Eigenvector overlaps under Dyson Brownian motion',
  description:
    'Overlaps between the eigenvectors of a GOE matrix A and of B = √(1−t)A + √t Z (stationary) or B = A + √t Z (additive), ' +
    'with Z an independent GOE: n·E⟨u_i, v_j⟩² against λ_i − μ_j is a Lorentzian of width ≈ t (Benigni 2017; the seed ' +
    'slides on GRAMPA, Fan–Mao–Wu–Xu 2019), shown with the prediction; plus the per-index overlaps ⟨u_i, v_j⟩² of two ' +
    'correlated Erdős–Rényi graphs. The same shape is the Cauchy kernel that GRAMPA uses to weight eigenvector pairs.',
  params: eigvecOverlapParams,
  summarize: (p) => `${p.variant} n=${p.n} t=${p.t} |λ|<${p.window} ×${p.draws}${p.perIndex ? ` + ER n=${p.perIndex.n} p=${p.perIndex.p} δ=${p.perIndex.delta}` : ''}`,
  sweepMetrics: (r) => [
    { series: 'peak overlap', role: 'simulation', value: r.peak.simulation },
    { series: 'peak overlap', role: 'theory', value: r.peak.theory },
  ],
  async run(p, ctx) {
    const { n, t, bins, variant } = p;
    const warnings: string[] = [];
    if (n * t < 10) warnings.push(`n·t = ${(n * t).toPrecision(3)} is small: the Lorentzian (width ≈ t) is not much wider than the eigenvalue spacing (≈ 1/n), so the profile is not resolved (MATH.md §10.3)`);
    if (2 * p.range * t / bins > t / 3 + 1e-12) warnings.push(`bin width ${((2 * p.range * t) / bins).toPrecision(3)} exceeds t/3: the peak is flattened by binning (the theory is averaged over the same bins, so the comparison stays fair)`);
    const lo = -p.range * t;
    const width = (2 * p.range * t) / bins;
    const sim = new Float64Array(bins);
    const theory = new Float64Array(bins);
    const counts = new Float64Array(bins);
    let sumRule = 0;
    let rows = 0;
    const perIndexShare = p.perIndex ? 0.3 : 0;
    for (let d = 0; d < p.draws; d++) {
      ctx.signal.throwIfAborted();
      ctx.progress(((1 - perIndexShare) * d) / p.draws, `draw ${d + 1}/${p.draws}: sampling and diagonalising`);
      const rng = ctx.rng.fork(`draw ${d}`);
      const a = fillGoe(rng.fork('A'), n);
      const b = fillGoe(rng.fork('Z'), n);
      const [ca, cz] = variant === 'stationary' ? [Math.sqrt(1 - t), Math.sqrt(t)] : [1, Math.sqrt(t)];
      for (let k = 0; k < b.length; k++) b[k] = ca * a[k] + cz * b[k];
      const ea = eigh({ rows: n, cols: n, data: a });
      const eb = eigh({ rows: n, cols: n, data: b });
      const sel: number[] = [];
      for (let i = 0; i < n; i++) if (Math.abs(ea.values[i]) < p.window) sel.push(i);
      if (sel.length === 0) continue;
      // Only the window's rows of UᵀV are needed: (U_sel)ᵀ V is k×n, one GEMM.
      const uSel = columns(ea.vectors, sel);
      const o = matmul(uSel, eb.vectors, { transA: true }).data;
      for (let r = 0; r < sel.length; r++) {
        const lambda = ea.values[sel[r]];
        let rowSum = 0;
        for (let j = 0; j < n; j++) {
          const ov = o[r * n + j] * o[r * n + j];
          rowSum += ov;
          const bin = Math.floor((lambda - eb.values[j] - lo) / width);
          if (bin < 0 || bin >= bins) continue;
          sim[bin] += n * ov;
          theory[bin] += overlapTheory(variant, t, lambda, eb.values[j]);
          counts[bin]++;
        }
        sumRule += rowSum;
      }
      rows += sel.length;
    }
    const x = Float64Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width);
    for (let k = 0; k < bins; k++) {
      sim[k] = counts[k] ? sim[k] / counts[k] : Number.NaN;
      theory[k] = counts[k] ? theory[k] / counts[k] : Number.NaN;
    }
    let peakBin = 0;
    for (let k = 1; k < bins; k++) if (!(theory[k] <= theory[peakBin])) peakBin = Number.isNaN(theory[k]) ? peakBin : k;
    if (rows === 0) warnings.push(`no eigenvalue of A fell inside |λ| < ${p.window}: widen the window`);

    let perIndex: EigvecOverlapResult['perIndex'] = null;
    if (p.perIndex) {
      const q = p.perIndex;
      const jLo = Math.max(1, q.i - q.halfWidth);
      const jHi = Math.min(q.n, q.i + q.halfWidth);
      const overlap = new Float64Array(jHi - jLo + 1);
      for (let d = 0; d < q.draws; d++) {
        ctx.signal.throwIfAborted();
        ctx.progress(1 - perIndexShare + (perIndexShare * d) / q.draws, `Erdős–Rényi pair ${d + 1}/${q.draws}`);
        const pair = sampleCorrelatedErdosRenyi(ctx.rng.fork(`per-index ${d}`), q.n, q.p, q.delta);
        // Undo the sampler's hidden relabelling: overlaps compare vertex i of A with vertex i of B.
        const m = q.n;
        const bAligned = new Float64Array(m * m);
        for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) bAligned[i * m + j] = pair.b[pair.truth![i] * m + pair.truth![j]];
        const ea = eigh({ rows: m, cols: m, data: pair.a });
        const eb = eigh({ rows: m, cols: m, data: bAligned });
        // Index i counts from the largest eigenvalue (the seed's u_100); eigh sorts ascending.
        const ci = m - q.i;
        for (let j = jLo; j <= jHi; j++) {
          const cj = m - j;
          let dot = 0;
          for (let r = 0; r < m; r++) dot += ea.vectors.data[r * m + ci] * eb.vectors.data[r * m + cj];
          overlap[j - jLo] += (dot * dot) / q.draws;
        }
      }
      perIndex = { i: q.i, n: q.n, p: q.p, delta: q.delta, draws: q.draws, j: Float64Array.from({ length: jHi - jLo + 1 }, (_, k) => jLo + k), overlap };
    }
    ctx.progress(1, 'done');
    return {
      variant,
      n,
      t,
      window: p.window,
      draws: p.draws,
      profile: { x, simulation: sim, theory, counts },
      peak: { x: x[peakBin], simulation: sim[peakBin], theory: theory[peakBin] },
      sumRule: rows ? sumRule / rows : Number.NaN,
      rowsPerDraw: rows / p.draws,
      perIndex,
      warnings,
    };
  },
};

function columns(m: DenseMatrix, cols: number[]): DenseMatrix {
  const k = cols.length;
  const out = new Float64Array(m.rows * k);
  for (let i = 0; i < m.rows; i++) for (let c = 0; c < k; c++) out[i * k + c] = m.data[i * m.cols + cols[c]];
  return { rows: m.rows, cols: k, data: out };
}

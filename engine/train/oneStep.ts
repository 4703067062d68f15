import { eigh, eigTopK, eigvalsh, matmul, type DenseMatrix } from '../linalg/index.js';
import type { Rng } from '../random/Rng.js';
import { activationConstants, normalisedActivation, rawActivation, type ActivationName } from '../rmt/activations.js';
import { compositeGaussLegendre } from '../rmt/gaussLegendre.js';
import { targetDirection } from './dataset.js';

/**
 * One large gradient step on the first layer of a two-layer network, then ridge regression on the second
 * layer (Ba, Erdogdu, Suzuki, Wang, Wu, Yang 2205.01445; MATH.md §6, conventions there):
 *   f(x) = (1/√N)·aᵀσ̃(Wᵀx), W_0 ∈ ℝ^{d×N} iid N(0, 1/d), a iid N(0, 1/N) fixed, x ~ N(0, I_d),
 *   teacher y = σ*(⟨β, x⟩) + σ_ε·ε, loss (1/2n)Σ(f − y)²,
 *   G = −∇_W L = (1/(n√N))·Xᵀ[(r aᵀ) ∘ σ̃′(XW_0)], r = y − f(X),   W_1 = W_0 + η√N·G.
 * Theory (§6.3–6.4, "[sim]": checked against simulation, not against the paper):
 *   θ_W = η·b·‖Xᵀr/n‖·‖a‖ ≈ η·b·√(μ₁*² + E[y²]/ψ_n),  c = N/d, outlier iff θ_W⁴ > c, at
 *   s = √(N/d)·√((1+θ′²)(d/N + θ′²))/θ′ with θ′ = θ_W√(d/N);  ⟨u, β⟩² → μ₁*²/(μ₁*² + E[y²]/ψ_n),
 *   ⟨û, u⟩² ≈ (θ_W⁴ − c)/(θ_W⁴ + θ_W²).  The bulk edge of W_0's singular values is 1 + √(N/d).
 * CK alignment after the step (§6.5) is measured on FRESH test data: K_1 = (1/N)σ̃(X̃W_1)σ̃(X̃W_1)ᵀ,
 * (i) ⟨v_1(K_1), ỹ_c⟩²/‖ỹ_c‖² and (ii) ỹ_cᵀK_1ỹ_c/(‖K_1‖_F‖ỹ_c‖²); eigenvectors along 1/√n (the c_2
 * spike, §2.6) are skipped for (i). The second stage fits a by ridge on a fresh training sample.
 *
 * Layout: here samples are ROWS (X is n×d) as in §6, unlike the MLP of mlp.ts.
 */
export interface OneStepOptions {
  n: number;
  nTest: number;
  d: number;
  N: number;
  activation: ActivationName;
  link: ActivationName;
  noise: number;
  eta: number;
  ridge: number;
}

export interface OneStepResult {
  /** Singular values of W_1, descending (min(d, N) of them). */
  singularValues: Float64Array;
  /** Singular values of W_0, descending. */
  initialSingularValues: Float64Array;
  predicted: {
    /** Outlier location from the measured θ_W (NaN below threshold). */
    outlier: number;
    /** θ_W threshold c^{1/4} = (N/d)^{1/4}. */
    threshold: number;
    /** θ_W = η·b·‖Xᵀr/n‖·‖a‖ (measured quantities). */
    thetaW: number;
    /** θ_W from the population limit η·b·√(μ₁*² + E[y²]/ψ_n). */
    thetaWLimit: number;
    /** Outlier location from thetaWLimit. */
    outlierLimit: number;
    /** η at which θ_W reaches the threshold (population limit). */
    etaThreshold: number;
    /** Bulk edge 1 + √(N/d). */
    bulkEdge: number;
    u_beta: number;
    uhat_u: number;
    uhat_beta: number;
    mu1: number;
    ySecondMoment: number;
  };
  alignment: {
    /** Measured ⟨u, β⟩², u = Xᵀr/‖Xᵀr‖. */
    u_beta: number;
    /** Measured ⟨û, β⟩², û the top left singular vector of W_1. */
    uhat_beta: number;
    uhat_u: number;
    /** (i) at W_1 and at W_0. */
    ckSpike: number;
    ckSpikeInit: number;
    /** (ii) at W_1 and at W_0. */
    kernelTarget: number;
    kernelTargetInit: number;
  };
  ck: {
    /** Top eigenvalues of K_1 (descending) and of K_0 on the same test inputs. */
    top: Float64Array;
    topInit: Float64Array;
    /** Eigenvalues of K_1 above K_0's edge plus the Tracy–Widom margin 3·n^{−2/3}·E₊ (§7.2). */
    outlierCount: number;
    edgeInit: number;
  };
  ridge: { lambda: number; testLoss: number; testLossInit: number; trainLoss: number };
}

/** E f(ξ), ξ ~ N(0,1), by composite Gauss–Legendre with a breakpoint at 0 (relu's kink, §1 pitfalls). */
function gaussianExpectation(f: (x: number) => number): number {
  const rule = compositeGaussLegendre([-12, 0, 12], 32, 8);
  let s = 0;
  for (let i = 0; i < rule.nodes.length; i++) {
    const x = rule.nodes[i];
    s += rule.weights[i] * Math.exp(-0.5 * x * x) * f(x);
  }
  return s / Math.sqrt(2 * Math.PI);
}

/** §6.4 outlier location for spike strength θ_W (NaN when θ_W⁴ ≤ c). */
export function oneStepOutlier(thetaW: number, d: number, N: number): number {
  const c = N / d;
  if (!(thetaW ** 4 > c)) return Number.NaN;
  const tp = thetaW * Math.sqrt(d / N);
  const tp2 = tp * tp;
  return (Math.sqrt(N / d) * Math.sqrt((1 + tp2) * (d / N + tp2))) / tp;
}

function gaussianMatrix(rng: Rng, rows: number, cols: number, sd: number): DenseMatrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = sd * rng.normal();
  return { rows, cols, data };
}

function teacher(rng: Rng, x: DenseMatrix, beta: Float64Array, link: ActivationName, noise: number): Float64Array {
  const f = rawActivation(link).f;
  const y = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let t = 0;
    for (let j = 0; j < x.cols; j++) t += x.data[i * x.cols + j] * beta[j];
    y[i] = f(t) + (noise > 0 ? noise * rng.normal() : 0);
  }
  return y;
}

function applyInPlace(m: DenseMatrix, f: (x: number) => number): DenseMatrix {
  for (let i = 0; i < m.data.length; i++) m.data[i] = f(m.data[i]);
  return m;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Top eigenpairs of (1/N)·F Fᵀ and the two alignments of §6.5 with the centred targets. */
function ckAlignment(features: DenseMatrix, yc: Float64Array, N: number, k: number) {
  const K = matmul(features, features, { transB: true, alpha: 1 / N });
  const m = K.rows;
  const top = eigTopK(K, Math.min(k, m));
  const yy = dot(yc, yc);
  const invSqrtM = 1 / Math.sqrt(m);
  let spike = Number.NaN;
  for (let j = 0; j < top.values.length; j++) {
    const v = new Float64Array(m);
    for (let i = 0; i < m; i++) v[i] = top.vectors.data[i * top.vectors.cols + j];
    let ones = 0;
    for (let i = 0; i < m; i++) ones += v[i] * invSqrtM;
    if (ones * ones > 0.5) continue; // the c_2 spike along 1/√n carries no label information (§2.6)
    const o = dot(v, yc);
    spike = (o * o) / yy;
    break;
  }
  let fro = 0;
  for (let i = 0; i < K.data.length; i++) fro += K.data[i] * K.data[i];
  let quad = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += K.data[i * m + j] * yc[j];
    quad += yc[i] * s;
  }
  return { top: top.values, spike, kta: quad / (Math.sqrt(fro) * yy) };
}

/** Ridge fit of a on features F (n×N): (FᵀF/n + λI)a = Fᵀy/n, through an eigendecomposition of FᵀF/n. */
function ridgeFit(F: DenseMatrix, y: Float64Array, lambda: number): Float64Array {
  const n = F.rows;
  const N = F.cols;
  const gramN = matmul(F, F, { transA: true, alpha: 1 / n });
  const { values, vectors } = eigh(gramN);
  const rhs = new Float64Array(N);
  for (let i = 0; i < n; i++) {
    const yi = y[i] / n;
    for (let j = 0; j < N; j++) rhs[j] += F.data[i * N + j] * yi;
  }
  // a = V diag(1/(λ_k + λ)) Vᵀ rhs
  const proj = new Float64Array(N);
  for (let i = 0; i < N; i++) for (let k = 0; k < N; k++) proj[k] += vectors.data[i * N + k] * rhs[i];
  for (let k = 0; k < N; k++) proj[k] /= Math.max(values[k], 0) + lambda;
  const a = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = 0; k < N; k++) s += vectors.data[i * N + k] * proj[k];
    a[i] = s;
  }
  return a;
}

function predictLoss(F: DenseMatrix, a: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < F.rows; i++) {
    let f = 0;
    for (let j = 0; j < F.cols; j++) f += F.data[i * F.cols + j] * a[j];
    s += (f - y[i]) ** 2;
  }
  return s / (2 * F.rows);
}

export async function oneStepExperiment(rng: Rng, o: OneStepOptions, progress: (f: number, stage: string) => void = () => {}): Promise<OneStepResult> {
  const { n, d, N, eta } = o;
  const act = normalisedActivation(o.activation);
  const b = activationConstants(o.activation).b;
  const beta = targetDirection(rng.fork('beta'), d);
  progress(0.02, 'sampling data');
  const X = gaussianMatrix(rng.fork('X'), n, d, 1);
  const y = teacher(rng.fork('y-noise'), X, beta, o.link, o.noise);
  const W0 = gaussianMatrix(rng.fork('W0'), d, N, 1 / Math.sqrt(d));
  const a = gaussianMatrix(rng.fork('a'), N, 1, 1 / Math.sqrt(N)).data;

  progress(0.1, 'gradient step');
  const pre = matmul(X, W0); // n×N
  const sqrtN = Math.sqrt(N);
  const r = new Float64Array(n);
  const M = new Float64Array(n * N); // (r aᵀ) ∘ σ̃′(XW_0), after r is known
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < N; j++) f += a[j] * act.f(pre.data[i * N + j]);
    r[i] = y[i] - f / sqrtN;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < N; j++) M[i * N + j] = r[i] * a[j] * act.df(pre.data[i * N + j]);
  // W_1 = W_0 + η√N·G = W_0 + (η/n)·Xᵀ M
  const step = matmul(X, { rows: n, cols: N, data: M }, { transA: true, alpha: eta / n });
  const W1: DenseMatrix = { rows: d, cols: N, data: W0.data.map((w, i) => w + step.data[i]) };

  progress(0.3, 'singular values');
  const singular = (W: DenseMatrix) => {
    const small = d <= N ? matmul(W, W, { transB: true }) : matmul(W, W, { transA: true });
    const ev = eigvalsh(small);
    const s = new Float64Array(ev.length);
    for (let i = 0; i < ev.length; i++) s[i] = Math.sqrt(Math.max(0, ev[ev.length - 1 - i]));
    return { small, s };
  };
  const s1 = singular(W1);
  const s0 = singular(W0);
  // û: top left singular vector (in ℝ^d) = top eigenvector of W_1W_1ᵀ.
  const WWt = d <= N ? s1.small : matmul(W1, W1, { transB: true });
  const uhat = eigTopK(WWt, 1).vectors.data;

  // u = Xᵀr/‖Xᵀr‖ and the measured spike strength.
  const xr = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xr[j] += X.data[i * d + j] * r[i];
  const xrNorm = Math.sqrt(dot(xr, xr));
  const u = xr.map((v) => v / xrNorm);
  const aNorm = Math.sqrt(dot(a, a));
  const thetaW = eta * b * (xrNorm / n) * aNorm;

  const mu1 = gaussianExpectation((t) => t * rawActivation(o.link).f(t));
  const ySecondMoment = gaussianExpectation((t) => rawActivation(o.link).f(t) ** 2) + o.noise * o.noise;
  const psi = n / d;
  const c = N / d;
  const pop = Math.sqrt(mu1 * mu1 + ySecondMoment / psi);
  const thetaWLimit = eta * b * pop;
  const uBetaTheory = (mu1 * mu1) / (mu1 * mu1 + ySecondMoment / psi);
  const uhatUTheory = thetaW ** 4 > c ? (thetaW ** 4 - c) / (thetaW ** 4 + thetaW ** 2) : 0;

  progress(0.5, 'CK on test data');
  const Xt = gaussianMatrix(rng.fork('X-test'), o.nTest, d, 1);
  const yt = teacher(rng.fork('y-test-noise'), Xt, beta, o.link, o.noise);
  const mean = yt.reduce((s, v) => s + v, 0) / yt.length;
  const yc = yt.map((v) => v - mean);
  const F1t = applyInPlace(matmul(Xt, W1), act.f);
  const F0t = applyInPlace(matmul(Xt, W0), act.f);
  const k1 = ckAlignment(F1t, yc, N, 10);
  const k0 = ckAlignment(F0t, yc, N, 10);
  // Edge of K_0: its largest eigenvalue that is not the c_2 spike (tanh-like σ̃ have none).
  const edgeInit = activationConstants(o.activation).c2 !== 0 && k0.top.length > 1 ? k0.top[1] : k0.top[0];
  const tau = 3 * o.nTest ** (-2 / 3) * edgeInit;
  let outlierCount = 0;
  for (const v of k1.top) if (v > edgeInit + tau) outlierCount++;

  progress(0.7, 'ridge on the second layer');
  const Xr = gaussianMatrix(rng.fork('X-ridge'), n, d, 1);
  const yr = teacher(rng.fork('y-ridge-noise'), Xr, beta, o.link, o.noise);
  const scale = 1 / sqrtN;
  const F1r = applyInPlace(matmul(Xr, W1), (t) => act.f(t) * scale);
  const F0r = applyInPlace(matmul(Xr, W0), (t) => act.f(t) * scale);
  const a1 = ridgeFit(F1r, yr, o.ridge);
  const a0 = ridgeFit(F0r, yr, o.ridge);
  for (let i = 0; i < F1t.data.length; i++) F1t.data[i] *= scale;
  for (let i = 0; i < F0t.data.length; i++) F0t.data[i] *= scale;
  const ridge = { lambda: o.ridge, testLoss: predictLoss(F1t, a1, yt), testLossInit: predictLoss(F0t, a0, yt), trainLoss: predictLoss(F1r, a1, yr) };

  const uhatU = dot(uhat, u) ** 2;
  progress(1, 'done');
  return {
    singularValues: s1.s,
    initialSingularValues: s0.s,
    predicted: {
      outlier: oneStepOutlier(thetaW, d, N),
      threshold: c ** 0.25,
      thetaW,
      thetaWLimit,
      outlierLimit: oneStepOutlier(thetaWLimit, d, N),
      etaThreshold: c ** 0.25 / (b * pop),
      bulkEdge: 1 + Math.sqrt(c),
      u_beta: uBetaTheory,
      uhat_u: uhatUTheory,
      uhat_beta: uhatUTheory * uBetaTheory,
      mu1,
      ySecondMoment,
    },
    alignment: {
      u_beta: dot(u, beta) ** 2,
      uhat_beta: dot(uhat, beta) ** 2,
      uhat_u: uhatU,
      ckSpike: k1.spike,
      ckSpikeInit: k0.spike,
      kernelTarget: k1.kta,
      kernelTargetInit: k0.kta,
    },
    ck: { top: k1.top, topInit: k0.top, outlierCount, edgeInit },
    ridge,
  };
}

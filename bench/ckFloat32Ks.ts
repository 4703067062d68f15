// Effect of the float32 forward pass (the ck-ntk precision option) on conjugate-kernel spectra: the engine's
// forwardPass with precision 'float32' (GEMM, activation and Gram in single precision) against 'float64',
// same input, same weights (same seed), normalised tanh, every layer's CK = X_ℓᵀX_ℓ solved in float64.
// Prints, per layer, the Kolmogorov–Smirnov distance between the two empirical spectral distributions and
// the largest eigenvalue difference.  npx tsx bench/ckFloat32Ks.ts [n=1000] [d=1500] [layers=3]
import { eigvalsh, initLinalg } from '../engine/linalg/index.js';
import { forwardPass, type ForwardPrecision } from '../engine/nn/networkForward.js';
import { Rng } from '../engine/random/Rng.js';
import { normalisedActivation } from '../engine/rmt/activations.js';
import { gaussianMatrix } from './workloads/gaussianMatrix.js';

const kv = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=', 2) as [string, string]));
const n = Number(kv.n ?? 1000);
const d0 = n;
const d = Number(kv.d ?? 1500);
const layers = Number(kv.layers ?? 3);
await initLinalg();

const x0 = gaussianMatrix(d0, n, 1);
for (let i = 0; i < x0.data.length; i++) x0.data[i] /= Math.sqrt(d0);

function spectra(precision: ForwardPrecision): Float64Array[] {
  const out: Float64Array[] = [];
  forwardPass(x0, Array(layers).fill(d), normalisedActivation('tanh'), new Rng(2), {
    precision,
    keepGrams: false,
    inputGram: 'skip',
    onLayer: (_l, g) => out.push(eigvalsh(g)),
  });
  return out;
}

/** Both spectra have n atoms of mass 1/n: the KS distance is the largest gap between the two step functions. */
function ks(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let worst = 0;
  while (i < a.length && j < b.length) {
    if (a[i] <= b[j]) i++;
    else j++;
    worst = Math.max(worst, Math.abs(i - j) / a.length);
  }
  return worst;
}

const s64 = spectra('float64');
const s32 = spectra('float32');
const rows = s64.map((a, l) => {
  const b = s32[l];
  let maxDiff = 0;
  for (let k = 0; k < n; k++) maxDiff = Math.max(maxDiff, Math.abs(a[k] - b[k]));
  return { layer: l + 1, ks: ks(a, b), maxEigenvalueDifference: maxDiff, top64: a[n - 1], top32: b[n - 1] };
});
console.log(JSON.stringify({ n, d0, width: d, layers, rows }, null, 1));
process.exit(0);

// Effect of the float32 forward pass on a conjugate-kernel spectrum: one layer X₁ = φ(W X₀)/√d with
// normalised tanh, CK = X₁ᵀX₁; the pre-activation W X₀ in float32 (matmulF32) vs float64 (matmul),
// everything else float64. Prints the Kolmogorov–Smirnov distance between the two empirical spectral
// distributions and the largest eigenvalue difference.  npx tsx bench/ckFloat32Ks.ts [n=1000] [d=1500]
import { eigvalsh, gram, initLinalg, matmul, matmulF32 } from '../engine/linalg/index.js';
import { gaussianMatrix } from './workloads/gaussianMatrix.js';

const kv = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=', 2) as [string, string]));
const n = Number(kv.n ?? 1000);
const d0 = n;
const d = Number(kv.d ?? 1500);
await initLinalg();

// E tanh(ξ)² for ξ ~ N(0, 1) by the trapezoid rule on [−10, 10]; the mean is 0 by symmetry.
let m2 = 0;
for (let k = -4000; k <= 4000; k++) {
  const t = k / 400;
  m2 += (Math.tanh(t) ** 2 * Math.exp(-t * t / 2)) / 400;
}
const sd = Math.sqrt(m2 / Math.sqrt(2 * Math.PI));

const x0 = gaussianMatrix(d0, n, 1);
for (let i = 0; i < x0.data.length; i++) x0.data[i] /= Math.sqrt(d0);
const w = gaussianMatrix(d, d0, 2);

function spectrum(pre: ArrayLike<number>): Float64Array {
  const x1 = new Float64Array(d * n);
  for (let i = 0; i < x1.length; i++) x1[i] = Math.tanh(pre[i]) / sd / Math.sqrt(d);
  return eigvalsh(gram({ rows: d, cols: n, data: x1 }));
}

const s64 = spectrum(matmul(w, x0).data);
const s32 = spectrum(matmulF32({ ...w, data: Float32Array.from(w.data) }, { ...x0, data: Float32Array.from(x0.data) }).data);
// Both spectra have n atoms of mass 1/n: the KS distance is the largest gap between the two step functions.
let i = 0;
let j = 0;
let ks = 0;
while (i < n && j < n) {
  if (s64[i] <= s32[j]) i++;
  else j++;
  ks = Math.max(ks, Math.abs(i - j) / n);
}
let maxDiff = 0;
for (let k = 0; k < n; k++) maxDiff = Math.max(maxDiff, Math.abs(s64[k] - s32[k]));
console.log(JSON.stringify({ n, d0, d, ks, maxEigenvalueDifference: maxDiff, top64: s64[n - 1], top32: s32[n - 1] }));

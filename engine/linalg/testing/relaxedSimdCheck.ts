// Run by threads.test.ts in a child `node --experimental-wasm-relaxed-simd --import tsx`: exercises the
// relaxed-SIMD (FMA) kernel variant and prints one JSON line of errors against naive references.
import { eigh, gram, initLinalg, linalgInfo, matmul, matmulF32 } from '../index.js';
import { frobenius, gaussian, goe, maxAbsDiff, naiveProduct } from './testMatrices.js';

await initLinalg({ threads: 2 });
const info = linalgInfo();
const a = gaussian(131, 257, 1);
const b = gaussian(257, 67, 2);
const gemmError = maxAbsDiff(matmul(a, b).data, naiveProduct(a, b, false, false).data);
const x = gaussian(200, 150, 3);
const gramError = maxAbsDiff(gram(x).data, naiveProduct(x, x, true, false).data);
const f32 = matmulF32({ ...a, data: Float32Array.from(a.data) }, { ...b, data: Float32Array.from(b.data) }).data;
const f32Error = maxAbsDiff(f32, naiveProduct(a, b, false, false).data);
const n = 200;
const s = goe(n, 4);
const { values, vectors } = eigh(s);
const av = matmul(s, vectors).data;
const r = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = av[i * n + j] - vectors.data[i * n + j] * values[j];
const vtv = matmul(vectors, vectors, { transA: true }).data;
for (let j = 0; j < n; j++) vtv[j * n + j] -= 1;
console.log(JSON.stringify({ ...info, gemmError, gramError, f32Error, eigResidual: frobenius(r) / frobenius(s.data), eigOrthogonality: frobenius(vtv) }));

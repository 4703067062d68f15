// The ceiling our GEMM works under: fused multiply-add throughput of 128-bit WebAssembly SIMD on one core
// of this machine, with independent accumulators and no memory traffic, next to the engine's one-thread
// GEMM on the same core. docs/performance.md quotes it: engine/numpy ratios for GEMM cannot go below
// numpy's rate divided by (threads × this peak). Run: npm run bench:peak (needs relaxed SIMD in Node 20).
import asc from 'assemblyscript/asc';
import { initLinalg, matmul, matmulF32 } from '../engine/linalg/index.js';

/**
 * `chains` independent accumulators a_i ← a_i·x + y, unrolled in the loop body: pure FMA issue. x and y are
 * parameters, not constants: an inlined v128.const is rematerialised by V8 at every use and would make the
 * probe measure that instead.
 */
function probeSource(type: 'f64x2' | 'f32x4', chains: number): string {
  const acc = Array.from({ length: chains }, (_, i) => `a${i}`);
  return `export function run(iters: i32, xs: f64, ys: f64): f64 {
  ${acc.map((a) => `let ${a} = ${type}.splat(1);`).join(' ')}
  const x = ${type}.splat(<${type === 'f64x2' ? 'f64' : 'f32'}>xs), y = ${type}.splat(<${type === 'f64x2' ? 'f64' : 'f32'}>ys);
  for (let i = 0; i < iters; i++) { ${acc.map((a) => `${a} = ${type}.relaxed_madd(${a}, x, y);`).join(' ')} }
  let s = ${type}.splat(0);
  ${acc.map((a) => `s = ${type}.add(s, ${a});`).join(' ')}
  return <f64>${type}.extract_lane(s, 0);
}`;
}

async function peak(type: 'f64x2' | 'f32x4', chains: number): Promise<number> {
  const out = await asc.compileString(probeSource(type, chains), { optimize: true, optimizeLevel: 3, runtime: 'stub', enable: ['simd', 'relaxed-simd'] });
  if (!out.binary) throw new Error(`fmaPeak: asc failed: ${out.stderr.toString()}`);
  const run = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(out.binary))).exports.run as (n: number, x: number, y: number) => number;
  // Wasm has no on-stack replacement: a call that starts in the baseline tier stays there. Several calls,
  // the fastest counted, let TurboFan's code take over.
  const iters = 2e7;
  let seconds = Infinity;
  for (let r = 0; r < 8; r++) {
    const t0 = performance.now();
    run(iters, 0.9999999, 1e-9);
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  const lanes = type === 'f64x2' ? 2 : 4;
  return (iters * chains * lanes * 2) / seconds / 1e9;
}

function gemmRate(n: number, f32: boolean): number {
  const data = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i));
  const a = { rows: n, cols: n, data };
  const a32 = { rows: n, cols: n, data: Float32Array.from(data) };
  const once = () => (f32 ? matmulF32(a32, a32) : matmul(a, a));
  once();
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    once();
    times.push((performance.now() - t0) / 1000);
  }
  return (2 * n ** 3) / times.sort((x, y) => x - y)[1] / 1e9;
}

const n = Number(process.argv[2] ?? 2000);
await initLinalg({ threads: 1 });
for (const [type, label] of [['f64x2', 'float64'], ['f32x4', 'float32']] as const) {
  const p8 = await peak(type, 8);
  const p12 = await peak(type, 12);
  const best = Math.max(p8, p12);
  const g = gemmRate(n, type === 'f32x4');
  console.log(
    `${label}: FMA peak ${p8.toFixed(1)} (8 chains) / ${p12.toFixed(1)} (12 chains) Gflop/s per core; ` +
      `engine GEMM n=${n}, one thread ${g.toFixed(1)} Gflop/s = ${((100 * g) / best).toFixed(0)} % of peak`,
  );
}
process.exit(0);

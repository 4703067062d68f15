// Engine side of one benchmark cell, run in a forked Node (with --experimental-wasm-relaxed-simd, as the
// engine's worker processes are): prepare untimed, one warm-up, then `repeat` timed runs; prints JSON.
import { initLinalg, linalgHelperTaskShare, linalgInfo } from '../engine/linalg/index.js';
import { WORKLOADS } from './workloads/index.js';

const [name, ...rest] = process.argv.slice(2);
const kv = Object.fromEntries(rest.map((a) => a.split('=', 2) as [string, string]));
const repeat = Number(kv.repeat ?? 3);
delete kv.repeat;
const w = WORKLOADS.find((x) => x.name === name);
if (!w) throw new Error(`unknown workload ${name}`);
await initLinalg();
const prepared = w.prepare(kv);
w.run(prepared);
const runs: number[] = [];
let check = 0;
for (let r = 0; r < repeat; r++) {
  const t0 = performance.now();
  check = w.run(prepared);
  runs.push((performance.now() - t0) / 1000);
}
const sorted = [...runs].sort((a, b) => a - b);
console.log(JSON.stringify({ workload: name, params: kv, seconds: sorted[Math.floor(sorted.length / 2)], runs, check, info: linalgInfo(), helperShare: linalgHelperTaskShare() }));

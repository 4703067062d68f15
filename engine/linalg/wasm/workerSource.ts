/**
 * Source of a linalg worker thread, run with `new Worker(src, { eval: true })` so that it needs no file
 * on disk (bundlers cannot lose it). Each worker instantiates the same compiled module over the same
 * shared memory, then loops: wait for a new job generation, claim task indices from a shared counter
 * until none are left, report that it has left the job. Control block layout: see ThreadPool.ts.
 */
export const WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const { module, memory, ctlSab, claimSab, argSab, names, tid, spin } = workerData;
const GEN = 0, TOTAL = 2, DONE = 3, READY = 4, KERNEL = 5, STOP = 6;
const instance = new WebAssembly.Instance(module, { env: { memory } });
const fns = names.map((n) => instance.exports[n]);
const ctl = new Int32Array(ctlSab);
const claim = new BigInt64Array(claimSab);
const args = new Float64Array(argSab);
Atomics.add(ctl, READY, 1);
Atomics.notify(ctl, READY);
let seen = 0;
for (;;) {
  let g = Atomics.load(ctl, GEN);
  // Short spin first: eigen solvers issue thousands of small jobs back to back, and a futex wake-up
  // costs more than the job; then sleep so idle workers do not burn the other engineers' cores.
  for (let s = 0; g === seen && s < spin; s++) g = Atomics.load(ctl, GEN);
  while (g === seen) {
    Atomics.wait(ctl, GEN, seen);
    g = Atomics.load(ctl, GEN);
  }
  seen = g;
  if (Atomics.load(ctl, STOP) !== 0) break;
  const fn = fns[Atomics.load(ctl, KERNEL)];
  const total = Atomics.load(ctl, TOTAL);
  const a0 = args[0], a1 = args[1], a2 = args[2], a3 = args[3], a4 = args[4], a5 = args[5], a6 = args[6], a7 = args[7];
  const a8 = args[8], a9 = args[9], a10 = args[10], a11 = args[11], a12 = args[12], a13 = args[13], a14 = args[14], a15 = args[15];
  // Claim word = generation · 2^24 + next task. A claim succeeds only while the word still carries the
  // generation this worker read, so a worker that slept through a job can never run a task of the next
  // one with stale arguments (the caller only rewrites arguments after every task of a job is done).
  const tag = BigInt(g) << 24n;
  for (;;) {
    const w = Atomics.load(claim, 0);
    if ((w >> 24n) !== BigInt(g)) break;
    const t = Number(w - tag);
    if (t >= total) break;
    if (Atomics.compareExchange(claim, 0, w, w + 1n) !== w) continue;
    fn(t, tid, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
    Atomics.add(ctl, DONE, 1);
    Atomics.notify(ctl, DONE);
  }
}
`;

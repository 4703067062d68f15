import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './workerSource.js';

// Control block (Int32Array over a SharedArrayBuffer); indices shared with workerSource.ts.
const GEN = 0;
const TOTAL = 2;
const DONE = 3;
const READY = 4;
const KERNEL = 5;
const STOP = 6;
const MAX_ARGS = 16;

type Kernel = (task: number, tid: number, ...args: number[]) => void;

/**
 * Fork–join pool of worker threads over one shared WebAssembly.Memory, driven synchronously from the
 * calling thread (which works as thread 0), so the linalg API can stay synchronous.
 *
 * A job is (kernel, task count, ≤16 numeric args). Tasks are claimed from an atomic counter (dynamic load
 * balancing); what a task computes depends only on its index, never on which thread runs it, so results
 * are bit-identical for any thread count. The caller waits until every claimed task is done before
 * issuing the next, and claims carry the job generation, so a late worker can never mix two jobs.
 */
export class ThreadPool {
  readonly threads: number;
  private readonly workers: Worker[] = [];
  private readonly ctl: Int32Array;
  /** [generation · 2^24 + next task index]: see workerSource.ts. */
  private readonly claim: BigInt64Array;
  private readonly args: Float64Array;
  private readonly kernelIds = new Map<string, number>();
  private readonly mainKernels: Kernel[];
  /** Tasks run by all threads / by the calling thread, over the pool's life (the benchmark reports the helpers' share). */
  readonly counters = { tasks: 0, callerTasks: 0 };

  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory, mainExports: Record<string, unknown>, names: readonly string[], threads: number) {
    this.threads = Math.max(1, threads | 0);
    const ctlSab = new SharedArrayBuffer(64);
    const argSab = new SharedArrayBuffer(MAX_ARGS * 8);
    const claimSab = new SharedArrayBuffer(8);
    this.ctl = new Int32Array(ctlSab);
    this.claim = new BigInt64Array(claimSab);
    this.args = new Float64Array(argSab);
    names.forEach((n, i) => this.kernelIds.set(n, i));
    this.mainKernels = names.map((n) => {
      const f = mainExports[n];
      if (typeof f !== 'function') throw new Error(`linalg: WASM module lacks kernel ${n}`);
      return f as Kernel;
    });
    for (let tid = 1; tid < this.threads; tid++) {
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module, memory, ctlSab, claimSab, argSab, names: [...names], tid, spin: 20000 },
      });
      // Idle workers sleep in Atomics.wait; unref so they never keep the process alive.
      w.unref();
      this.workers.push(w);
    }
    // Synchronous start-up: block (bounded) until every worker has instantiated the module.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = Atomics.load(this.ctl, READY);
      if (ready >= this.threads - 1) break;
      const left = deadline - Date.now();
      if (left <= 0) {
        this.terminate();
        throw new Error(`linalg: only ${ready} of ${this.threads - 1} worker threads started within 30 s`);
      }
      Atomics.wait(this.ctl, READY, ready, Math.min(left, 50));
    }
  }

  /** Runs tasks 0..total−1 of `kernel` on all threads and returns when every task is done. */
  run(kernel: string, total: number, args: readonly number[]): void {
    if (total <= 0) return;
    const id = this.kernelIds.get(kernel);
    if (id === undefined) throw new Error(`linalg: unknown kernel ${kernel}`);
    if (args.length > MAX_ARGS) throw new Error(`linalg: kernel ${kernel} given ${args.length} > ${MAX_ARGS} args`);
    const f = this.mainKernels[id];
    const a = this.args;
    for (let i = 0; i < args.length; i++) a[i] = args[i];
    const nWorkers = this.workers.length;
    // One task (or no workers): run inline, waking nobody.
    if (nWorkers === 0 || total === 1) {
      for (let t = 0; t < total; t++) f(t, 0, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
      this.counters.tasks += total;
      this.counters.callerTasks += total;
      return;
    }
    const ctl = this.ctl;
    Atomics.store(ctl, KERNEL, id);
    Atomics.store(ctl, TOTAL, total);
    Atomics.store(ctl, DONE, 0);
    // The claim word must carry the new generation BEFORE the generation is published: a worker still
    // spinning on GEN reads the claim word right after it sees GEN change, and would otherwise find the
    // old tag and skip the whole job (it did: the second thread sat out every back-to-back GEMM job).
    const gen = Atomics.load(ctl, GEN) + 1;
    const tag = BigInt(gen) << 24n;
    Atomics.store(this.claim, 0, tag);
    Atomics.store(ctl, GEN, gen);
    Atomics.notify(ctl, GEN);
    let mine = 0;
    for (;;) {
      const w = Atomics.load(this.claim, 0);
      const t = Number(w - tag);
      if (t >= total) break;
      if (Atomics.compareExchange(this.claim, 0, w, w + 1n) !== w) continue;
      f(t, 0, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
      mine++;
    }
    this.counters.tasks += total;
    this.counters.callerTasks += mine;
    // Wait only for tasks other threads actually claimed: a worker the OS has not scheduled (the
    // machine is shared) simply misses the job instead of stalling it.
    for (let spins = 0; ; spins++) {
      const d = Atomics.load(ctl, DONE);
      if (d + mine >= total) break;
      if (spins > 2000) Atomics.wait(ctl, DONE, d, 1);
    }
  }

  terminate(): void {
    Atomics.store(this.ctl, STOP, 1);
    Atomics.add(this.ctl, GEN, 1);
    Atomics.notify(this.ctl, GEN);
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }
}

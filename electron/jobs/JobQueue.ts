import { EventEmitter } from 'node:events';
import { totalmem } from 'node:os';
import { residentMemoryMb } from './residentMemoryMb.js';
import type { Id, RunProgressEvent, RunSummary } from '../api.js';
import type { Store } from '../store/Store.js';
import type { FromWorker } from '../../engine/protocol.js';
import type { RunResult } from '../api.js';
import type { WorkerFactory, WorkerHandle } from './WorkerHandle.js';

interface Slot {
  worker: WorkerHandle;
  /** Run being executed, or null when idle. */
  runId: Id | null;
  seq: number;
  /** Set when we killed the worker on purpose (cancel/shutdown), so its exit is not a crash. */
  retiring: boolean;
}

export interface JobQueueEvents {
  runProgress: [RunProgressEvent];
  runChange: [RunSummary];
}

export interface JobQueueOptions {
  poolSize: number;
  now?: () => string;
  /** Minimum interval between progress events per run (UI needs ≤ 10/s). */
  progressIntervalMs?: number;
  /** Minimum interval between progress writes to the database (each is an fsync). */
  progressPersistMs?: number;
  /**
   * Resident memory (MiB) a worker may use; above it the worker is killed and its run failed with
   * "out of memory". Typed arrays and WASM memory live outside V8's heap limit, so the heap flag
   * alone cannot bound a worker: the queue watches resident memory itself.
   */
  memoryLimitMb?: number;
}

/** Default per-worker limit: an equal share of 80% of the machine's memory. */
export function defaultMemoryLimitMb(poolSize: number): number {
  return Math.floor((0.8 * totalmem()) / (1024 * 1024) / Math.max(1, poolSize));
}

/**
 * The job queue over the runs table, and the pool of engine workers that serves it.
 *
 * Invariants: a run is executed by at most one worker; every status change goes through the
 * guarded transitions of RunsRepo; a worker that dies takes only its own run with it (marked failed
 * with the reason) and is replaced; cancel kills the worker running the run.
 */
export class JobQueue extends EventEmitter<JobQueueEvents> {
  private readonly slots: Slot[] = [];
  private readonly now: () => string;
  private readonly lastEmit = new Map<Id, number>();
  private readonly lastPersist = new Map<Id, number>();
  private closed = false;
  private seq = 0;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(private readonly store: Store, private readonly factory: WorkerFactory, private readonly options: JobQueueOptions) {
    super();
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Marks runs abandoned by a previous process as interrupted, starts the workers, takes queued work. */
  start(): number {
    const interrupted = this.store.runs.interruptAbandoned(this.now());
    for (let i = 0; i < Math.max(1, this.options.poolSize); i++) this.slots.push(this.spawn());
    const limit = this.options.memoryLimitMb ?? defaultMemoryLimitMb(this.slots.length);
    this.watchdog = setInterval(() => this.checkMemory(limit), 200);
    this.watchdog.unref();
    this.pump();
    return interrupted;
  }

  get poolSize(): number {
    return this.slots.length;
  }

  /** Worker pids (for fault tests and diagnostics). */
  workerPids(): (number | undefined)[] {
    return this.slots.map((s) => s.worker.pid);
  }

  /** pid of the worker executing `runId`, if any. */
  workerPidOf(runId: Id): number | undefined {
    return this.slots.find((s) => s.runId === runId)?.worker.pid;
  }

  /** Called after a run is inserted as queued. */
  pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.runId !== null || slot.retiring) continue;
      const run = this.store.runs.claimNext(this.now());
      if (!run) return;
      slot.runId = run.id;
      slot.seq = ++this.seq;
      this.emit('runChange', run);
      slot.worker.send({ type: 'run', seq: slot.seq, runId: run.id, kind: run.kind, params: run.params, seed: run.seed });
    }
  }

  cancel(runId: Id): RunSummary {
    const now = this.now();
    if (this.store.runs.transition(runId, ['queued'], 'cancelled', now, 'Cancelled before it started')) {
      const run = this.store.runs.get(runId);
      this.emit('runChange', run);
      return run;
    }
    if (this.store.runs.transition(runId, ['running'], 'cancelled', now, 'Cancelled by the user')) {
      const slot = this.slots.find((s) => s.runId === runId);
      if (slot) this.retire(slot);
      const run = this.store.runs.get(runId);
      this.emit('runChange', run);
      this.pump();
      return run;
    }
    return this.store.runs.get(runId);
  }

  /** Kills every worker; queued runs stay queued for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const slot of this.slots) {
      slot.retiring = true;
      slot.worker.kill();
    }
    this.slots.length = 0;
  }

  private checkMemory(limitMb: number): void {
    for (const slot of this.slots) {
      if (slot.runId === null || slot.retiring || slot.worker.pid === undefined) continue;
      const used = residentMemoryMb(slot.worker.pid);
      if (used === null || used <= limitMb) continue;
      const runId = slot.runId;
      slot.runId = null;
      this.retire(slot);
      const reason = `out of memory: the engine worker used ${Math.round(used)} MiB, above its limit of ${Math.round(limitMb)} MiB. Reduce the sizes, or run fewer workers.`;
      if (this.store.runs.transition(runId, ['running'], 'failed', this.now(), reason)) this.emit('runChange', this.store.runs.get(runId));
      this.pump();
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.factory(), runId: null, seq: 0, retiring: false };
    slot.worker.onMessage((m) => this.onMessage(slot, m));
    slot.worker.onExit((reason) => this.onExit(slot, reason));
    return slot;
  }

  /** Kills the slot's worker on purpose and puts a fresh one in its place. */
  private retire(slot: Slot): void {
    slot.retiring = true;
    slot.worker.kill();
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready' || slot.retiring) return;
    if (m.seq !== slot.seq || m.runId !== slot.runId) return; // a stale message from an earlier request
    const runId = slot.runId;
    if (m.type === 'progress') {
      this.onProgress(runId, m.fraction, m.stage);
      return;
    }
    slot.runId = null;
    this.lastEmit.delete(runId);
    this.lastPersist.delete(runId);
    const now = this.now();
    if (m.type === 'result') {
      try {
        this.store.runs.complete(runId, m.result as RunResult, now);
      } catch (e) {
        this.store.runs.transition(runId, ['running'], 'failed', now, `Could not store the result: ${(e as Error).message}`);
      }
    } else {
      this.store.runs.transition(runId, ['running'], 'failed', now, m.error.message);
    }
    this.emit('runChange', this.store.runs.get(runId));
    this.pump();
  }

  private onProgress(runId: Id, fraction: number, stage: string): void {
    const t = Date.now();
    if (t - (this.lastPersist.get(runId) ?? 0) >= (this.options.progressPersistMs ?? 1000)) {
      this.lastPersist.set(runId, t);
      this.store.runs.setProgress(runId, fraction, stage);
    }
    if (t - (this.lastEmit.get(runId) ?? 0) >= (this.options.progressIntervalMs ?? 100) || fraction >= 1) {
      this.lastEmit.set(runId, t);
      this.emit('runProgress', { runId, progress: fraction, stage });
    }
  }

  private onExit(slot: Slot, reason: string): void {
    if (slot.retiring || this.closed) return;
    const runId = slot.runId;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    if (runId !== null) {
      this.store.runs.transition(runId, ['running'], 'failed', this.now(), reason);
      this.emit('runChange', this.store.runs.get(runId));
    }
    this.pump();
  }
}

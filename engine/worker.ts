/**
 * Engine worker process: receives `run` messages, executes the kind from the registry, posts
 * progress (throttled), then the result or the error. Forked by electron/jobs (child_process.fork
 * with advanced serialization, or Electron's utilityProcess). One run at a time; cancellation kills
 * the process, so no cooperative cancellation is needed for correctness.
 */
import { Rng } from './random/Rng.js';
import { registry, isKind } from './registry.js';
import { PROGRESS_INTERVAL_MS, serializeError, type FromWorker, type ToWorker } from './protocol.js';
import { ENGINE_VERSION } from './version.js';
import { initLinalg } from './linalg/index.js';

interface Port {
  post(message: FromWorker): void;
  onMessage(handler: (message: ToWorker) => void): void;
}

/** Electron's utilityProcess exposes process.parentPort; child_process.fork exposes process.send. */
function connect(): Port {
  const parentPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', h: (ev: { data: unknown }) => void): void } }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (h) => parentPort.on('message', (ev) => h(ev.data as ToWorker)),
    };
  }
  if (!process.send) throw new Error('engine/worker must be started by the workbench (no IPC channel)');
  return {
    post: (m) => process.send!(m),
    onMessage: (h) => process.on('message', (m) => h(m as ToWorker)),
  };
}

async function execute(port: Port, msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const started = performance.now();
  let lastProgress = 0;
  try {
    if (!isKind(msg.kind)) throw new Error(`Unknown kind ${msg.kind}`);
    const module = registry[msg.kind];
    const parsed = module.params.safeParse(msg.params);
    if (!parsed.success) throw new Error(`Invalid parameters: ${parsed.error.message}`);
    await initLinalg();
    const controller = new AbortController();
    const result = await (module.run as (p: unknown, c: unknown) => Promise<unknown>)(parsed.data, {
      seed: msg.seed,
      rng: new Rng(msg.seed),
      signal: controller.signal,
      progress(fraction: number, stage: string) {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS && fraction < 1) return;
        lastProgress = now;
        port.post({ type: 'progress', seq: msg.seq, runId: msg.runId, fraction: Math.min(1, Math.max(0, fraction)), stage });
      },
    });
    port.post({ type: 'result', seq: msg.seq, runId: msg.runId, result, seconds: (performance.now() - started) / 1000 });
  } catch (e) {
    port.post({ type: 'error', seq: msg.seq, runId: msg.runId, error: serializeError(e) });
  }
}

const port = connect();
let queue = Promise.resolve();
port.onMessage((msg) => {
  if (msg.type === 'shutdown') process.exit(0);
  if (msg.type === 'run') queue = queue.then(() => execute(port, msg));
});
port.post({ type: 'ready', seq: 0, pid: process.pid, engineVersion: ENGINE_VERSION });

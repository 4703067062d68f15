import { fork } from 'node:child_process';
import type { FromWorker, ToWorker } from '../../engine/protocol.js';

/** One engine worker process, whatever forked it (child_process here, utilityProcess in Electron). */
export interface WorkerHandle {
  readonly pid: number | undefined;
  send(message: ToWorker): void;
  kill(): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once when the process is gone; `reason` is human-readable (exit code, signal, OOM). */
  onExit(listener: (reason: string) => void): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface NodeWorkerOptions {
  /** Path of engine/worker (.js when built, .ts with the tsx loader in development and tests). */
  entry: string;
  /** V8 heap limit of each worker; typed arrays live outside it, the WASM memory has its own cap. */
  maxOldSpaceMb?: number;
  env?: NodeJS.ProcessEnv;
}

/** child_process.fork with 'advanced' serialization, so Float64Arrays cross by structured clone. */
export function nodeWorkerFactory(options: NodeWorkerOptions): WorkerFactory {
  return () => {
    const execArgv = ['--experimental-wasm-relaxed-simd', `--max-old-space-size=${options.maxOldSpaceMb ?? 4096}`];
    if (options.entry.endsWith('.ts')) execArgv.push('--import', 'tsx');
    const child = fork(options.entry, [], {
      serialization: 'advanced',
      execArgv,
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-4000);
      process.stderr.write(chunk);
    });
    const exitListeners: ((reason: string) => void)[] = [];
    let exited = false;
    const fire = (reason: string) => {
      if (exited) return;
      exited = true;
      for (const l of exitListeners) l(reason);
    };
    child.on('exit', (code, signal) => {
      if (/heap out of memory|Allocation failed|RangeError: WebAssembly\.Memory|Array buffer allocation failed/i.test(stderrTail)) {
        fire('out of memory: the engine worker exceeded its memory limit');
      } else if (signal) fire(`engine worker was killed by ${signal}`);
      else fire(`engine worker exited with code ${code}`);
    });
    child.on('error', (e) => fire(`engine worker failed: ${e.message}`));
    return {
      pid: child.pid,
      send: (m) => {
        if (child.connected) child.send(m);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
      onMessage: (l) => child.on('message', (m) => l(m as FromWorker)),
      onExit: (l) => exitListeners.push(l),
    };
  };
}

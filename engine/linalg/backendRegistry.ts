import { availableParallelism } from 'node:os';
import type { LinalgBackend } from './LinalgBackend.js';
import { jsBackend } from './js/jsBackend.js';
import { createWasmBackend } from './wasm/createWasmBackend.js';

let current: (LinalgBackend & { dispose?(): void }) | null = null;
let wasmError: unknown = null;

/** Default thread count: every core the OS gives us, capped by SPECTRA_LINALG_THREADS if set. */
function defaultThreads(): number {
  const cap = Number(process.env.SPECTRA_LINALG_THREADS);
  const n = availableParallelism();
  return Number.isInteger(cap) && cap > 0 ? Math.min(cap, n) : n;
}

function create(threads: number): LinalgBackend {
  try {
    const w = createWasmBackend(threads);
    if (w) return w;
  } catch (err) {
    // Keep the reason for linalgInfo()/debugging; the TypeScript backend gives the same answers, slower.
    wasmError = err;
  }
  return jsBackend;
}

/** Active backend; created lazily and synchronously on first use (worker start-up is awaited with Atomics.wait). */
export function getBackend(): LinalgBackend {
  if (!current) current = create(defaultThreads());
  return current;
}

/** Why the WASM backend is not in use, if it is not. */
export function wasmLoadError(): unknown {
  return wasmError;
}

export async function initBackend(opts?: { threads?: number }): Promise<void> {
  const want = opts?.threads;
  if (want !== undefined && !(Number.isInteger(want) && want >= 1)) throw new RangeError(`initLinalg: threads must be a positive integer, got ${want}`);
  if (current && (want === undefined || current.threads === want || current.name === 'js')) return;
  // A different thread count restarts the pool; memory and the compiled module are kept.
  current?.dispose?.();
  current = create(want ?? defaultThreads());
}

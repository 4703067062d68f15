/**
 * Messages between the main process and an engine worker (child_process or utilityProcess).
 * Readonly discriminated unions with a sequence number, as in Signal-Desktop's ts/sql/main.main.ts:
 * each reply names the request it answers, and errors cross as {name, message, stack}.
 * Transport uses structured clone ('advanced' serialization), so Float64Arrays cross without JSON.
 */

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type ToWorker =
  | { readonly type: 'run'; readonly seq: number; readonly runId: number; readonly kind: string; readonly params: unknown; readonly seed: number }
  | { readonly type: 'shutdown'; readonly seq: number };

export type FromWorker =
  | { readonly type: 'ready'; readonly seq: 0; readonly pid: number; readonly engineVersion: string }
  | { readonly type: 'progress'; readonly seq: number; readonly runId: number; readonly fraction: number; readonly stage: string }
  | { readonly type: 'result'; readonly seq: number; readonly runId: number; readonly result: unknown; readonly seconds: number }
  | { readonly type: 'error'; readonly seq: number; readonly runId: number; readonly error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

/** Minimum interval between progress messages: the UI needs at most ~10 updates a second. */
export const PROGRESS_INTERVAL_MS = 100;

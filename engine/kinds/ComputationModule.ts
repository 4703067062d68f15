import type { z } from 'zod';
import type { Rng } from '../random/Rng.js';

/** What a kind's run() receives: the seeded generator, progress reporting and cancellation. */
export interface RunContext {
  /** Seed of this run; `rng` is `new Rng(seed)`. Use `rng.fork(label)` for independent sub-streams. */
  readonly seed: number;
  readonly rng: Rng;
  /** fraction in [0, 1]; stage is a short human label ("layer 2: eigenvalues"). Throttled by the worker. */
  progress(fraction: number, stage: string): void;
  /** Aborted when the user cancels; long loops call `throwIfAborted()` between stages. */
  readonly signal: AbortSignal;
}

/**
 * A computation kind: one model from the papers, with its parameter schema (the single source of
 * validation for the form, the API and the CLI) and a run() that returns empirical and theory data.
 * Results are plain objects whose numeric arrays are Float64Arrays (stored as blobs, never as JSON).
 */
export interface ComputationModule<P, R> {
  readonly kind: string;
  readonly title: string;
  /** One paragraph a researcher understands, naming the paper's model. */
  readonly description: string;
  /** zod schema with defaults, bounds and units in `.describe()`; refuses parameter sets that do not fit in memory. */
  readonly params: z.ZodType<P>;
  /** Short label of the key parameters for history tables, e.g. "n=1000 d=2000 gaussian". */
  summarize(params: P): string;
  run(params: P, ctx: RunContext): Promise<R>;
  /**
   * Scalars that a sweep plots against the swept parameter: each is one point of a named series,
   * either measured ('simulation', drawn as dots with error bars over repeats) or predicted
   * ('theory', drawn as a line). Computed from a stored result, so old runs can be re-aggregated.
   */
  sweepMetrics?(result: R): SweepMetric[];
}

export interface SweepMetric {
  series: string;
  role: 'simulation' | 'theory';
  value: number;
}

/** Refusal of parameters whose matrices exceed this budget (bytes); workers get the same cap. */
export const MEMORY_BUDGET_BYTES = 6 * 1024 ** 3;

/** Human-readable size for memory messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

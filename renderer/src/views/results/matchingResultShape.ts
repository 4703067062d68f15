import type { RunResult } from '../../../../electron/api';

/** The matching kind's result as the view reads it (mirrors engine/kinds/matching's MatchingResult). */
export interface MatchingMethodView {
  recovered: number | null;
  recoveredStderr: number | null;
  edgeAgreement: number;
  objective: number;
  seconds: number;
}

export interface MatchingCurveView {
  x: Float64Array;
  mean: Float64Array;
  stderr: Float64Array;
  edgeAgreement: Float64Array;
  objective: Float64Array;
  seconds: Float64Array;
}

export interface MatchingResultView {
  modelType: 'gaussian' | 'erdos-renyi' | 'imported';
  n: number;
  eta: number;
  rounding: 'lap' | 'greedy';
  repeats: number;
  methodNames: string[];
  methods: Record<string, MatchingMethodView>;
  sweep: { param: string; values: Float64Array } | null;
  curves: Record<string, MatchingCurveView> | null;
  heatmap: { size: number; values: Float64Array; order: 'truth' | 'matching' } | null;
  matchings: Record<string, { matching: Float64Array; confidence: Float64Array }> | null;
  qpObjective: Float64Array | null;
  warnings: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;

/** The result typed, or null when a field is missing or of the wrong type (stored runs may predate a change). */
export function matchingResultShape(r: RunResult): MatchingResultView | null {
  if (typeof r.n !== 'number' || !Array.isArray(r.methodNames) || !isObj(r.methods) || !Array.isArray(r.warnings)) return null;
  const names = r.methodNames as unknown[];
  if (!names.every((m) => typeof m === 'string' && isObj((r.methods as Record<string, unknown>)[m]))) return null;
  if (r.curves !== null && r.curves !== undefined) {
    if (!isObj(r.curves)) return null;
    for (const c of Object.values(r.curves)) if (!isObj(c) || !isF64(c.x) || !isF64(c.mean) || !isF64(c.stderr)) return null;
  }
  if (r.heatmap !== null && r.heatmap !== undefined) {
    const h = r.heatmap;
    if (!isObj(h) || typeof h.size !== 'number' || !isF64(h.values) || h.values.length !== h.size * h.size) return null;
  }
  return { curves: null, heatmap: null, matchings: null, qpObjective: null, sweep: null, ...(r as object) } as unknown as MatchingResultView;
}

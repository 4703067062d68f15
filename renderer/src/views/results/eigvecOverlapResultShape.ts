import type { RunResult } from '../../../../electron/api';

/** The eigvec-overlap kind's result as the view reads it (mirrors engine/kinds/eigvec-overlap's EigvecOverlapResult). */
export interface EigvecOverlapResultView {
  variant: 'stationary' | 'additive';
  n: number;
  t: number;
  window: number;
  draws: number;
  profile: { x: Float64Array; simulation: Float64Array; theory: Float64Array; counts: Float64Array };
  peak: { x: number; simulation: number; theory: number };
  sumRule: number;
  rowsPerDraw: number;
  perIndex: { i: number; n: number; p: number; delta: number; draws: number; j: Float64Array; overlap: Float64Array } | null;
  warnings: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;

export function eigvecOverlapResultShape(r: RunResult): EigvecOverlapResultView | null {
  const p = r.profile;
  if (typeof r.n !== 'number' || typeof r.t !== 'number' || !isObj(p) || !isF64(p.x) || !isF64(p.simulation) || !isF64(p.theory)) return null;
  if (p.x.length !== p.simulation.length || p.x.length !== p.theory.length || !isObj(r.peak)) return null;
  if (r.perIndex !== null && r.perIndex !== undefined && (!isObj(r.perIndex) || !isF64(r.perIndex.j) || !isF64(r.perIndex.overlap))) return null;
  return { perIndex: null, warnings: [], ...(r as object) } as unknown as EigvecOverlapResultView;
}

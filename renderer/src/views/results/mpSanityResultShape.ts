import type { RunResult } from '../../../../electron/api';

/**
 * The mp-sanity result as the view reads it (mirrors engine/kinds/mp-sanity's MpSanityResult; the
 * renderer checks the shape instead of trusting it, since stored runs may predate a change).
 */
export interface MpSanityResultShape {
  n: number;
  d: number;
  gamma: number;
  entries: string;
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  theory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][] };
  diagnostics: { l1: number; ks: number; atomMassEmpirical: number; atomMassTheory: number; maxEigenvalue: number; edgeTheory: number };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;

/** The result typed, or null when a field is missing or of the wrong type. */
export function mpSanityResultShape(r: RunResult): MpSanityResultShape | null {
  const h = r.histogram;
  const t = r.theory;
  const g = r.diagnostics;
  if (!isNum(r.n) || !isNum(r.d) || !isNum(r.gamma) || !isF64(r.eigenvalues)) return null;
  if (!isObj(h) || !isF64(h.edges) || !isF64(h.density) || h.edges.length !== h.density.length + 1) return null;
  if (!isObj(t) || !isF64(t.x) || !isF64(t.density) || t.x.length !== t.density.length) return null;
  if (!Array.isArray(t.atoms) || !t.atoms.every((a) => isObj(a) && isNum(a.x) && isNum(a.mass))) return null;
  if (!Array.isArray(t.edges) || !t.edges.every((e) => Array.isArray(e) && e.length === 2 && isNum(e[0]) && isNum(e[1]))) return null;
  if (!isObj(g) || !['l1', 'ks', 'atomMassEmpirical', 'atomMassTheory', 'maxEigenvalue', 'edgeTheory'].every((k) => isNum(g[k]))) return null;
  return r as unknown as MpSanityResultShape;
}

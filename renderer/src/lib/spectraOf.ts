import type { ResultValue, RunResult } from '../../../electron/api';

/**
 * Every spectrum a run's result holds, in one shape the compare view and the figure composer draw
 * without knowing the kind: an empirical histogram and, where the kind computed one, its theory.
 *
 * Knows mp-sanity (eigenvalues, histogram, theory) and ck-ntk (one spectrum per layer, then the NTK
 * and the ultra-wide limit); any other result with a top-level `eigenvalues` Float64Array is
 * histogrammed here so that a new kind can be compared before it has an adapter.
 */
export interface Spectrum {
  /** "spectrum", "CK layer 2", "NTK", … (stable across runs of one kind: the overlay matches on it). */
  label: string;
  histogram: { edges: Float64Array; density: Float64Array } | null;
  theory: { x: Float64Array; density: Float64Array } | null;
  atoms: { x: number; mass: number }[];
  /** Support intervals of the theory. */
  edges: [number, number][];
}

type Obj = { [key: string]: ResultValue };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Float64Array);
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;

function histogramOf(v: unknown): Spectrum['histogram'] {
  if (!isObj(v) || !isF64(v.edges) || !isF64(v.density) || v.edges.length !== v.density.length + 1) return null;
  return { edges: v.edges, density: v.density };
}

function theoryOf(v: unknown): Pick<Spectrum, 'theory' | 'atoms' | 'edges'> {
  if (!isObj(v)) return { theory: null, atoms: [], edges: [] };
  const theory = isF64(v.x) && isF64(v.density) && v.x.length === v.density.length ? { x: v.x, density: v.density } : null;
  const atoms = Array.isArray(v.atoms)
    ? v.atoms.flatMap((a) => (isObj(a) && typeof a.x === 'number' && typeof a.mass === 'number' ? [{ x: a.x, mass: a.mass }] : []))
    : [];
  const edges = Array.isArray(v.edges)
    ? v.edges.flatMap((e) => (Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number' ? [[e[0], e[1]] as [number, number]] : []))
    : [];
  return { theory, atoms, edges };
}

/** One spectrum from an object holding eigenvalues/histogram/theory (mp-sanity, a ck-ntk layer). */
function spectrumFrom(label: string, v: unknown): Spectrum | null {
  if (!isObj(v)) return null;
  const histogram = histogramOf(v.histogram) ?? (isF64(v.eigenvalues) ? histogramOfValues(v.eigenvalues) : null);
  const t = theoryOf(v.theory);
  if (!histogram && !t.theory) return null;
  return { label, histogram, ...t };
}

/** Density histogram with √N bins (at most 120) over the range of the values. */
export function histogramOfValues(values: Float64Array): Spectrum['histogram'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!Number.isFinite(lo)) return null;
  if (hi === lo) hi = lo + 1;
  const bins = Math.max(5, Math.min(120, Math.round(Math.sqrt(values.length))));
  const width = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  let n = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    counts[Math.min(bins - 1, Math.floor((x - lo) / width))]++;
    n++;
  }
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + i * width;
  const density = counts.map((c) => c / (n * width));
  return { edges, density };
}

export function spectraOf(kind: string, result: RunResult | null): Spectrum[] {
  if (!result) return [];
  if (kind === 'ck-ntk' || Array.isArray(result.layers)) {
    const out: Spectrum[] = [];
    if (Array.isArray(result.layers)) {
      result.layers.forEach((layer, i) => {
        const index = isObj(layer) && typeof layer.layer === 'number' ? layer.layer : i;
        const s = spectrumFrom(`CK layer ${index}`, layer);
        if (s) out.push(s);
      });
    }
    const ntk = spectrumFrom('NTK', result.ntk);
    if (ntk) out.push(ntk);
    const ultra = spectrumFrom('ultra-wide limit', result.ultraWide);
    if (ultra) out.push(ultra);
    if (out.length) return out;
  }
  const top = spectrumFrom('spectrum', result);
  return top ? [top] : [];
}

import type { GraphPair } from './GraphPair.js';
import { parseGraphText, type GraphFormat } from './parseGraphText.js';
import { parseMappingText } from './parseMappingText.js';

export interface ImportGraphPairSource {
  /** File text of graph A and of graph B (edge list or adjacency CSV). */
  graphA: string;
  graphB: string;
  format?: GraphFormat;
  indexBase?: 0 | 1;
  /** Optional ground truth as text: "i j" per line, vertex i of A is vertex j of B. */
  truth?: string;
  /** Pad the smaller graph with isolated vertices when the sizes differ, instead of refusing. */
  pad?: boolean;
}

export type ImportGraphPairOutcome =
  | { ok: true; pair: GraphPair; warnings: string[] }
  | { ok: false; field: 'graphA' | 'graphB' | 'truth' | 'pad'; message: string };

/**
 * A graph pair from two texts, for matching with or without ground truth. Sizes must agree; with
 * `pad`, the smaller graph gets isolated vertices appended (indices n_small … n−1, reported in the
 * warnings), and any vertex can then be matched to a padding vertex. Both graphs count as 0/1 (and are
 * centred as Erdős–Rényi graphs) only if both are 0/1.
 */
export function importGraphPair(src: ImportGraphPairSource, limits: { maxVertices?: number; limitNote?: string } = {}): ImportGraphPairOutcome {
  const opts = { format: src.format ?? 'auto', indexBase: src.indexBase ?? 0, maxVertices: limits.maxVertices ?? Infinity, limitNote: limits.limitNote } as const;
  const a = parseGraphText(src.graphA, { ...opts, label: 'graph A' });
  if (!a.ok) return { ok: false, field: 'graphA', message: a.message };
  const b = parseGraphText(src.graphB, { ...opts, label: 'graph B' });
  if (!b.ok) return { ok: false, field: 'graphB', message: b.message };
  const warnings = [...a.warnings, ...b.warnings];
  let n = a.n;
  let adjA = a.adjacency;
  let adjB = b.adjacency;
  if (a.n !== b.n) {
    if (!src.pad) {
      return {
        ok: false,
        field: 'pad',
        message: `graph A has ${a.n} vertices but graph B has ${b.n}: matching needs equal sizes. Set pad: true to append ${Math.abs(a.n - b.n)} isolated vertices to the smaller graph, or fix the files (an edge list's vertex count is its largest index + 1 unless a "# n = …" line sets it)`,
      };
    }
    n = Math.max(a.n, b.n);
    if (a.n < n) adjA = padGraph(a.adjacency, a.n, n);
    else adjB = padGraph(b.adjacency, b.n, n);
    warnings.push(`graph ${a.n < n ? 'A' : 'B'} padded with ${n - Math.min(a.n, b.n)} isolated vertices (${Math.min(a.n, b.n)}…${n - 1}) to match ${n} vertices`);
  }
  let truth: Int32Array | null = null;
  if (src.truth !== undefined && src.truth.trim() !== '') {
    const t = parseMappingText(src.truth, a.n, b.n, { indexBase: opts.indexBase, label: 'truth' });
    if (!t.ok) return { ok: false, field: 'truth', message: t.message };
    truth = new Int32Array(n).fill(-1);
    truth.set(t.truth);
    if (t.mapped < n) warnings.push(`truth maps ${t.mapped} of ${n} vertices: recovery is measured on those ${t.mapped}`);
  }
  return { ok: true, pair: { n, a: adjA, b: adjB, truth, binary: a.binary && b.binary }, warnings };
}

function padGraph(adj: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < m; i++) out.set(adj.subarray(i * m, (i + 1) * m), i * n);
  return out;
}

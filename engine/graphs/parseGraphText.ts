/**
 * Reads one graph from file TEXT (the importer UI hands over the text; no file system here).
 *
 * Formats:
 * - 'edges': one edge per line, "i j" or "i j w" (fields separated by spaces, tabs, commas or
 *   semicolons); vertices are integers counted from `indexBase`. Blank lines and lines starting with
 *   '#' or '%' are skipped, except a directive "# n = 500" that fixes the vertex count (otherwise it is
 *   the largest index seen, so trailing isolated vertices need the directive). A missing weight is 1;
 *   an explicit weight 0 is no edge. The graph is undirected: "i j" and "j i" are the same edge.
 * - 'csv': an n×n adjacency matrix, one row per line (same separators); a first line that is not
 *   numeric is taken as a header and skipped.
 * - 'auto': 'csv' when the first data line has more than 3 fields, else 'edges' (a 2×2 or 3×3 matrix
 *   must name its format).
 *
 * Repairs, each reported in `warnings` (the run copies them into its result):
 * - self-loops (i = j, or a nonzero diagonal) are dropped: graph matching here is about simple graphs;
 * - duplicate edges (the same unordered pair again) are ignored, the first occurrence's weight kept;
 * - an asymmetric CSV is symmetrised: edge if either direction has one (0/1 matrices), the mean
 *   (A + Aᵀ)/2 otherwise.
 * Malformed input is refused with the line number and what was expected.
 */
export type GraphFormat = 'auto' | 'edges' | 'csv';

export interface ParsedGraph {
  n: number;
  /** n×n row-major, symmetric, zero diagonal. */
  adjacency: Float64Array;
  /** Every stored entry is 0 or 1. */
  binary: boolean;
  edges: number;
  format: 'edges' | 'csv';
  warnings: string[];
}

export type ParseGraphOutcome = ({ ok: true } & ParsedGraph) | { ok: false; message: string };

const SEP = /[\s,;]+/;
const N_DIRECTIVE = /^[#%]\s*n\s*[=:]?\s*(\d+)\s*$/i;

export function parseGraphText(
  text: string,
  opts: { format?: GraphFormat; indexBase?: 0 | 1; maxVertices?: number; limitNote?: string; label?: string } = {},
): ParseGraphOutcome {
  const label = opts.label ?? 'graph';
  const lines = text.split(/\r\n|\n|\r/);
  let format = opts.format ?? 'auto';
  if (format === 'auto') {
    const first = lines.find((l) => isData(l));
    if (first === undefined) return { ok: false, message: `${label} is empty: expected an edge list ("i j" per line) or an adjacency CSV` };
    format = fields(first).length > 3 ? 'csv' : 'edges';
  }
  const limit = opts.maxVertices ?? Infinity;
  const out = format === 'csv' ? parseCsv(lines, label, limit) : parseEdges(lines, label, opts.indexBase ?? 0, limit);
  // Sizes are checked while reading, before the n×n matrix is allocated.
  return !out.ok && opts.limitNote && out.message.includes('the limit of') ? { ok: false, message: `${out.message} (${opts.limitNote})` } : out;
}

function isData(line: string): boolean {
  const t = line.trim();
  return t !== '' && t[0] !== '#' && t[0] !== '%';
}

function fields(line: string): string[] {
  return line.trim().split(SEP).filter((f) => f !== '');
}

function parseEdges(lines: string[], label: string, base: 0 | 1, maxVertices: number): ParseGraphOutcome {
  const edges: { i: number; j: number; w: number; line: number }[] = [];
  let declaredN: number | null = null;
  let maxIndex = -1;
  for (let l = 0; l < lines.length; l++) {
    const raw = lines[l];
    const lineNo = l + 1;
    const directive = N_DIRECTIVE.exec(raw.trim());
    if (directive) {
      declaredN = Number(directive[1]);
      continue;
    }
    if (!isData(raw)) continue;
    const f = fields(raw);
    if (f.length < 2 || f.length > 3) {
      return { ok: false, message: `${label}, line ${lineNo}: expected "i j" or "i j weight", got ${f.length} field${f.length === 1 ? '' : 's'} ("${clip(raw)}")` };
    }
    const ends: number[] = [];
    for (const s of f.slice(0, 2)) {
      if (!/^[+]?\d+$/.test(s)) return { ok: false, message: `${label}, line ${lineNo}: vertex "${clip(s)}" is not a whole number (vertices are integers counted from ${base})` };
      const v = Number(s) - base;
      if (v < 0) return { ok: false, message: `${label}, line ${lineNo}: vertex ${s} is below the first index ${base} (set indexBase to 0 if vertices start at 0)` };
      if (v >= maxVertices) return { ok: false, message: `${label}, line ${lineNo}: vertex ${s} exceeds the limit of ${maxVertices} vertices` };
      ends.push(v);
    }
    let w = 1;
    if (f.length === 3) {
      w = Number(f[2]);
      if (!Number.isFinite(w)) return { ok: false, message: `${label}, line ${lineNo}: weight "${clip(f[2])}" is not a finite number` };
    }
    edges.push({ i: ends[0], j: ends[1], w, line: lineNo });
    maxIndex = Math.max(maxIndex, ends[0], ends[1]);
  }
  if (declaredN !== null && declaredN > maxVertices) return { ok: false, message: `${label}: n = ${declaredN} exceeds the limit of ${maxVertices} vertices` };
  if (declaredN !== null && maxIndex >= declaredN) {
    const e = edges.find((x) => x.i >= declaredN! || x.j >= declaredN!)!;
    return { ok: false, message: `${label}, line ${e.line}: vertex ${Math.max(e.i, e.j) + base} is out of range for the declared n = ${declaredN}` };
  }
  const n = declaredN ?? maxIndex + 1;
  if (n < 2) return { ok: false, message: `${label} has ${n} vertices: a graph to match needs at least 2 (add edges or a "# n = …" line)` };
  const adjacency = new Float64Array(n * n);
  const seen = new Uint8Array(n * n);
  const loops: string[] = [];
  const dups: string[] = [];
  let count = 0;
  let binary = true;
  for (const e of edges) {
    if (e.i === e.j) {
      loops.push(`line ${e.line}: ${e.i + base} ${e.j + base}`);
      continue;
    }
    const k = e.i * n + e.j;
    if (seen[k]) {
      dups.push(`line ${e.line}: ${e.i + base} ${e.j + base}`);
      continue;
    }
    seen[k] = seen[e.j * n + e.i] = 1;
    adjacency[k] = adjacency[e.j * n + e.i] = e.w;
    if (e.w !== 0 && e.w !== 1) binary = false;
    if (e.w !== 0) count++;
  }
  const warnings: string[] = [];
  if (loops.length) warnings.push(`${label}: ${loops.length} self-loop${loops.length === 1 ? '' : 's'} dropped (first at ${loops[0]})`);
  if (dups.length) warnings.push(`${label}: ${dups.length} duplicate edge${dups.length === 1 ? '' : 's'} ignored, first occurrence kept (first at ${dups[0]})`);
  return { ok: true, n, adjacency, binary, edges: count, format: 'edges', warnings };
}

function parseCsv(lines: string[], label: string, maxVertices: number): ParseGraphOutcome {
  const rows: { values: number[]; line: number }[] = [];
  let headerSkipped = false;
  for (let l = 0; l < lines.length; l++) {
    if (!isData(lines[l])) continue;
    const f = fields(lines[l]);
    const values = f.map(Number);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      if (rows.length === 0 && !headerSkipped) {
        headerSkipped = true; // a header row of vertex names
        continue;
      }
      return { ok: false, message: `${label}, line ${l + 1}, column ${bad + 1}: "${clip(f[bad])}" is not a finite number` };
    }
    rows.push({ values, line: l + 1 });
    if (rows.length > maxVertices) return { ok: false, message: `${label}, line ${l + 1}: more than the limit of ${maxVertices} rows` };
  }
  const n = rows.length;
  if (n < 2) return { ok: false, message: `${label}: an adjacency CSV needs at least 2 rows, found ${n}` };
  const adjacency = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.values.length !== n) {
      return { ok: false, message: `${label}, line ${r.line}: expected ${n} values (the matrix has ${n} rows, so it must be ${n}×${n}), got ${r.values.length}` };
    }
    adjacency.set(r.values, i * n);
  }
  let binary = true;
  for (let k = 0; k < adjacency.length; k++) if (adjacency[k] !== 0 && adjacency[k] !== 1) binary = false;
  const warnings: string[] = [];
  let loops = 0;
  let firstLoop = -1;
  for (let i = 0; i < n; i++) {
    if (adjacency[i * n + i] !== 0) {
      if (firstLoop < 0) firstLoop = i;
      loops++;
      adjacency[i * n + i] = 0;
    }
  }
  if (loops) warnings.push(`${label}: ${loops} self-loop${loops === 1 ? '' : 's'} (nonzero diagonal) dropped (first at line ${rows[firstLoop].line}, row ${firstLoop + 1})`);
  let asym = 0;
  let firstAsym = '';
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = adjacency[i * n + j];
      const y = adjacency[j * n + i];
      if (x !== y) {
        if (!asym) firstAsym = `row ${i + 1}, column ${j + 1}: ${x} vs ${y}`;
        asym++;
        const v = binary ? Math.max(x, y) : 0.5 * (x + y);
        adjacency[i * n + j] = adjacency[j * n + i] = v;
      }
    }
  }
  if (asym) warnings.push(`${label}: the matrix is not symmetric (${asym} pair${asym === 1 ? '' : 's'} differ, first at ${firstAsym}); symmetrised as ${binary ? 'an edge where either direction has one' : '(A + Aᵀ)/2'}`);
  let count = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (adjacency[i * n + j] !== 0) count++;
  return { ok: true, n, adjacency, binary, edges: count, format: 'csv', warnings };
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

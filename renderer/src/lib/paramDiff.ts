import type { RunSummary } from '../../../electron/api';

/** One row of the parameter diff table: a dotted parameter path and each run's value as text. */
export interface ParamDiffRow {
  path: string;
  values: string[];
  differs: boolean;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, Array.isArray(value) ? `[${value.join(', ')}]` : String(value));
}

/**
 * Parameters of several runs side by side (kind, seed and engine version first, then every parameter
 * path any run has); `differs` marks rows whose values are not all equal. A parameter a run lacks shows
 * "—". The engine version matters as much as a parameter: the same seed gives the same arrays only
 * within one engine version (0.2.0 changed how weights are drawn).
 */
export function paramDiff(runs: readonly (Pick<RunSummary, 'kind' | 'seed' | 'params'> & { engineVersion?: string })[]): ParamDiffRow[] {
  const flat = runs.map((r) => {
    const m = new Map<string, string>();
    flatten(r.params, '', m);
    return m;
  });
  const paths: string[] = [];
  for (const m of flat) for (const p of m.keys()) if (!paths.includes(p)) paths.push(p);
  const rows: ParamDiffRow[] = [
    { path: 'kind', values: runs.map((r) => r.kind), differs: false },
    { path: 'seed', values: runs.map((r) => String(r.seed)), differs: false },
    ...(runs.some((r) => r.engineVersion !== undefined)
      ? [{ path: 'engine', values: runs.map((r) => r.engineVersion ?? '—'), differs: false }]
      : []),
    ...paths.map((path) => ({ path, values: flat.map((m) => m.get(path) ?? '—'), differs: false })),
  ];
  for (const row of rows) row.differs = row.values.some((v) => v !== row.values[0]);
  return rows;
}

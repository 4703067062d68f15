import type Database from 'better-sqlite3';
import type { Id, RunStatus, SweepSummary } from '../api.js';
import { NotFoundError } from './errors.js';

interface SweepRow {
  id: number;
  experiment_id: number;
  project_id: number;
  kind: string;
  experiment_name: string;
  param: string;
  vals: string;
  repeats: number;
  base_seed: number;
  created_at: string;
  counts: string;
}

const SELECT = `
  SELECT s.id, s.experiment_id, e.project_id, e.kind, e.name AS experiment_name, s.param, s.vals, s.repeats, s.base_seed, s.created_at,
         (SELECT json_group_object(status, c) FROM (SELECT status, count(*) AS c FROM runs r WHERE r.sweep_id = s.id GROUP BY status)) AS counts
  FROM sweeps s JOIN experiments e ON e.id = s.experiment_id`;

function toSummary(r: SweepRow): SweepSummary {
  const counts = JSON.parse(r.counts || '{}') as Partial<Record<RunStatus, number>>;
  return {
    id: r.id,
    experimentId: r.experiment_id,
    projectId: r.project_id,
    kind: r.kind,
    experimentName: r.experiment_name,
    param: r.param,
    values: JSON.parse(r.vals) as number[],
    repeats: r.repeats,
    baseSeed: r.base_seed,
    createdAt: r.created_at,
    counts,
    total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
  };
}

export class SweepsRepo {
  constructor(private readonly db: Database.Database) {}

  create(experimentId: Id, param: string, values: number[], repeats: number, baseSeed: number, now: string): Id {
    const info = this.db
      .prepare('INSERT INTO sweeps (experiment_id, param, vals, repeats, base_seed, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(experimentId, param, JSON.stringify(values), repeats, baseSeed, now);
    return Number(info.lastInsertRowid);
  }

  get(id: Id): SweepSummary {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SweepRow | undefined;
    if (!row) throw new NotFoundError(`Sweep ${id} does not exist`);
    return toSummary(row);
  }

  listByProject(projectId: Id): SweepSummary[] {
    return (this.db.prepare(`${SELECT} WHERE e.project_id = ? ORDER BY s.id DESC`).all(projectId) as SweepRow[]).map(toSummary);
  }
}

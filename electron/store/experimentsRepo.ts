import type Database from 'better-sqlite3';
import type { Experiment, Id } from '../api.js';
import { NotFoundError } from './errors.js';

interface ExperimentRow {
  id: number;
  project_id: number;
  kind: string;
  name: string;
  params: string;
  note: string;
  created_at: string;
  updated_at: string;
}

function toExperiment(r: ExperimentRow): Experiment {
  return {
    id: r.id,
    projectId: r.project_id,
    kind: r.kind,
    name: r.name,
    params: JSON.parse(r.params) as Record<string, unknown>,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class ExperimentsRepo {
  constructor(private readonly db: Database.Database) {}

  listByProject(projectId: Id): Experiment[] {
    const rows = this.db.prepare('SELECT * FROM experiments WHERE project_id = ? ORDER BY id').all(projectId) as ExperimentRow[];
    return rows.map(toExperiment);
  }

  get(id: Id): Experiment {
    const row = this.db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
    if (!row) throw new NotFoundError(`Experiment ${id} does not exist`);
    return toExperiment(row);
  }

  create(projectId: Id, kind: string, name: string, params: Record<string, unknown>, now: string): Experiment {
    const info = this.db
      .prepare('INSERT INTO experiments (project_id, kind, name, params, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(projectId, kind, name, JSON.stringify(params), now, now);
    return this.get(Number(info.lastInsertRowid));
  }

  update(id: Id, fields: { name: string; params: Record<string, unknown>; note: string }, now: string): Experiment {
    const info = this.db
      .prepare('UPDATE experiments SET name = ?, params = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(fields.name, JSON.stringify(fields.params), fields.note, now, id);
    if (info.changes === 0) throw new NotFoundError(`Experiment ${id} does not exist`);
    return this.get(id);
  }

  delete(id: Id): void {
    const info = this.db.prepare('DELETE FROM experiments WHERE id = ?').run(id);
    if (info.changes === 0) throw new NotFoundError(`Experiment ${id} does not exist`);
  }
}

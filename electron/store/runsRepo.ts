import type Database from 'better-sqlite3';
import type { Id, RunDetail, RunResult, RunStatus, RunSummary } from '../api.js';
import { NotFoundError } from './errors.js';
import { blobToFloat64, float64ToBlob, joinResult, splitResult } from './resultCodec.js';

/** A runs row joined with its project and tags (shared with searchRuns). */
export interface RunRow {
  id: number;
  experiment_id: number;
  project_id: number;
  kind: string;
  experiment_name: string;
  status: RunStatus;
  params: string;
  summary: string;
  seed: number;
  engine_version: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: number;
  stage: string;
  error: string | null;
  note: string;
  tags: string | null;
  sweep_id: number | null;
  sweep_value: number | null;
  sweep_repeat: number | null;
}

export const RUN_SELECT = `
  SELECT r.id, r.experiment_id, e.project_id, r.kind, r.experiment_name, r.status, r.params, r.summary, r.seed,
         r.engine_version, r.created_at, r.started_at, r.finished_at, r.progress, r.stage, r.error, r.note, r.sweep_id, r.sweep_value, r.sweep_repeat,
         (SELECT json_group_array(t.tag) FROM tags t WHERE t.run_id = r.id) AS tags
  FROM runs r JOIN experiments e ON e.id = r.experiment_id`;

export function toSummary(r: RunRow): RunSummary {
  return {
    id: r.id,
    experimentId: r.experiment_id,
    projectId: r.project_id,
    kind: r.kind,
    experimentName: r.experiment_name,
    status: r.status,
    seed: r.seed,
    engineVersion: r.engine_version,
    params: JSON.parse(r.params) as Record<string, unknown>,
    summary: r.summary,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    progress: r.progress,
    stage: r.stage,
    error: r.error,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    note: r.note,
    sweepId: r.sweep_id,
    sweepValue: r.sweep_value,
    sweepRepeat: r.sweep_repeat,
  };
}

export interface NewRun {
  experimentId: Id;
  kind: string;
  experimentName: string;
  params: Record<string, unknown>;
  summary: string;
  seed: number;
  engineVersion: string;
  sweep?: { id: Id; value: number; repeat: number };
}

/**
 * The runs table doubles as the job queue. Every status change is a guarded UPDATE
 * (`WHERE status IN (...)`), so a late message from a killed worker can never resurrect a
 * cancelled run or overwrite a finished one.
 */
export class RunsRepo {
  constructor(private readonly db: Database.Database) {}

  get(id: Id): RunSummary {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(id) as RunRow | undefined;
    if (!row) throw new NotFoundError(`Run ${id} does not exist`);
    return toSummary(row);
  }

  getDetail(id: Id): RunDetail {
    const summary = this.get(id);
    const { result } = this.db.prepare('SELECT result FROM runs WHERE id = ?').get(id) as { result: string | null };
    if (result === null) return { ...summary, result: null };
    const rows = this.db.prepare('SELECT name, data FROM run_arrays WHERE run_id = ?').all(id) as { name: string; data: Buffer }[];
    const arrays = new Map(rows.map((r) => [r.name, blobToFloat64(r.data)]));
    return { ...summary, result: joinResult(result, arrays) };
  }

  listByProject(projectId: Id, limit = 500): RunSummary[] {
    const rows = this.db.prepare(`${RUN_SELECT} WHERE e.project_id = ? ORDER BY r.id DESC LIMIT ?`).all(projectId, limit) as RunRow[];
    return rows.map(toSummary);
  }

  listBySweep(sweepId: Id): RunSummary[] {
    return (this.db.prepare(`${RUN_SELECT} WHERE r.sweep_id = ? ORDER BY r.sweep_value, r.sweep_repeat, r.id`).all(sweepId) as RunRow[]).map(toSummary);
  }

  /** The stored result of a done run (arrays included), or null. */
  result(id: Id): RunResult | null {
    return this.getDetail(id).result;
  }

  listByStatus(status: RunStatus): RunSummary[] {
    return (this.db.prepare(`${RUN_SELECT} WHERE r.status = ? ORDER BY r.id`).all(status) as RunRow[]).map(toSummary);
  }

  create(run: NewRun, now: string): RunSummary {
    const info = this.db
      .prepare(
        `INSERT INTO runs (experiment_id, kind, experiment_name, status, params, summary, seed, engine_version, created_at, sweep_id, sweep_value, sweep_repeat)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.experimentId, run.kind, run.experimentName, JSON.stringify(run.params), run.summary, run.seed, run.engineVersion, now,
        run.sweep?.id ?? null, run.sweep?.value ?? null, run.sweep?.repeat ?? null);
    return this.get(Number(info.lastInsertRowid));
  }

  /** Takes the oldest queued run and marks it running, atomically. */
  claimNext(now: string): RunSummary | null {
    const row = this.db
      .prepare(
        `UPDATE runs SET status = 'running', started_at = ?, progress = 0, stage = 'starting'
         WHERE id = (SELECT id FROM runs WHERE status = 'queued' ORDER BY id LIMIT 1) RETURNING id`,
      )
      .get(now) as { id: number } | undefined;
    return row ? this.get(row.id) : null;
  }

  setProgress(id: Id, progress: number, stage: string): boolean {
    const info = this.db.prepare(`UPDATE runs SET progress = ?, stage = ? WHERE id = ? AND status = 'running'`).run(progress, stage, id);
    return info.changes > 0;
  }

  /** Stores the result and marks the run done, in one transaction; false if the run was no longer running. */
  complete(id: Id, result: RunResult, now: string): boolean {
    const { json, arrays } = splitResult(result);
    const insert = this.db.prepare('INSERT INTO run_arrays (run_id, name, shape, data) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() => {
      const info = this.db
        .prepare(`UPDATE runs SET status = 'done', result = ?, progress = 1, stage = 'done', finished_at = ? WHERE id = ? AND status = 'running'`)
        .run(json, now, id);
      if (info.changes === 0) return false;
      for (const a of arrays) insert.run(id, a.name, JSON.stringify(a.shape), float64ToBlob(a.data));
      return true;
    })();
  }

  /** Moves a run from one of `from` to `to`; returns false when it was in another state. */
  transition(id: Id, from: readonly RunStatus[], to: RunStatus, now: string, error: string | null = null): boolean {
    const placeholders = from.map(() => '?').join(', ');
    const info = this.db
      .prepare(`UPDATE runs SET status = ?, error = coalesce(?, error), finished_at = ? WHERE id = ? AND status IN (${placeholders})`)
      .run(to, error, now, id, ...from);
    return info.changes > 0;
  }

  /** At start-up: runs left running by a previous process that died become interrupted. */
  interruptAbandoned(now: string): number {
    return this.db
      .prepare(`UPDATE runs SET status = 'interrupted', error = 'The workbench stopped while this run was in progress', finished_at = ? WHERE status = 'running'`)
      .run(now).changes;
  }

  delete(id: Id): void {
    const info = this.db.prepare('DELETE FROM runs WHERE id = ?').run(id);
    if (info.changes === 0) throw new NotFoundError(`Run ${id} does not exist`);
  }
}

import type Database from 'better-sqlite3';
import type { Id } from '../api.js';
import { NotFoundError } from './errors.js';

/**
 * Tags and notes of runs. A run's parameters and results never change after it finishes; its tags
 * and note are the researcher's annotations and may.
 */
export class RunAnnotations {
  constructor(private readonly db: Database.Database) {}

  private ensureRun(runId: Id): void {
    if (!this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId)) throw new NotFoundError(`Run ${runId} does not exist`);
  }

  /** Replaces the run's tags, in one transaction. Tags arrive normalised (trimmed, unique). */
  setTags(runId: Id, tags: readonly string[]): void {
    this.db.transaction(() => {
      this.ensureRun(runId);
      this.db.prepare('DELETE FROM tags WHERE run_id = ?').run(runId);
      const insert = this.db.prepare('INSERT INTO tags (run_id, tag) VALUES (?, ?)');
      for (const t of tags) insert.run(runId, t);
    })();
  }

  setNote(runId: Id, note: string): void {
    const info = this.db.prepare('UPDATE runs SET note = ? WHERE id = ?').run(note, runId);
    if (info.changes === 0) throw new NotFoundError(`Run ${runId} does not exist`);
  }

  /** Distinct tags, most used first, in one project or everywhere. */
  listTags(projectId?: Id): string[] {
    const rows = projectId === undefined
      ? this.db.prepare('SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag').all()
      : this.db
          .prepare(
            `SELECT t.tag, count(*) AS n FROM tags t JOIN runs r ON r.id = t.run_id JOIN experiments e ON e.id = r.experiment_id
             WHERE e.project_id = ? GROUP BY t.tag ORDER BY n DESC, t.tag`,
          )
          .all(projectId);
    return (rows as { tag: string }[]).map((r) => r.tag);
  }
}

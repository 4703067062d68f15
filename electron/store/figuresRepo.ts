import type Database from 'better-sqlite3';
import type { Figure, FigureSpec, Id } from '../api.js';
import { NotFoundError } from './errors.js';

interface FigureRow {
  id: number;
  project_id: number;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

function toFigure(r: FigureRow): Figure {
  return { id: r.id, projectId: r.project_id, name: r.name, spec: JSON.parse(r.spec) as FigureSpec, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Saved figure compositions of a project: a validated spec (layout, panels → run ids, styling). */
export class FiguresRepo {
  constructor(private readonly db: Database.Database) {}

  list(projectId: Id): Figure[] {
    return (this.db.prepare('SELECT * FROM figures WHERE project_id = ? ORDER BY updated_at DESC, id DESC').all(projectId) as FigureRow[]).map(toFigure);
  }

  get(id: Id): Figure {
    const row = this.db.prepare('SELECT * FROM figures WHERE id = ?').get(id) as FigureRow | undefined;
    if (!row) throw new NotFoundError(`Figure ${id} does not exist`);
    return toFigure(row);
  }

  create(projectId: Id, name: string, spec: FigureSpec, now: string, createdAt = now): Figure {
    const info = this.db
      .prepare('INSERT INTO figures (project_id, name, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(projectId, name, JSON.stringify(spec), createdAt, now);
    return this.get(Number(info.lastInsertRowid));
  }

  update(id: Id, name: string, spec: FigureSpec, now: string): Figure {
    const info = this.db.prepare('UPDATE figures SET name = ?, spec = ?, updated_at = ? WHERE id = ?').run(name, JSON.stringify(spec), now, id);
    if (info.changes === 0) throw new NotFoundError(`Figure ${id} does not exist`);
    return this.get(id);
  }

  delete(id: Id): void {
    const info = this.db.prepare('DELETE FROM figures WHERE id = ?').run(id);
    if (info.changes === 0) throw new NotFoundError(`Figure ${id} does not exist`);
  }
}

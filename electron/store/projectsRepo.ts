import type Database from 'better-sqlite3';
import type { Id, Project } from '../api.js';
import { NotFoundError } from './errors.js';

interface ProjectRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  experiment_count: number;
  run_count: number;
}

const SELECT = `
  SELECT p.id, p.name, p.created_at, p.updated_at,
         (SELECT count(*) FROM experiments e WHERE e.project_id = p.id) AS experiment_count,
         (SELECT count(*) FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE e.project_id = p.id) AS run_count
  FROM projects p`;

function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    experimentCount: r.experiment_count,
    runCount: r.run_count,
  };
}

export class ProjectsRepo {
  constructor(private readonly db: Database.Database) {}

  list(): Project[] {
    return (this.db.prepare(`${SELECT} ORDER BY p.updated_at DESC, p.id DESC`).all() as ProjectRow[]).map(toProject);
  }

  get(id: Id): Project {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    if (!row) throw new NotFoundError(`Project ${id} does not exist`);
    return toProject(row);
  }

  create(name: string, now: string): Project {
    const info = this.db.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now);
    return this.get(Number(info.lastInsertRowid));
  }

  rename(id: Id, name: string, now: string): Project {
    const info = this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
    if (info.changes === 0) throw new NotFoundError(`Project ${id} does not exist`);
    return this.get(id);
  }

  touch(id: Id, now: string): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, id);
  }

  /** Deletes the project with its experiments, runs, arrays, figures and tags (ON DELETE CASCADE). */
  delete(id: Id): void {
    const info = this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    if (info.changes === 0) throw new NotFoundError(`Project ${id} does not exist`);
  }
}

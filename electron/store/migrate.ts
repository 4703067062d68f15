import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A migration file `NNNN-name.sql`: its number is the schema version it brings the database to. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(readonly found: number, readonly supported: number, readonly file: string) {
    super(
      `The database ${file} was written by a newer Spectra Workbench (schema version ${found}; this version knows up to ${supported}). ` +
        'It was left untouched. Update Spectra Workbench, or choose another data folder with --data DIR.',
    );
  }
}

/** Reads `NNNN-name.sql` files in ascending order; anything else in the folder is an error (typos must not be skipped silently). */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const m = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Migration file name ${file} must look like 0010-name.sql`);
    return { version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, file), 'utf8') };
  });
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) throw new Error(`Migration versions must increase: ${files[i]}`);
  }
  return migrations;
}

/** Highest version in the list (0 when empty). */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1].version : 0;
}

/**
 * Applies every migration newer than `PRAGMA user_version`, all inside one transaction, as in
 * Signal-Desktop's ts/sql/migrations: either the database reaches the latest version or it is
 * unchanged. A database newer than the code is refused before anything is written.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file = db.name): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(migrations);
  if (from > to) throw new DatabaseTooNewError(from, to, file);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      // user_version cannot be bound as a parameter; the value is an integer we parsed ourselves.
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to };
}

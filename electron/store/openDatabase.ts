import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseTooNewError, latestVersion, migrate, type Migration } from './migrate.js';
import { backupDatabase } from './backups.js';

export class DatabaseUnreadableError extends Error {
  override name = 'DatabaseUnreadableError';
  constructor(readonly file: string, reason: string) {
    super(
      `The file ${file} is not a readable Spectra Workbench database (${reason}). ` +
        'It was not modified. Restore a backup from the backups folder beside it, or start with another data folder (--data DIR).',
    );
  }
}

/**
 * Opens (creating if needed) the workbench database and brings its schema up to date.
 *
 * Order matters: the schema version and integrity are read before any pragma that writes (WAL mode
 * rewrites the header), so that a newer or foreign file is refused untouched.
 */
export function openDatabase(file: string, migrations: readonly Migration[]): Database.Database {
  const isNew = !existsSync(file);
  if (isNew) mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: !isNew });
  } catch (e) {
    throw new DatabaseUnreadableError(file, (e as Error).message);
  }
  try {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      throw new DatabaseUnreadableError(file, (e as Error).message);
    }
    if (version > latestVersion(migrations)) throw new DatabaseTooNewError(version, latestVersion(migrations), file);
    if (!isNew) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DatabaseUnreadableError(file, `integrity check: ${String(check)}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a run reported done must survive a power cut; the cost is one fsync per commit.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // A copy before any schema change: a migration bug must never cost a researcher their history.
    if (!isNew && version > 0 && version < latestVersion(migrations)) backupDatabase(db, dirname(file), `before-migration-${version}`);
    migrate(db, migrations, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

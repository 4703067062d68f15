import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_DIR = 'backups';
/** Rolling window: older backups beyond this count are deleted. */
export const BACKUPS_KEPT = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface BackupInfo {
  name: string;
  path: string;
  bytes: number;
  createdAt: string;
  reason: string;
}

/**
 * Writes a consistent copy of the open database with `VACUUM INTO` — SQLite's online copy: it reads
 * one snapshot inside a transaction, so concurrent writers never produce a torn backup, and the copy
 * is compacted. Backups live in <dataDir>/backups and rotate.
 */
export function backupDatabase(db: Database.Database, dataDir: string, reason: string, now = new Date()): BackupInfo {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '-').slice(0, 40);
  let name = `workbench-${stamp}-${safeReason}.sqlite`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `workbench-${stamp}-${safeReason}-${i}.sqlite`;
  const path = join(dir, name);
  db.prepare('VACUUM INTO ?').run(path);
  rotateBackups(dir);
  return describe(dir, name);
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^workbench-.*\.sqlite$/.test(f))
    .map((f) => describe(dir, f))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

/** True when the newest backup is older than a day (or there is none). */
export function dailyBackupDue(dataDir: string, now = Date.now()): boolean {
  const newest = listBackups(dataDir)[0];
  return !newest || now - Date.parse(newest.createdAt) >= DAY_MS;
}

function rotateBackups(dir: string): void {
  const files = readdirSync(dir).filter((f) => /^workbench-.*\.sqlite$/.test(f)).sort();
  for (const f of files.slice(0, Math.max(0, files.length - BACKUPS_KEPT))) unlinkSync(join(dir, f));
}

function describe(dir: string, name: string): BackupInfo {
  const path = join(dir, name);
  const st = statSync(path);
  const m = /^workbench-(\d{8}T\d{6}Z)-(.*)\.sqlite$/.exec(name);
  const createdAt = m ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}T${m[1].slice(9, 11)}:${m[1].slice(11, 13)}:${m[1].slice(13, 15)}Z` : st.mtime.toISOString();
  return { name, path, bytes: st.size, createdAt, reason: m?.[2] ?? '' };
}

/**
 * Replaces the (closed) database file with a backup. The current file is first kept as a backup
 * itself ("before-restore", copied byte for byte since it may be unreadable), so restoring never
 * loses anything either. `name` may be "latest".
 */
export function restoreBackupFile(dataDir: string, name: string, databaseFile: string): BackupInfo {
  const backups = listBackups(dataDir);
  const chosen = name === 'latest' ? backups[0] : backups.find((b) => b.name === name);
  if (!chosen) {
    throw new Error(backups.length ? `No backup named "${name}". Available: ${backups.map((b) => b.name).join(', ')}` : `No backups in ${join(dataDir, BACKUP_DIR)}`);
  }
  const dir = join(dataDir, BACKUP_DIR);
  if (existsSync(databaseFile)) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    copyFileSync(databaseFile, join(dir, `workbench-${stamp}-before-restore.sqlite`));
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(databaseFile + suffix)) unlinkSync(databaseFile + suffix);
  copyFileSync(chosen.path, databaseFile);
  return chosen;
}

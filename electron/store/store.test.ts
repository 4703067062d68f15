import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, latestVersion, migrate, DatabaseTooNewError, type Migration } from './migrate.js';
import { defaultMigrationsDir } from './defaultMigrationsDir.js';
import { DATABASE_FILE, Store } from './Store.js';
import { DatabaseUnreadableError } from './openDatabase.js';
import { listBackups } from './backups.js';

const migrations = loadMigrations(defaultMigrationsDir());
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wb-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const NOW = '2026-11-23T12:00:00.000Z';

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('bring an empty database to the latest version with every table', () => {
    const store = Store.open(tempDir());
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['projects', 'experiments', 'runs', 'run_arrays', 'figures', 'tags']));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    store.close();
  });

  it('upgrade a copy of the database at every earlier version and keep its rows', () => {
    for (let upto = 0; upto < migrations.length; upto++) {
      const dir = tempDir();
      const file = join(dir, DATABASE_FILE);
      const old = new Database(file);
      migrate(old, migrations.slice(0, upto + 1));
      old.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run(`v${upto}`, NOW, NOW);
      old.close();
      const copy = join(tempDir(), DATABASE_FILE);
      copyFileSync(file, copy);
      const store = Store.open(join(copy, '..'));
      expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
      expect(store.projects.list().map((p) => p.name)).toEqual([`v${upto}`]);
      store.close();
    }
  });

  it('are all-or-nothing: a failing migration leaves the database at its old version', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [...migrations, { version: 9999, name: 'broken', sql: 'CREATE TABLE ok_table (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('refuse a database written by a newer version and leave its bytes untouched', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma('user_version = 99999');
    db.exec('CREATE TABLE future (x)');
    db.close();
    const before = readFileSync(file);
    expect(() => Store.open(dir)).toThrow(DatabaseTooNewError);
    expect(() => Store.open(dir)).toThrow(/newer Spectra Workbench.*left untouched/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database with a clear message, without overwriting it', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is not sqlite '.repeat(300));
    const before = readFileSync(file);
    expect(() => Store.open(dir)).toThrow(DatabaseUnreadableError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('store', () => {
  it('round-trips projects, experiments and a run result with Float64 blobs bit for bit', () => {
    const store = Store.open(tempDir());
    const p = store.projects.create('Spectra', NOW);
    const e = store.experiments.create(p.id, 'mp-sanity', 'first', { n: 10, d: 20 }, NOW);
    const run = store.runs.create({ experimentId: e.id, kind: 'mp-sanity', experimentName: 'first', params: { n: 10 }, summary: 'n=10', seed: 4294967295, engineVersion: '0.1.0' }, NOW);
    expect(store.runs.claimNext(NOW)?.id).toBe(run.id);
    const eig = new Float64Array([-0, 1e-310, Math.PI, -1.5e300, Number.MIN_VALUE]);
    const nested = new Float64Array([NaN, Infinity, -Infinity]);
    expect(store.runs.complete(run.id, { eigenvalues: eig, layers: [{ x: nested, label: 'a' }], ks: 0.01, inf: Infinity }, NOW)).toBe(true);
    const detail = store.runs.getDetail(run.id);
    expect(detail.status).toBe('done');
    expect(detail.seed).toBe(4294967295);
    const got = detail.result!.eigenvalues as Float64Array;
    expect(got).toBeInstanceOf(Float64Array);
    expect(Buffer.from(got.buffer).equals(Buffer.from(eig.buffer))).toBe(true);
    const layer = (detail.result!.layers as { x: Float64Array; label: string }[])[0];
    expect(Array.from(layer.x)).toEqual([NaN, Infinity, -Infinity]);
    expect(layer.label).toBe('a');
    expect(detail.result!.inf).toBe(Infinity);
    expect(store.projects.get(p.id)).toMatchObject({ experimentCount: 1, runCount: 1 });
    store.close();
  });

  it('deleting a project removes its experiments, runs and arrays (cascade)', () => {
    const store = Store.open(tempDir());
    const p = store.projects.create('P', NOW);
    const e = store.experiments.create(p.id, 'mp-sanity', 'e', {}, NOW);
    const r = store.runs.create({ experimentId: e.id, kind: 'mp-sanity', experimentName: 'e', params: {}, summary: '', seed: 1, engineVersion: '0' }, NOW);
    store.runs.claimNext(NOW);
    store.runs.complete(r.id, { a: new Float64Array(3) }, NOW);
    store.projects.delete(p.id);
    for (const t of ['experiments', 'runs', 'run_arrays']) {
      expect((store.db.prepare(`SELECT count(*) AS c FROM ${t}`).get() as { c: number }).c).toBe(0);
    }
    store.close();
  });
});

describe('queue state machine', () => {
  const setup = () => {
    const store = Store.open(tempDir());
    const p = store.projects.create('P', NOW);
    const e = store.experiments.create(p.id, 'mp-sanity', 'e', {}, NOW);
    const make = () => store.runs.create({ experimentId: e.id, kind: 'mp-sanity', experimentName: 'e', params: {}, summary: '', seed: 1, engineVersion: '0' }, NOW);
    return { store, make };
  };

  it('claims queued runs oldest first, each exactly once', () => {
    const { store, make } = setup();
    const [a, b] = [make(), make()];
    expect(store.runs.claimNext(NOW)?.id).toBe(a.id);
    expect(store.runs.claimNext(NOW)?.id).toBe(b.id);
    expect(store.runs.claimNext(NOW)).toBeNull();
    store.close();
  });

  it('never lets a finished run change again: a late result after cancel is discarded', () => {
    const { store, make } = setup();
    const r = make();
    store.runs.claimNext(NOW);
    expect(store.runs.transition(r.id, ['running'], 'cancelled', NOW, 'user')).toBe(true);
    expect(store.runs.complete(r.id, { x: new Float64Array(1) }, NOW)).toBe(false);
    expect(store.runs.transition(r.id, ['running'], 'failed', NOW, 'late crash')).toBe(false);
    expect(store.runs.setProgress(r.id, 0.5, 'late')).toBe(false);
    const final = store.runs.getDetail(r.id);
    expect(final).toMatchObject({ status: 'cancelled', error: 'user', result: null });
    expect((store.db.prepare('SELECT count(*) AS c FROM run_arrays').get() as { c: number }).c).toBe(0);
    store.close();
  });

  it('marks runs left running by a dead process as interrupted at start-up, and leaves queued ones queued', () => {
    const { store, make } = setup();
    const [a, b] = [make(), make()];
    store.runs.claimNext(NOW);
    expect(store.runs.interruptAbandoned(NOW)).toBe(1);
    expect(store.runs.get(a.id).status).toBe('interrupted');
    expect(store.runs.get(b.id).status).toBe('queued');
    store.close();
  });
});

describe('backups before migrations', () => {
  it('an older database is copied to backups/ before it is migrated, and the copy keeps the old version', () => {
    const dir = tempDir();
    const old = new Database(join(dir, DATABASE_FILE));
    migrate(old, migrations.slice(0, 1));
    old.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run('old', NOW, NOW);
    old.close();
    const store = Store.open(dir);
    store.close();
    const backups = listBackups(dir);
    expect(backups).toHaveLength(1);
    expect(backups[0].reason).toBe(`before-migration-${migrations[0].version}`);
    const copy = new Database(backups[0].path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(migrations[0].version);
    expect((copy.prepare('SELECT name FROM projects').get() as { name: string }).name).toBe('old');
    copy.close();
  });
});

/**
 * `npm run test:faults`: the faults a researcher's history must survive, each with a trial count,
 * the number of runs lost and the database's integrity, printed as a table at the end.
 * Real processes and real SQLite files throughout: workers and the server are SIGKILLed for real.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createWorkbench, type Workbench } from '../workbench.js';
import { DATABASE_FILE, Store } from '../store/Store.js';
import { DatabaseUnreadableError } from '../store/openDatabase.js';
import { backupDatabase, listBackups } from '../store/backups.js';
import type { Id, RunStatus } from '../api.js';

interface FaultRow { fault: string; trials: number; runsLost: number; integrity: string }
const table: FaultRow[] = [];
const here = dirname(fileURLToPath(import.meta.url));
const open: Workbench[] = [];
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wb-faults-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
afterAll(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  const w = [28, 7, 10, 10];
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i])).join(' | ')} |`;
  console.log(['', line(['fault', 'trials', 'runs lost', 'integrity']), line(w.map((n) => '-'.repeat(n))),
    ...table.map((r) => line([r.fault, String(r.trials), String(r.runsLost), r.integrity]))].join('\n'));
});

function start(dataDir: string, opts: { poolSize?: number; workerMemoryLimitMb?: number } = {}): Workbench {
  const wb = createWorkbench({ dataDir, mode: 'web', poolSize: opts.poolSize ?? 1, workerMemoryLimitMb: opts.workerMemoryLimitMb });
  open.push(wb);
  return wb;
}
async function waitFor(wb: Workbench, id: Id, statuses: RunStatus[], timeoutMs = 120_000): Promise<RunStatus> {
  const t0 = Date.now();
  for (;;) {
    const s = wb.store.runs.get(id).status;
    if (statuses.includes(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`run ${id} still ${s}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
function integrity(db: Database.Database): string {
  return String(db.pragma('integrity_check', { simple: true }));
}
/** Every done run has its result and every array its result references (getDetail throws otherwise). */
function doneRunsComplete(store: Store): boolean {
  for (const r of store.runs.listByStatus('done')) {
    const d = store.runs.getDetail(r.id);
    if (!d.result || !(d.result.eigenvalues instanceof Float64Array) || (d.result.eigenvalues as Float64Array).length !== (r.params.n as number)) return false;
  }
  return true;
}
async function newExperiment(wb: Workbench, params: Record<string, unknown>) {
  const p = await wb.handlers.createProject('faults');
  return wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'e', params });
}

describe('faults', () => {
  it('a worker SIGKILLed mid-run 20 times in a row: each run fails with a reason, the pool recovers, queued runs proceed', async () => {
    const wb = start(tempDir());
    const big = await newExperiment(wb, { n: 2000, d: 2000 });
    const small = await wb.handlers.createExperiment({ projectId: big.projectId, kind: 'mp-sanity', name: 's', params: { n: 50, d: 60 } });
    const queued = [];
    for (let i = 0; i < 3; i++) queued.push(await wb.handlers.startRun(small.id));
    let lost = 0;
    for (let trial = 0; trial < 20; trial++) {
      const run = await wb.handlers.startRun(big.id);
      await waitFor(wb, run.id, ['running', 'done', 'failed']);
      const pid = wb.jobs.workerPidOf(run.id);
      if (pid) process.kill(pid, 'SIGKILL');
      const status = await waitFor(wb, run.id, ['failed', 'done']);
      if (status === 'failed' && !/SIGKILL/.test(wb.store.runs.get(run.id).error ?? '')) lost++;
    }
    for (const q of queued) if ((await waitFor(wb, q.id, ['done', 'failed'])) !== 'done') lost++;
    const after = await wb.handlers.startRun(small.id);
    expect(await waitFor(wb, after.id, ['done', 'failed'])).toBe('done');
    const check = integrity(wb.store.db);
    table.push({ fault: 'worker SIGKILL mid-run', trials: 20, runsLost: lost, integrity: check });
    expect(lost).toBe(0);
    expect(check).toBe('ok');
  });

  it('a worker exceeding its memory limit fails with "out of memory" and nothing else is affected', async () => {
    const wb = start(tempDir(), { workerMemoryLimitMb: 250 });
    const hog = await newExperiment(wb, { n: 6000, d: 6000 }); // X alone is 288 MB
    const small = await wb.handlers.createExperiment({ projectId: hog.projectId, kind: 'mp-sanity', name: 's', params: { n: 80, d: 100 } });
    const run = await wb.handlers.startRun(hog.id);
    const next = await wb.handlers.startRun(small.id);
    expect(await waitFor(wb, run.id, ['failed', 'done'])).toBe('failed');
    expect(wb.store.runs.get(run.id).error).toMatch(/out of memory/);
    expect(await waitFor(wb, next.id, ['done', 'failed'])).toBe('done');
    const check = integrity(wb.store.db);
    table.push({ fault: 'worker over memory limit', trials: 1, runsLost: 0, integrity: check });
    expect(check).toBe('ok');
  });

  it('the server SIGKILLed during result writes 20 times: integrity ok, done runs complete, partial runs interrupted, no acknowledged run lost', async () => {
    const dataDir = tempDir();
    const acked = new Set<number>();
    let trials = 0;
    for (let trial = 0; trial < 20; trial++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crashTarget.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
      });
      // Let it reach steady churn (runs finishing), then kill at a random moment.
      const t0 = Date.now();
      while (!/done \d+/.test(out) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 400)));
      await new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      });
      for (const m of out.matchAll(/acked (\d+)/g)) acked.add(Number(m[1]));
      trials++;
    }
    const store = Store.open(dataDir);
    const check = integrity(store.db);
    const ids = new Set((store.db.prepare('SELECT id FROM runs').all() as { id: number }[]).map((r) => r.id));
    const lost = [...acked].filter((id) => !ids.has(id)).length;
    const complete = doneRunsComplete(store);
    const running = store.runs.listByStatus('running').length;
    store.close();
    // The next start turns abandoned runs into interrupted.
    const wb = start(dataDir);
    const stillRunning = wb.store.runs.listByStatus('running').filter((r) => !wb.jobs.workerPidOf(r.id)).length;
    table.push({ fault: 'server SIGKILL during writes', trials, runsLost: lost, integrity: check });
    expect(check).toBe('ok');
    expect(lost).toBe(0);
    expect(complete).toBe(true);
    expect(running).toBeGreaterThanOrEqual(0);
    expect(stillRunning).toBe(0);
    expect(wb.store.runs.listByStatus('interrupted').length).toBeGreaterThan(0);
  });

  it('200 runs queued at once and half cancelled: all others finish, none lost, none run twice', async () => {
    const wb = start(tempDir(), { poolSize: 1 });
    const e = await newExperiment(wb, { n: 20, d: 30, bins: 10 });
    const started = new Map<number, number>();
    wb.events.on('runChange', (r) => {
      if (r.status === 'running') started.set(r.id, (started.get(r.id) ?? 0) + 1);
    });
    const runs = [];
    for (let i = 0; i < 200; i++) runs.push(await wb.handlers.startRun(e.id));
    const cancelled = runs.filter((_, i) => i % 2 === 1);
    for (const r of cancelled) await wb.handlers.cancelRun(r.id);
    let lost = 0;
    for (const r of runs) {
      const s = await waitFor(wb, r.id, ['done', 'failed', 'cancelled']);
      const wanted = cancelled.includes(r) ? ['cancelled', 'done'] : ['done'];
      if (!wanted.includes(s)) lost++;
    }
    const twice = [...started.values()].filter((c) => c > 1).length;
    const check = integrity(wb.store.db);
    table.push({ fault: '200 queued, 100 cancelled', trials: 200, runsLost: lost + twice, integrity: check });
    expect(lost).toBe(0);
    expect(twice).toBe(0);
    expect(check).toBe('ok');
  });

  it('a truncated database, a corrupted one and a non-database file: a clear message naming the backups, never an overwrite', async () => {
    const dataDir = tempDir();
    const wb = start(dataDir);
    const e = await newExperiment(wb, { n: 30, d: 40 });
    const r = await wb.handlers.startRun(e.id);
    await waitFor(wb, r.id, ['done']);
    backupDatabase(wb.store.db, dataDir, 'manual');
    await open.pop()!.close();
    const file = join(dataDir, DATABASE_FILE);
    const good = readFileSync(file);
    const variants: [string, () => void][] = [
      ['truncated', () => truncateSync(file, Math.floor(good.length / 3))],
      ['corrupted', () => { const b = Buffer.from(good); b.fill(0x5a, 100, Math.min(b.length, 4096 * 2)); writeFileSync(file, b); }],
      ['not a database', () => writeFileSync(file, 'hello, I am a text file '.repeat(500))],
    ];
    let trials = 0;
    for (const [, damage] of variants) {
      writeFileSync(file, good);
      damage();
      const before = readFileSync(file);
      expect(() => createWorkbench({ dataDir, mode: 'web', poolSize: 1 })).toThrow(DatabaseUnreadableError);
      expect(() => Store.open(dataDir)).toThrow(/not a readable Spectra Workbench database.*backup/);
      expect(readFileSync(file).equals(before)).toBe(true);
      trials++;
    }
    // The offered backup opens and has the run.
    expect(listBackups(dataDir).length).toBeGreaterThan(0);
    copyFileSync(listBackups(dataDir)[0].path, file);
    const restored = Store.open(dataDir);
    expect(restored.runs.get(r.id).status).toBe('done');
    const check = integrity(restored.db);
    restored.close();
    table.push({ fault: 'damaged database file', trials, runsLost: 0, integrity: check });
    expect(check).toBe('ok');
  });

  it('disk full during a result write: the run fails with a message and the database stays consistent', async () => {
    const dataDir = tempDir();
    const wb = start(dataDir);
    const e = await newExperiment(wb, { n: 1500, d: 1600 }); // a 12 kB-per-row… 12 MB eigen+result write
    const first = await wb.handlers.startRun(e.id);
    await waitFor(wb, first.id, ['done']);
    // SQLITE_FULL through the real write path: cap the file at its current size.
    const pages = wb.store.db.pragma('page_count', { simple: true }) as number;
    wb.store.db.pragma(`max_page_count = ${pages + 2}`);
    const run = await wb.handlers.startRun(e.id);
    expect(await waitFor(wb, run.id, ['failed', 'done'])).toBe('failed');
    expect(wb.store.runs.get(run.id).error).toMatch(/full/i);
    expect(wb.store.runs.getDetail(run.id).result).toBeNull();
    expect((wb.store.db.prepare('SELECT count(*) AS c FROM run_arrays WHERE run_id = ?').get(run.id) as { c: number }).c).toBe(0);
    expect(wb.store.runs.getDetail(first.id).result).not.toBeNull();
    const check = integrity(wb.store.db);
    table.push({ fault: 'disk full (SQLITE_FULL)', trials: 1, runsLost: 0, integrity: check });
    expect(check).toBe('ok');
    expect(statSync(join(dataDir, DATABASE_FILE)).size).toBeGreaterThan(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbench, type Workbench } from '../workbench.js';
import type { Id, RunStatus } from '../api.js';

// Real SQLite files and real forked engine workers (engine/worker.ts under tsx).
const open: Workbench[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function start(dataDir?: string, poolSize = 1): Workbench {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'wb-jobs-'));
  if (!dataDir) dirs.push(dir);
  const wb = createWorkbench({ dataDir: dir, mode: 'web', poolSize });
  open.push(wb);
  return wb;
}

async function waitFor(wb: Workbench, runId: Id, statuses: RunStatus[], timeoutMs = 60_000): Promise<RunStatus> {
  const t0 = Date.now();
  for (;;) {
    const s = wb.store.runs.get(runId).status;
    if (statuses.includes(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`run ${runId} still ${s} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function experiment(wb: Workbench, params: Record<string, unknown>) {
  const p = await wb.handlers.createProject('jobs');
  return wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'e', params });
}

const BIG = { n: 2500, d: 2500 }; // long enough (seconds) to be caught mid-run

describe('job queue with real engine workers', () => {
  it('runs an mp-sanity experiment to done and stores its eigenvalues', async () => {
    const wb = start();
    const e = await experiment(wb, { n: 200, d: 400 });
    const run = await wb.handlers.startRun(e.id, { seed: 11 });
    expect(run.status === 'queued' || run.status === 'running').toBe(true);
    expect(await waitFor(wb, run.id, ['done', 'failed'])).toBe('done');
    const detail = await wb.handlers.getRun(run.id);
    expect((detail.result!.eigenvalues as Float64Array).length).toBe(200);
    expect(detail.progress).toBe(1);
    expect(detail.seed).toBe(11);
  });

  it('a worker killed with SIGKILL fails only its run, with the reason; the pool recovers and the next run succeeds', async () => {
    const wb = start();
    const e = await experiment(wb, BIG);
    const run = await wb.handlers.startRun(e.id);
    await waitFor(wb, run.id, ['running']);
    const pid = wb.jobs.workerPidOf(run.id)!;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    expect(await waitFor(wb, run.id, ['failed', 'done'])).toBe('failed');
    expect(wb.store.runs.get(run.id).error).toMatch(/SIGKILL/);
    expect(wb.jobs.workerPids()).not.toContain(pid);
    const small = await experiment(wb, { n: 100, d: 100 });
    const next = await wb.handlers.startRun(small.id);
    expect(await waitFor(wb, next.id, ['done', 'failed'])).toBe('done');
  });

  it('cancel kills the running computation and marks the run cancelled; a queued run is cancelled without starting', async () => {
    const wb = start();
    const e = await experiment(wb, BIG);
    const running = await wb.handlers.startRun(e.id);
    const queued = await wb.handlers.startRun(e.id);
    await waitFor(wb, running.id, ['running']);
    const pid = wb.jobs.workerPidOf(running.id)!;
    expect((await wb.handlers.cancelRun(queued.id)).status).toBe('cancelled');
    expect((await wb.handlers.cancelRun(running.id)).status).toBe('cancelled');
    expect(wb.store.runs.get(queued.id).startedAt).toBeNull();
    // The old worker is gone (killed), a fresh one has taken its place.
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(pid, 0)).toThrow();
    expect(wb.jobs.poolSize).toBe(1);
    expect((await wb.handlers.getRun(running.id)).result).toBeNull();
  });

  it('a run in progress when the workbench stops is interrupted at the next start; queued runs then proceed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-restart-'));
    dirs.push(dir);
    const wb = start(dir);
    const e = await experiment(wb, BIG);
    const running = await wb.handlers.startRun(e.id);
    const small = await wb.handlers.createExperiment({ projectId: e.projectId, kind: 'mp-sanity', name: 's', params: { n: 50, d: 50 } });
    const queued = await wb.handlers.startRun(small.id);
    await waitFor(wb, running.id, ['running']);
    await wb.close(); // kills workers, leaves the rows as they are — as a crash would
    open.pop();
    const again = start(dir);
    expect(again.store.runs.get(running.id).status).toBe('interrupted');
    expect(await waitFor(again, queued.id, ['done', 'failed'])).toBe('done');
  });

  it('bad parameters are refused with the field named, and no run is created', async () => {
    const wb = start();
    const p = await wb.handlers.createProject('p');
    await expect(wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'x', params: { n: -5 } })).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'n', message: expect.stringMatching(/at least 2/) }],
    });
    await expect(wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'x', params: { n: 1e9 } })).rejects.toMatchObject({
      issues: [{ path: 'n' }],
    });
    await expect(wb.handlers.createProject('')).rejects.toMatchObject({ name: 'ValidationError' });
    expect((await wb.handlers.getProject(p.id)).experiments).toHaveLength(0);
    expect((wb.store.db.prepare('SELECT count(*) AS c FROM runs').get() as { c: number }).c).toBe(0);
  });
});

describe('sweeps', () => {
  it('queue one run per value × repeat with distinct seeds, and aggregate mean ± stderr per value', async () => {
    const wb = start(undefined, 1);
    const e = await experiment(wb, { n: 60, d: 120 });
    const sweep = await wb.handlers.startSweep(e.id, { param: 'd', values: [60, 120, 240], repeats: 2, seed: 5 });
    expect(sweep.total).toBe(6);
    const detail0 = await wb.handlers.getSweep(sweep.id);
    expect(new Set(detail0.runs.map((r) => r.seed)).size).toBe(6);
    for (const r of detail0.runs) await waitFor(wb, r.id, ['done', 'failed']);
    const detail = await wb.handlers.getSweep(sweep.id);
    expect(detail.counts.done).toBe(6);
    const top = detail.series.find((s) => s.series === 'largest eigenvalue' && s.role === 'simulation')!;
    const theory = detail.series.find((s) => s.series === 'largest eigenvalue' && s.role === 'theory')!;
    expect(top.x).toEqual([60, 120, 240]);
    expect(top.count).toEqual([2, 2, 2]);
    // MP edge (1 + √γ)² with γ = n/d = 1, 1/2, 1/4.
    expect(theory.mean[0]).toBeCloseTo(4, 12);
    expect(theory.mean[2]).toBeCloseTo(2.25, 12);
    for (let i = 0; i < 3; i++) expect(Math.abs(top.mean[i] - theory.mean[i])).toBeLessThan(0.4);
    expect((await wb.handlers.getProject(e.projectId)).sweeps.map((s) => s.id)).toEqual([sweep.id]);
  });

  it('refuse the whole sweep when one value is invalid, naming it, and queue nothing', async () => {
    const wb = start();
    const e = await experiment(wb, { n: 60, d: 120 });
    await expect(wb.handlers.startSweep(e.id, { param: 'd', values: [60, -1], repeats: 1 })).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'sweep.values.1' }],
    });
    await expect(wb.handlers.startSweep(e.id, { param: 'entries', values: [1] })).rejects.toMatchObject({ issues: [{ path: 'sweep.param' }] });
    expect((wb.store.db.prepare('SELECT count(*) AS c FROM runs').get() as { c: number }).c).toBe(0);
    expect((wb.store.db.prepare('SELECT count(*) AS c FROM sweeps').get() as { c: number }).c).toBe(0);
  });
});

describe('backups', () => {
  it('restoreBackup brings back the database as it was, keeps the replaced one as a backup, and the queue keeps working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-backup-'));
    dirs.push(dir);
    const wb = start(dir);
    const e = await experiment(wb, { n: 40, d: 50 });
    const kept = await wb.handlers.startRun(e.id);
    await waitFor(wb, kept.id, ['done']);
    const backup = await wb.handlers.backupNow();
    expect(backup.reason).toBe('manual');
    await wb.handlers.createProject('made after the backup');
    expect((await wb.handlers.listProjects()).map((p) => p.name)).toContain('made after the backup');
    await wb.handlers.restoreBackup(backup.name);
    expect((await wb.handlers.listProjects()).map((p) => p.name)).not.toContain('made after the backup');
    expect(((await wb.handlers.getRun(kept.id)).result!.eigenvalues as Float64Array).length).toBe(40);
    expect((await wb.handlers.listBackups()).some((b) => b.reason === 'before-restore')).toBe(true);
    const again = await wb.handlers.startRun(e.id);
    expect(await waitFor(wb, again.id, ['done', 'failed'])).toBe('done');
    await expect(wb.handlers.restoreBackup('../../etc/passwd')).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

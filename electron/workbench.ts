/**
 * Builds the workbench's services from a data folder: the store, the job queue with its engine
 * workers, and the API handlers that main.ts (IPC) and web.ts (WebSocket) both serve.
 * Every argument that arrives from outside is validated here, once, for both transports.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type {
  Experiment, ExperimentPatch, Id, KindInfo, NewExperiment, Project, ProjectDetail, RunDetail, RunSummary,
  BackupInfo, ServerInfo, StartRunOptions, StartSweepOptions, SweepDetail, SweepSummary, ValidationOutcome, WorkbenchMethod, WorkbenchApi,
} from './api.js';
import { EventEmitter } from 'node:events';
import { DATABASE_FILE, Store } from './store/Store.js';
import { backupDatabase, dailyBackupDue, listBackups, restoreBackupFile } from './store/backups.js';
import { ValidationError } from './store/errors.js';
import { JobQueue, type JobQueueEvents } from './jobs/JobQueue.js';
import { nodeWorkerFactory, type WorkerFactory } from './jobs/WorkerHandle.js';
import { kindCatalog } from '../engine/kindCatalog.js';
import { isKind, moduleFor } from '../engine/registry.js';
import { validateWith } from '../engine/validateParams.js';
import type { SweepMetric } from '../engine/kinds/ComputationModule.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { aggregateSweep } from './aggregateSweep.js';
import { getPath, withPath } from './paramPath.js';
import { historyHandlers, type HistoryMethod } from './historyHandlers.js';

/** Upper bound on runs one sweep may queue (values × repeats). */
export const MAX_SWEEP_RUNS = 2000;

export interface WorkbenchOptions {
  dataDir: string;
  mode: 'electron' | 'web';
  poolSize?: number;
  workerFactory?: WorkerFactory;
  now?: () => string;
  /** Resident memory a worker may use before it is killed and its run failed "out of memory". */
  workerMemoryLimitMb?: number;
}

type BackupMethod = 'listBackups' | 'backupNow' | 'restoreBackup';

/** Server-side implementation of the contract's request/response methods. */
export type WorkbenchHandlers = Pick<WorkbenchApi, WorkbenchMethod>;

export interface Workbench {
  /** The current store and queue (replaced when a backup is restored: always read them from here). */
  readonly store: Store;
  readonly jobs: JobQueue;
  /** Run events of whichever queue is current; transports subscribe here, once. */
  readonly events: EventEmitter<JobQueueEvents>;
  readonly handlers: WorkbenchHandlers;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** Default worker count: one core is left for the main process and the UI. */
export function defaultPoolSize(): number {
  return Math.max(1, cpus().length - 1);
}

/** engine/worker: the built bundle next to this one, or the TypeScript source under tsx. */
export function defaultWorkerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = resolve(here, '../engine/worker.js');
  if (existsSync(built)) return built;
  return resolve(here, '../engine/worker.ts');
}

const idSchema = z.number().int().positive();
const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const noteSchema = z.string().max(100_000, 'must be at most 100000 characters');
const paramsObject = z.record(z.string(), z.unknown());

function arg<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: [field, ...i.path.map(String)].join('.'), message: `${field} ${i.message}` }));
  throw new ValidationError(issues.map((i) => i.message).join('; '), issues);
}

export function createWorkbench(options: WorkbenchOptions): Workbench {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  let store = Store.open(dataDir);
  const now = options.now ?? (() => new Date().toISOString());
  const factory = options.workerFactory ?? nodeWorkerFactory({ entry: defaultWorkerEntry() });
  const events = new EventEmitter<JobQueueEvents>();
  const makeQueue = (s: Store) => {
    const q = new JobQueue(s, factory, {
      poolSize: options.poolSize ?? defaultPoolSize(),
      now,
      memoryLimitMb: options.workerMemoryLimitMb,
    });
    q.on('runProgress', (e) => events.emit('runProgress', e));
    q.on('runChange', (r) => events.emit('runChange', r));
    return q;
  };
  let jobs = makeQueue(store);
  const backupIfDue = () => {
    try {
      if (dailyBackupDue(dataDir)) backupDatabase(store.db, dataDir, 'daily');
    } catch (e) {
      console.error(`Daily backup failed: ${(e as Error).message}`);
    }
  };
  let kinds: KindInfo[] | null = null;
  // Sweep metrics of finished runs never change: computed once per run from its stored result.
  const metricsCache = new Map<Id, SweepMetric[]>();
  const metricsOf = (runId: Id, compute: () => SweepMetric[]): SweepMetric[] => {
    let m = metricsCache.get(runId);
    if (!m) metricsCache.set(runId, (m = compute()));
    return m;
  };

  const validate = (kind: string, raw: unknown): ValidationOutcome => {
    if (!isKind(kind)) return { ok: false, issues: [{ path: 'kind', message: `Unknown kind "${String(kind).slice(0, 40)}"; see listKinds()` }] };
    const r = validateWith(moduleFor(kind).params, raw);
    return r.ok ? { ok: true, params: r.params as Record<string, unknown> } : { ok: false, issues: r.issues };
  };
  const validParamsOrThrow = (kind: string, raw: unknown): Record<string, unknown> => {
    const r = validate(kind, raw);
    if (!r.ok) throw new ValidationError(`Invalid parameters: ${r.issues.map((i) => `${i.path || 'parameters'}: ${i.message}`).join('; ')}`, r.issues);
    return r.params;
  };

  const coreHandlers: Omit<WorkbenchHandlers, BackupMethod | HistoryMethod> = {
    async serverInfo(): Promise<ServerInfo> {
      return { engineVersion: ENGINE_VERSION, dataDir, mode: options.mode, workers: jobs.poolSize };
    },
    async listKinds() {
      kinds ??= kindCatalog() as KindInfo[];
      return kinds;
    },
    async validateParams(kind, params) {
      return validate(arg(z.string(), kind, 'kind'), params);
    },
    async listProjects(): Promise<Project[]> {
      return store.projects.list();
    },
    async createProject(name) {
      return store.projects.create(arg(nameSchema, name, 'name'), now());
    },
    async renameProject(id, name) {
      return store.projects.rename(arg(idSchema, id, 'id'), arg(nameSchema, name, 'name'), now());
    },
    async deleteProject(id) {
      store.projects.delete(arg(idSchema, id, 'id'));
    },
    async getProject(id): Promise<ProjectDetail> {
      const pid = arg(idSchema, id, 'id');
      return {
        project: store.projects.get(pid),
        experiments: store.experiments.listByProject(pid),
        runs: store.runs.listByProject(pid),
        sweeps: store.sweeps.listByProject(pid),
      };
    },
    async getExperiment(id) {
      return store.experiments.get(arg(idSchema, id, 'id'));
    },
    async createExperiment(input: NewExperiment): Promise<Experiment> {
      const i = arg(z.object({ projectId: idSchema, kind: z.string().max(100, 'must be a kind name from listKinds()'), name: nameSchema, params: paramsObject }), input, 'experiment');
      const params = validParamsOrThrow(i.kind, i.params);
      return store.transaction(() => {
        store.projects.get(i.projectId);
        const e = store.experiments.create(i.projectId, i.kind, i.name, params, now());
        store.projects.touch(i.projectId, now());
        return e;
      });
    },
    async updateExperiment(id, patch: ExperimentPatch) {
      const eid = arg(idSchema, id, 'id');
      const p = arg(z.object({ name: nameSchema.optional(), params: paramsObject.optional(), note: noteSchema.optional() }), patch, 'patch');
      const current = store.experiments.get(eid);
      const params = p.params ? validParamsOrThrow(current.kind, p.params) : current.params;
      return store.experiments.update(eid, { name: p.name ?? current.name, params, note: p.note ?? current.note }, now());
    },
    async deleteExperiment(id) {
      store.experiments.delete(arg(idSchema, id, 'id'));
    },
    async startRun(experimentId, runOptions?: StartRunOptions): Promise<RunSummary> {
      const eid = arg(idSchema, experimentId, 'experimentId');
      const o = arg(z.object({ seed: z.number().int().min(0).max(0xffffffff).optional() }).optional(), runOptions, 'options');
      const e = store.experiments.get(eid);
      // Re-validate: a kind's schema may have tightened since the experiment was saved.
      const params = validParamsOrThrow(e.kind, e.params);
      if (!isKind(e.kind)) throw new ValidationError(`Unknown kind ${e.kind}`);
      const seed = o?.seed ?? Math.floor(Math.random() * 0xffffffff);
      const run = store.runs.create(
        { experimentId: eid, kind: e.kind, experimentName: e.name, params, summary: moduleFor(e.kind).summarize(params), seed, engineVersion: ENGINE_VERSION },
        now(),
      );
      jobs.emit('runChange', run);
      jobs.pump();
      return store.runs.get(run.id);
    },
    async cancelRun(runId) {
      return jobs.cancel(arg(idSchema, runId, 'runId'));
    },
    async getRun(runId): Promise<RunDetail> {
      return store.runs.getDetail(arg(idSchema, runId, 'runId'));
    },
    async startSweep(experimentId, sweepOptions: StartSweepOptions): Promise<SweepSummary> {
      const eid = arg(idSchema, experimentId, 'experimentId');
      const o = arg(
        z.object({
          param: z.string().min(1, 'must name a parameter, e.g. "model.theta.0"').max(200),
          values: z.array(z.number().refine(Number.isFinite, 'must be finite'), { error: 'must be a list of numbers' }).min(1, 'needs at least one value').max(500, 'at most 500 values'),
          repeats: z.number().int().min(1).max(1000).default(1),
          seed: z.number().int().min(0).max(0xffffffff).optional(),
        }),
        sweepOptions,
        'sweep',
      );
      if (o.values.length * o.repeats > MAX_SWEEP_RUNS) {
        throw new ValidationError(`sweep.repeats: ${o.values.length} values × ${o.repeats} repeats = ${o.values.length * o.repeats} runs; at most ${MAX_SWEEP_RUNS}. Use fewer values or repeats.`, [
          { path: 'sweep.repeats', message: `at most ${MAX_SWEEP_RUNS} runs per sweep` },
        ]);
      }
      const e = store.experiments.get(eid);
      if (!isKind(e.kind)) throw new ValidationError(`Unknown kind ${e.kind}`);
      if (typeof getPath(e.params, o.param) !== 'number') {
        throw new ValidationError(`sweep.param: "${o.param}" is not a numeric parameter of this experiment`, [
          { path: 'sweep.param', message: `"${o.param}" is not a numeric parameter of this experiment` },
        ]);
      }
      // Validate every point before queueing anything: a sweep is all or nothing.
      const points = o.values.map((value, i) => {
        const r = validate(e.kind, withPath(e.params, o.param, value));
        if (!r.ok) {
          const why = r.issues.map((x) => `${x.path || 'parameters'}: ${x.message}`).join('; ');
          throw new ValidationError(`sweep.values.${i}: ${o.param} = ${value} is invalid (${why})`, [{ path: `sweep.values.${i}`, message: why }]);
        }
        return { value, params: r.params };
      });
      const baseSeed = o.seed ?? Math.floor(Math.random() * 0xffffffff);
      const module = moduleFor(e.kind);
      const sweepId = store.transaction(() => {
        const id = store.sweeps.create(eid, o.param, o.values, o.repeats, baseSeed, now());
        let k = 0;
        for (const p of points) {
          for (let rep = 0; rep < o.repeats; rep++) {
            store.runs.create(
              {
                experimentId: eid, kind: e.kind, experimentName: e.name, params: p.params, summary: `${o.param}=${p.value} · ${module.summarize(p.params)}`,
                seed: (baseSeed + k++) >>> 0, engineVersion: ENGINE_VERSION, sweep: { id, value: p.value, repeat: rep },
              },
              now(),
            );
          }
        }
        return id;
      });
      jobs.pump();
      return store.sweeps.get(sweepId);
    },
    async getSweep(sweepId): Promise<SweepDetail> {
      const id = arg(idSchema, sweepId, 'sweepId');
      const summary = store.sweeps.get(id);
      const runs = store.runs.listBySweep(id);
      const module = isKind(summary.kind) ? moduleFor(summary.kind) : null;
      const points = runs
        .filter((r) => r.status === 'done' && r.sweepValue !== null && module?.sweepMetrics)
        .map((r) => ({ value: r.sweepValue!, metrics: metricsOf(r.id, () => module!.sweepMetrics!(store.runs.result(r.id))) }));
      return { ...summary, runs, series: aggregateSweep(points) };
    },
    async cancelSweep(sweepId) {
      const id = arg(idSchema, sweepId, 'sweepId');
      for (const r of store.runs.listBySweep(id)) if (r.status === 'queued' || r.status === 'running') jobs.cancel(r.id);
      return store.sweeps.get(id);
    },
    async deleteRun(runId) {
      const id = arg(idSchema, runId, 'runId');
      const run = store.runs.get(id);
      if (run.status === 'running' || run.status === 'queued') jobs.cancel(id);
      store.runs.delete(id);
    },
  };

  const handlers: WorkbenchHandlers = Object.assign(coreHandlers, {
    async listBackups(): Promise<BackupInfo[]> {
      return listBackups(dataDir).map(({ path: _path, ...b }) => ({ ...b, path: '' }));
    },
    async backupNow(): Promise<BackupInfo> {
      return backupDatabase(store.db, dataDir, 'manual');
    },
    async restoreBackup(name: unknown): Promise<BackupInfo> {
      const n = arg(z.string().regex(/^(latest|workbench-[\w.-]+\.sqlite)$/, 'must be the name of a backup from listBackups'), name, 'name');
      // Runs in progress are interrupted exactly as by a restart; the current file is kept as a backup.
      await jobs.close();
      store.close();
      let restored: BackupInfo;
      try {
        restored = restoreBackupFile(dataDir, n, join(dataDir, DATABASE_FILE));
      } finally {
        store = Store.open(dataDir);
        jobs = makeQueue(store);
        jobs.start();
      }
      return { ...restored, path: '' };
    },
  } satisfies Pick<WorkbenchHandlers, 'listBackups' | 'backupNow' | 'restoreBackup'>, historyHandlers({
    store: () => store,
    jobs: () => jobs,
    now,
    validParams: validParamsOrThrow,
    summarize: (kind, params) => (isKind(kind) ? moduleFor(kind).summarize(params as never) : ''),
    engineVersion: ENGINE_VERSION,
    arg,
  }));

  jobs.start();
  backupIfDue();
  const dailyTimer = setInterval(backupIfDue, 3600 * 1000);
  dailyTimer.unref();
  return {
    get store() {
      return store;
    },
    get jobs() {
      return jobs;
    },
    events,
    handlers,
    dataDir,
    async close() {
      clearInterval(dailyTimer);
      await jobs.close();
      store.close();
    },
  };
}

/** Default data folder outside Electron: $SPECTRA_DATA, else ~/.spectra-workbench. */
export function defaultDataDir(): string {
  return process.env.SPECTRA_DATA || join(process.env.HOME || process.cwd(), '.spectra-workbench');
}

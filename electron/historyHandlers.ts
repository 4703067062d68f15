/**
 * Handlers of the history, compare/figure and portability part of the contract (issue 9): search,
 * tags and notes, re-runs, bulk delete, duplicate experiment, figures, project export/import.
 * workbench.ts merges them into its handler table; like the rest, every argument is validated here.
 */
import { statSync } from 'node:fs';
import { z } from 'zod';
import type { DeleteRunsOutcome, Experiment, Figure, FigureInput, Project, RunSearchPage, RunSummary, WorkbenchApi } from './api.js';
import { figureSpecSchema } from './history/figureSpecSchema.js';
import { RunQueryError } from './history/parseRunQuery.js';
import type { JobQueue } from './jobs/JobQueue.js';
import { ValidationError } from './store/errors.js';
import { exportProject, importProject } from './store/projectArchive.js';
import { searchRuns } from './store/searchRuns.js';
import type { Store } from './store/Store.js';

export type HistoryMethod =
  | 'searchRuns' | 'listTags' | 'setRunTags' | 'setRunNote' | 'rerun' | 'deleteRuns' | 'duplicateExperiment'
  | 'saveFigure' | 'listFigures' | 'getFigure' | 'deleteFigure' | 'exportProject' | 'importProject';

export interface HistoryContext {
  /** The current store and queue (both are replaced when a backup is restored: always call these). */
  store(): Store;
  jobs(): JobQueue;
  now(): string;
  /** Validated parameters of a kind, or a ValidationError. */
  validParams(kind: string, raw: unknown): Record<string, unknown>;
  summarize(kind: string, params: Record<string, unknown>): string;
  engineVersion: string;
  arg<T>(schema: z.ZodType<T>, value: unknown, field: string): T;
}

/** Project files above this size are refused before parsing (the WebSocket carries at most 16 MiB anyway). */
const MAX_IMPORT_CHARS = 512 * 1024 * 1024;
/** Deleting this many runs (or runs with this many stored bytes) triggers a full VACUUM afterwards. */
const VACUUM_AFTER_RUNS = 50;

const idSchema = z.number().int().positive();
const seedSchema = z.number().int().min(0).max(0xffffffff);
const tagSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function historyHandlers(ctx: HistoryContext): Pick<WorkbenchApi, HistoryMethod> {
  const { arg } = ctx;
  return {
    async searchRuns(request): Promise<RunSearchPage> {
      const r = arg(
        z.strictObject({
          projectId: idSchema.optional(),
          query: z.string().max(2000).optional(),
          sort: z.enum(['id', 'created', 'finished', 'kind', 'status', 'experiment', 'seed', 'duration']).optional(),
          descending: z.boolean().optional(),
          offset: z.number().int().min(0).optional(),
          limit: z.number().int().min(1).max(1000).optional(),
        }),
        request ?? {},
        'search',
      );
      try {
        return searchRuns(ctx.store().db, r);
      } catch (e) {
        if (e instanceof RunQueryError) throw new ValidationError(`search.query: ${e.message}`, [{ path: 'search.query', message: e.message }]);
        throw e;
      }
    },
    async listTags(projectId) {
      return ctx.store().annotations.listTags(arg(idSchema.optional(), projectId ?? undefined, 'projectId'));
    },
    async setRunTags(runId, tags): Promise<RunSummary> {
      const id = arg(idSchema, runId, 'runId');
      const list = arg(z.array(tagSchema).max(50, 'at most 50 tags'), tags, 'tags');
      const unique = [...new Set(list)];
      const store = ctx.store();
      store.annotations.setTags(id, unique);
      const run = store.runs.get(id);
      ctx.jobs().emit('runChange', run);
      return run;
    },
    async setRunNote(runId, note): Promise<RunSummary> {
      const id = arg(idSchema, runId, 'runId');
      const text = arg(z.string().max(100_000, 'must be at most 100000 characters'), note, 'note');
      const store = ctx.store();
      store.annotations.setNote(id, text);
      const run = store.runs.get(id);
      ctx.jobs().emit('runChange', run);
      return run;
    },
    async rerun(runId, options): Promise<RunSummary> {
      const id = arg(idSchema, runId, 'runId');
      const o = arg(z.strictObject({ seed: seedSchema.optional() }).optional(), options ?? undefined, 'options');
      const store = ctx.store();
      const source = store.runs.get(id);
      // The snapshot, not the experiment's current parameters: a re-run reproduces that run.
      const params = ctx.validParams(source.kind, source.params);
      const seed = o?.seed ?? Math.floor(Math.random() * 0xffffffff);
      const run = store.runs.create(
        { experimentId: source.experimentId, kind: source.kind, experimentName: source.experimentName, params, summary: ctx.summarize(source.kind, params), seed, engineVersion: ctx.engineVersion },
        ctx.now(),
      );
      const jobs = ctx.jobs();
      jobs.emit('runChange', run);
      jobs.pump();
      return store.runs.get(run.id);
    },
    async deleteRuns(runIds): Promise<DeleteRunsOutcome> {
      const ids = [...new Set(arg(z.array(idSchema).min(1, 'needs at least one run').max(100_000), runIds, 'runIds'))];
      const store = ctx.store();
      const jobs = ctx.jobs();
      for (const id of ids) {
        const r = store.runs.get(id);
        if (r.status === 'queued' || r.status === 'running') jobs.cancel(id);
      }
      const before = fileBytes(store.file) + fileBytes(`${store.file}-wal`);
      store.transaction(() => {
        for (const id of ids) store.runs.delete(id);
      });
      // Free pages are reused by later runs anyway; give them back to the disk after big deletes.
      // VACUUM cannot run inside a transaction and rewrites the file, so only when it pays off.
      const freePages = store.db.pragma('freelist_count', { simple: true }) as number;
      const pageCount = store.db.pragma('page_count', { simple: true }) as number;
      if (ids.length >= VACUUM_AFTER_RUNS || freePages > pageCount / 4) {
        store.db.exec('VACUUM');
        store.db.pragma('wal_checkpoint(TRUNCATE)');
      }
      const after = fileBytes(store.file) + fileBytes(`${store.file}-wal`);
      return { deleted: ids.length, reclaimedBytes: Math.max(0, before - after) };
    },
    async duplicateExperiment(id): Promise<Experiment> {
      const eid = arg(idSchema, id, 'id');
      const store = ctx.store();
      return store.transaction(() => {
        const e = store.experiments.get(eid);
        const copy = store.experiments.create(e.projectId, e.kind, `${e.name.slice(0, 192)} (copy)`, e.params, ctx.now());
        const withNote = e.note ? store.experiments.update(copy.id, { name: copy.name, params: copy.params, note: e.note }, ctx.now()) : copy;
        store.projects.touch(e.projectId, ctx.now());
        return withNote;
      });
    },
    async saveFigure(input: FigureInput): Promise<Figure> {
      const f = arg(
        z.strictObject({
          id: idSchema.optional(),
          projectId: idSchema,
          name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
          spec: figureSpecSchema,
        }),
        input,
        'figure',
      );
      const store = ctx.store();
      return store.transaction(() => {
        store.projects.get(f.projectId);
        if (f.id === undefined) return store.figures.create(f.projectId, f.name, f.spec, ctx.now());
        const current = store.figures.get(f.id);
        if (current.projectId !== f.projectId) throw new ValidationError('figure.projectId: a figure cannot move to another project', [{ path: 'figure.projectId', message: 'cannot change' }]);
        return store.figures.update(f.id, f.name, f.spec, ctx.now());
      });
    },
    async listFigures(projectId) {
      return ctx.store().figures.list(arg(idSchema, projectId, 'projectId'));
    },
    async getFigure(id) {
      return ctx.store().figures.get(arg(idSchema, id, 'id'));
    },
    async deleteFigure(id) {
      ctx.store().figures.delete(arg(idSchema, id, 'id'));
    },
    async exportProject(id): Promise<string> {
      return exportProject(ctx.store().db, arg(idSchema, id, 'id'), ctx.now());
    },
    async importProject(text): Promise<Project> {
      const t = arg(z.string().min(1, 'is empty').max(MAX_IMPORT_CHARS, 'is too large'), text, 'file');
      const store = ctx.store();
      const id = importProject(store.db, t, ctx.now());
      return store.projects.get(id);
    },
  };
}

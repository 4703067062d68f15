import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Id } from '../api.js';
import { figureSpecSchema } from '../history/figureSpecSchema.js';
import { NotFoundError, ValidationError } from './errors.js';
import { joinResult } from './resultCodec.js';

/**
 * One project as one versioned JSON document, and back. Rows keep their original ids as `ref`s only
 * to link them inside the file; an import gets fresh ids in a NEW project and never touches another.
 * Arrays travel as base64 of their stored little-endian bytes, so they come back bit for bit.
 */
export const ARCHIVE_FORMAT = 'spectra-workbench-project';
export const ARCHIVE_VERSION = 1;

const text = (max: number) => z.string().max(max);
const timestamp = z.string().min(1).max(40);
const ref = z.number().int().positive();
const jsonText = z.string().refine((s) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}, 'must be valid JSON text');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const archiveSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT, { error: `must be "${ARCHIVE_FORMAT}" (this is not a Spectra Workbench project file)` }),
  version: z.literal(ARCHIVE_VERSION, { error: `must be ${ARCHIVE_VERSION} (the file comes from another version of Spectra Workbench)` }),
  exportedAt: timestamp,
  project: z.strictObject({ name: z.string().trim().min(1).max(200), createdAt: timestamp, updatedAt: timestamp }),
  experiments: z.array(
    z.strictObject({
      ref,
      kind: text(100),
      name: z.string().min(1).max(200),
      params: z.record(z.string(), z.unknown()),
      note: text(100_000),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  sweeps: z.array(
    z.strictObject({
      ref,
      experiment: ref,
      param: z.string().min(1).max(200),
      values: z.array(z.number()),
      repeats: z.number().int().min(1).max(1000),
      baseSeed: z.number().int().min(0).max(0xffffffff),
      createdAt: timestamp,
    }),
  ),
  runs: z.array(
    z.strictObject({
      ref,
      experiment: ref,
      kind: text(100),
      experimentName: z.string().min(1).max(200),
      status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']),
      params: z.record(z.string(), z.unknown()),
      summary: text(10_000),
      seed: z.number().int().min(0).max(0xffffffff),
      engineVersion: text(100),
      createdAt: timestamp,
      startedAt: timestamp.nullable(),
      finishedAt: timestamp.nullable(),
      progress: z.number().min(0).max(1),
      stage: text(1000),
      error: text(100_000).nullable(),
      result: jsonText.nullable(),
      note: text(100_000),
      tags: z.array(z.string().min(1).max(64)),
      sweep: z.strictObject({ ref, value: z.number().nullable(), repeat: z.number().int().nullable() }).nullable(),
      arrays: z.array(
        z.strictObject({
          name: z.string().min(1).max(1000),
          shape: z.array(z.number().int().min(0)),
          data: z.string().regex(BASE64, 'must be base64'),
        }),
      ),
    }),
  ),
  figures: z.array(z.strictObject({ name: z.string().min(1).max(200), spec: figureSpecSchema, createdAt: timestamp, updatedAt: timestamp })),
});

export type ProjectArchive = z.infer<typeof archiveSchema>;

interface RunRowRaw {
  id: number;
  experiment_id: number;
  kind: string;
  experiment_name: string;
  status: ProjectArchive['runs'][number]['status'];
  params: string;
  summary: string;
  seed: number;
  engine_version: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: number;
  stage: string;
  error: string | null;
  result: string | null;
  note: string;
  sweep_id: number | null;
  sweep_value: number | null;
  sweep_repeat: number | null;
}

/** The project as a JSON document (see archiveSchema for its exact shape). */
export function exportProject(db: Database.Database, projectId: Id, now: string): string {
  const project = db.prepare('SELECT name, created_at, updated_at FROM projects WHERE id = ?').get(projectId) as
    | { name: string; created_at: string; updated_at: string }
    | undefined;
  if (!project) throw new NotFoundError(`Project ${projectId} does not exist`);
  const experiments = db.prepare('SELECT * FROM experiments WHERE project_id = ? ORDER BY id').all(projectId) as {
    id: number; kind: string; name: string; params: string; note: string; created_at: string; updated_at: string;
  }[];
  const sweeps = db
    .prepare('SELECT s.* FROM sweeps s JOIN experiments e ON e.id = s.experiment_id WHERE e.project_id = ? ORDER BY s.id')
    .all(projectId) as { id: number; experiment_id: number; param: string; vals: string; repeats: number; base_seed: number; created_at: string }[];
  const runs = db
    .prepare('SELECT r.* FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE e.project_id = ? ORDER BY r.id')
    .all(projectId) as RunRowRaw[];
  const arraysOf = db.prepare('SELECT name, shape, data FROM run_arrays WHERE run_id = ? ORDER BY name');
  const tagsOf = db.prepare('SELECT tag FROM tags WHERE run_id = ? ORDER BY tag');
  const figures = db.prepare('SELECT name, spec, created_at, updated_at FROM figures WHERE project_id = ? ORDER BY id').all(projectId) as {
    name: string; spec: string; created_at: string; updated_at: string;
  }[];
  const archive: ProjectArchive = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: now,
    project: { name: project.name, createdAt: project.created_at, updatedAt: project.updated_at },
    experiments: experiments.map((e) => ({
      ref: e.id, kind: e.kind, name: e.name, params: JSON.parse(e.params) as Record<string, unknown>, note: e.note, createdAt: e.created_at, updatedAt: e.updated_at,
    })),
    sweeps: sweeps.map((s) => ({
      ref: s.id, experiment: s.experiment_id, param: s.param, values: JSON.parse(s.vals) as number[], repeats: s.repeats, baseSeed: s.base_seed, createdAt: s.created_at,
    })),
    runs: runs.map((r) => ({
      ref: r.id,
      experiment: r.experiment_id,
      kind: r.kind,
      experimentName: r.experiment_name,
      status: r.status,
      params: JSON.parse(r.params) as Record<string, unknown>,
      summary: r.summary,
      seed: r.seed,
      engineVersion: r.engine_version,
      createdAt: r.created_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      progress: r.progress,
      stage: r.stage,
      error: r.error,
      result: r.result,
      note: r.note,
      tags: (tagsOf.all(r.id) as { tag: string }[]).map((t) => t.tag),
      sweep: r.sweep_id === null ? null : { ref: r.sweep_id, value: r.sweep_value, repeat: r.sweep_repeat },
      arrays: (arraysOf.all(r.id) as { name: string; shape: string; data: Buffer }[]).map((a) => ({
        name: a.name,
        shape: JSON.parse(a.shape) as number[],
        data: a.data.toString('base64'),
      })),
    })),
    figures: figures.map((f) => ({ name: f.name, spec: JSON.parse(f.spec) as ProjectArchive['figures'][number]['spec'], createdAt: f.created_at, updatedAt: f.updated_at })),
  };
  return JSON.stringify(archive);
}

function refuse(path: string, message: string): never {
  throw new ValidationError(`The project file is invalid: ${path ? `${path}: ` : ''}${message}`, [{ path: path || 'file', message }]);
}

/** Parses and checks a project file completely; throws ValidationError naming the first problems. */
export function parseProjectArchive(text: string): { archive: ProjectArchive; blobs: Map<number, { name: string; shape: number[]; data: Buffer }[]> } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    refuse('', `not JSON (${(e as Error).message})`);
  }
  const r = archiveSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.') || 'file', message: i.message }));
    throw new ValidationError(`The project file is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const archive = r.data;
  const unique = (refs: number[], what: string) => {
    const seen = new Set<number>();
    refs.forEach((x, i) => {
      if (seen.has(x)) refuse(`${what}.${i}.ref`, `duplicate ref ${x}`);
      seen.add(x);
    });
    return seen;
  };
  const experimentRefs = unique(archive.experiments.map((e) => e.ref), 'experiments');
  const sweepRefs = unique(archive.sweeps.map((s) => s.ref), 'sweeps');
  unique(archive.runs.map((x) => x.ref), 'runs');
  archive.sweeps.forEach((s, i) => {
    if (!experimentRefs.has(s.experiment)) refuse(`sweeps.${i}.experiment`, `refers to experiment ${s.experiment}, which is not in the file`);
  });
  const blobs = new Map<number, { name: string; shape: number[]; data: Buffer }[]>();
  archive.runs.forEach((run, i) => {
    if (!experimentRefs.has(run.experiment)) refuse(`runs.${i}.experiment`, `refers to experiment ${run.experiment}, which is not in the file`);
    if (run.sweep && !sweepRefs.has(run.sweep.ref)) refuse(`runs.${i}.sweep.ref`, `refers to sweep ${run.sweep.ref}, which is not in the file`);
    const names = new Set<string>();
    const decoded = run.arrays.map((a, j) => {
      if (names.has(a.name)) refuse(`runs.${i}.arrays.${j}.name`, `duplicate array name "${a.name}"`);
      names.add(a.name);
      const data = Buffer.from(a.data, 'base64');
      if (data.byteLength % 8 !== 0) refuse(`runs.${i}.arrays.${j}.data`, `${data.byteLength} bytes is not a whole number of Float64 values`);
      const count = a.shape.reduce((p, x) => p * x, 1);
      if (count * 8 !== data.byteLength) refuse(`runs.${i}.arrays.${j}.shape`, `shape [${a.shape.join(', ')}] needs ${count} values, the data holds ${data.byteLength / 8}`);
      return { name: a.name, shape: a.shape, data };
    });
    if (run.result !== null) {
      // Every array the result refers to must be in the file (joinResult throws on a missing one).
      const views = new Map(decoded.map((d) => [d.name, new Float64Array(0)]));
      try {
        joinResult(run.result, views);
      } catch (e) {
        refuse(`runs.${i}.result`, (e as Error).message);
      }
    }
    blobs.set(run.ref, decoded);
  });
  return { archive, blobs };
}

/** A name no other project has: "X", else "X (imported)", "X (imported 2)", … */
function freeName(db: Database.Database, name: string): string {
  const taken = (n: string) => db.prepare('SELECT 1 FROM projects WHERE name = ?').get(n) !== undefined;
  if (!taken(name)) return name;
  const base = name.slice(0, 180);
  for (let k = 1; ; k++) {
    const candidate = `${base} (imported${k === 1 ? '' : ` ${k}`})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Imports a project file as a new project, in one transaction: either everything is written or
 * nothing is. Runs that were queued or running when exported come back interrupted (they are not
 * re-queued behind the user's back).
 */
export function importProject(db: Database.Database, text: string, now: string): Id {
  const { archive, blobs } = parseProjectArchive(text);
  return db.transaction(() => {
    const name = freeName(db, archive.project.name);
    const projectId = Number(db.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, archive.project.createdAt, now).lastInsertRowid);
    const experimentIds = new Map<number, number>();
    const insertExperiment = db.prepare('INSERT INTO experiments (project_id, kind, name, params, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const e of archive.experiments) {
      experimentIds.set(e.ref, Number(insertExperiment.run(projectId, e.kind, e.name, JSON.stringify(e.params), e.note, e.createdAt, e.updatedAt).lastInsertRowid));
    }
    const sweepIds = new Map<number, number>();
    const insertSweep = db.prepare('INSERT INTO sweeps (experiment_id, param, vals, repeats, base_seed, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const s of archive.sweeps) {
      sweepIds.set(s.ref, Number(insertSweep.run(experimentIds.get(s.experiment), s.param, JSON.stringify(s.values), s.repeats, s.baseSeed, s.createdAt).lastInsertRowid));
    }
    const runIds = new Map<number, number>();
    const insertRun = db.prepare(
      `INSERT INTO runs (experiment_id, kind, experiment_name, status, params, summary, seed, engine_version, created_at, started_at, finished_at,
                         progress, stage, error, result, note, sweep_id, sweep_value, sweep_repeat)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertArray = db.prepare('INSERT INTO run_arrays (run_id, name, shape, data) VALUES (?, ?, ?, ?)');
    const insertTag = db.prepare('INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)');
    for (const r of archive.runs) {
      const active = r.status === 'queued' || r.status === 'running';
      const id = Number(
        insertRun.run(
          experimentIds.get(r.experiment), r.kind, r.experimentName, active ? 'interrupted' : r.status, JSON.stringify(r.params), r.summary, r.seed,
          r.engineVersion, r.createdAt, r.startedAt, active ? now : r.finishedAt, r.progress, r.stage,
          active ? 'Imported while it was in progress' : r.error, r.result, r.note,
          r.sweep ? sweepIds.get(r.sweep.ref) : null, r.sweep?.value ?? null, r.sweep?.repeat ?? null,
        ).lastInsertRowid,
      );
      runIds.set(r.ref, id);
      for (const a of blobs.get(r.ref) ?? []) insertArray.run(id, a.name, JSON.stringify(a.shape), a.data);
      for (const t of r.tags) insertTag.run(id, t);
    }
    const insertFigure = db.prepare('INSERT INTO figures (project_id, name, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const f of archive.figures) {
      // Panels point at runs by id: map them to the imported runs; drop references to runs outside the file.
      const spec = { ...f.spec, panels: f.spec.panels.map((p) => ({ ...p, runIds: p.runIds.flatMap((x) => (runIds.has(x) ? [runIds.get(x)!] : [])) })) };
      insertFigure.run(projectId, f.name, JSON.stringify(spec), f.createdAt, f.updatedAt);
    }
    return projectId;
  })();
}


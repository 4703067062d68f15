import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from './Store.js';
import { searchRuns, searchSql } from './searchRuns.js';
import { exportProject, importProject } from './projectArchive.js';
import type { FigureSpec } from '../api.js';

const dirs: string[] = [];
const openStore = () => {
  const d = mkdtempSync(join(tmpdir(), 'wb-history-'));
  dirs.push(d);
  return Store.open(d);
};
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const NOW = '2026-11-23T12:00:00.000Z';

/** A project with `count` runs over two experiments; every run's params vary n and activation. */
function seed(store: Store, count: number) {
  const p = store.projects.create('History', NOW);
  const a = store.experiments.create(p.id, 'ck-ntk', 'tanh net', { n: 1000, activation: 'tanh', widths: [500, 500] }, NOW);
  const b = store.experiments.create(p.id, 'mp-sanity', 'wishart', { n: 100, d: 200 }, NOW);
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const e = i % 2 ? a : b;
      const params = i % 2 ? { n: 1000 + (i % 5) * 500, activation: i % 3 ? 'tanh' : 'relu', widths: [500, 500 + (i % 4)] } : { n: 100 + (i % 7), d: 200 };
      store.runs.create(
        { experimentId: e.id, kind: e.kind, experimentName: e.name, params, summary: `run ${i}`, seed: i, engineVersion: 't' },
        `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`,
      );
    }
  });
  return { project: p, a, b };
}

function plan(store: Store, query: string, projectId?: number): string {
  const { sql, params } = searchSql({ projectId, query });
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('run annotations', () => {
  it('replace the tags of a run, keep its note, and list tags by use', () => {
    const store = openStore();
    const { project } = seed(store, 4);
    const [r1, r2] = searchRuns(store.db, { projectId: project.id, sort: 'id', descending: false }).runs;
    store.annotations.setTags(r1.id, ['paper', 'fig-2']);
    store.annotations.setTags(r2.id, ['paper']);
    store.annotations.setTags(r1.id, ['paper', 'final']);
    store.annotations.setNote(r1.id, 'the one for the talk');
    expect(store.runs.get(r1.id).tags.sort()).toEqual(['final', 'paper']);
    expect(store.runs.get(r1.id).note).toBe('the one for the talk');
    expect(store.annotations.listTags(project.id)).toEqual(['paper', 'final']);
    expect(searchRuns(store.db, { query: 'tag = paper' }).total).toBe(2);
    expect(searchRuns(store.db, { query: 'tag = final' }).runs.map((r) => r.id)).toEqual([r1.id]);
    expect(searchRuns(store.db, { query: 'note ~ talk' }).total).toBe(1);
    expect(() => store.annotations.setNote(999, 'x')).toThrow(/Run 999 does not exist/);
    store.close();
  });
});

describe('searchRuns over 10 000 runs', () => {
  it('filters on parameters with json_extract, pages, sorts, and counts', () => {
    const store = openStore();
    const { project } = seed(store, 10_000);
    const all = searchRuns(store.db, { projectId: project.id, limit: 50 });
    expect(all.total).toBe(10_000);
    expect(all.runs).toHaveLength(50);
    expect(all.runs[0].id).toBeGreaterThan(all.runs[49].id);
    // Odd i: n = 1000 + (i % 5)·500 ≥ 2000 ⇔ i % 5 ∈ {2,3,4}; tanh ⇔ i % 3 ≠ 0.
    let expected = 0;
    for (let i = 0; i < 10_000; i++) if (i % 2 && i % 5 >= 2 && i % 3 !== 0) expected++;
    const t0 = performance.now();
    const hit = searchRuns(store.db, { projectId: project.id, query: 'activation = tanh and n >= 2000', limit: 1000 });
    const ms = performance.now() - t0;
    expect(hit.total).toBe(expected);
    expect(hit.runs.every((r) => r.params.activation === 'tanh' && (r.params.n as number) >= 2000)).toBe(true);
    const page2 = searchRuns(store.db, { projectId: project.id, query: 'kind = mp-sanity', sort: 'seed', descending: false, offset: 100, limit: 10 });
    expect(page2.runs.map((r) => r.seed)).toEqual([200, 202, 204, 206, 208, 210, 212, 214, 216, 218]);
    expect(searchRuns(store.db, { query: 'widths.1 = 503' }).total).toBe(2500);
    expect(searchRuns(store.db, { query: 'created = 2026-11-05' }).total).toBe(500);
    expect(searchRuns(store.db, { query: 'created <= 2026-11-02' }).total).toBe(1000);
    console.log(`searchRuns: parameter query over 10 000 runs, ${hit.total} hits, ${ms.toFixed(1)} ms`);
    store.close();
  });

  it('uses indexes for project, kind, status and tag filters (EXPLAIN QUERY PLAN)', () => {
    const store = openStore();
    const { project } = seed(store, 200);
    const byProject = plan(store, '', project.id);
    expect(byProject).toMatch(/USING (COVERING )?INDEX (experiments_project|runs_experiment)/);
    expect(byProject).not.toMatch(/SCAN r\b(?! USING)/);
    expect(plan(store, 'kind = ck-ntk')).toMatch(/USING (COVERING )?INDEX runs_kind/);
    expect(plan(store, 'status = failed')).toMatch(/USING (COVERING )?INDEX runs_status/);
    expect(plan(store, 'tag = paper')).toMatch(/USING (COVERING )?INDEX tags_tag|USING PRIMARY KEY/);
    expect(plan(store, 'tag = paper')).toMatch(/tags_tag/);
    store.close();
  });
});

describe('project export and import', () => {
  const spec = (runIds: number[]): FigureSpec => ({
    version: 1, rows: 1, cols: 2, size: 'double', fontSize: 8, palette: 'seeds', panelLetters: true, legend: true,
    panels: [{ runIds, spectrum: 0, title: 'a', xLabel: 'λ', yLabel: 'density', logY: false, showTheory: true }],
  });

  it('round-trip every row, tag, note, figure and bit-identical Float64 array into a new project', () => {
    const store = openStore();
    const { project } = seed(store, 6);
    const runs = searchRuns(store.db, { projectId: project.id, sort: 'id', descending: false }).runs;
    const tricky = new Float64Array([Math.PI, -0, Number.MIN_VALUE, Number.MAX_VALUE, NaN, Infinity, 1e-310]);
    store.db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(runs[0].id);
    store.runs.complete(runs[0].id, { eigenvalues: tricky, histogram: { edges: new Float64Array([0, 1]), density: new Float64Array([1]) }, n: 3 }, NOW);
    store.annotations.setTags(runs[0].id, ['paper']);
    store.annotations.setNote(runs[0].id, 'keep');
    store.figures.create(project.id, 'Figure 1', spec([runs[0].id, runs[1].id]), NOW);

    const text = exportProject(store.db, project.id, NOW);
    const importedId = importProject(store.db, text, NOW);
    expect(importedId).not.toBe(project.id);
    const imported = store.projects.get(importedId);
    expect(imported.name).toBe('History (imported)');
    const copies = searchRuns(store.db, { projectId: importedId, sort: 'id', descending: false }).runs;
    expect(copies).toHaveLength(runs.length);
    const original = store.runs.getDetail(runs[0].id).result!;
    const copy = store.runs.getDetail(copies[0].id).result!;
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(copy.eigenvalues as Float64Array).equals(bytes(original.eigenvalues as Float64Array))).toBe(true);
    expect(bytes(copy.eigenvalues as Float64Array).equals(bytes(tricky))).toBe(true);
    expect(copies[0].tags).toEqual(['paper']);
    expect(copies[0].note).toBe('keep');
    // Runs queued when exported come back interrupted: an import never re-queues work.
    expect(copies.map((r) => [r.params, r.seed, r.status])).toEqual(runs.map((r, i) => [r.params, r.seed, i === 0 ? 'done' : 'interrupted']));
    const [figure] = store.figures.list(importedId);
    expect(figure.spec.panels[0].runIds).toEqual([copies[0].id, copies[1].id]);
    // A second import of the same file gets another free name.
    expect(store.projects.get(importProject(store.db, text, NOW)).name).toBe('History (imported 2)');
    store.close();
  });

  it('refuse bad files with a clear message and write nothing', () => {
    const store = openStore();
    const { project } = seed(store, 2);
    const good = JSON.parse(exportProject(store.db, project.id, NOW));
    const count = () => (store.db.prepare('SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM runs) + (SELECT count(*) FROM experiments) AS n').get() as { n: number }).n;
    const before = count();
    const mutate = (f: (x: typeof good) => void) => {
      const x = structuredClone(good);
      f(x);
      return JSON.stringify(x);
    };
    const cases: [string, RegExp][] = [
      ['not json at all', /not JSON/],
      [JSON.stringify({ hello: 1 }), /format: must be "spectra-workbench-project"/],
      [mutate((x) => (x.version = 99)), /version: must be 1/],
      [mutate((x) => (x.runs[0].experiment = 12345)), /runs\.0\.experiment: refers to experiment 12345/],
      [mutate((x) => (x.runs[1].seed = -1)), /runs\.1\.seed/],
      [mutate((x) => x.runs[0].arrays.push({ name: 'a', shape: [2], data: 'AAAA' })), /runs\.0\.arrays\.0\.data: 3 bytes/],
      [mutate((x) => x.runs[0].arrays.push({ name: 'a', shape: [3], data: Buffer.alloc(16).toString('base64') })), /shape \[3\] needs 3 values, the data holds 2/],
      [mutate((x) => (x.runs[0].result = '{"eigenvalues":{"$array":"eigenvalues"}}')), /runs\.0\.result: Result references a missing array eigenvalues/],
    ];
    for (const [text, message] of cases) {
      expect(() => importProject(store.db, text, NOW), message.source).toThrow(message);
    }
    // A failure late in the transaction (a run whose experiment violates a constraint) also leaves nothing behind.
    expect(() => importProject(store.db, mutate((x) => (x.experiments[0].name = 'x'.repeat(300))), NOW)).toThrow(/experiments\.0\.name/);
    expect(count()).toBe(before);
    store.close();
  });
});

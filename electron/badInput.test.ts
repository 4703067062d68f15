/**
 * The bad-input corpus: every API entry fed malformed, hostile and extreme values. Each case must be
 * answered with a clear error (ValidationError naming a field, or NotFoundError) and write nothing.
 * The WebSocket transport gets its own malformed frames. The count of cases is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createWorkbench, type Workbench } from './workbench.js';
import { startWebServer, type WebServer } from './web.js';
import { decodeWire } from '../renderer/src/lib/wireCodec.js';
import type { WireReply } from '../renderer/src/lib/wireCodec.js';

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const BAD_IDS: unknown[] = [undefined, null, NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 53, '1', 'abc', '', {}, [], true, '../../etc/passwd', HUGE];
const BAD_NAMES: unknown[] = [undefined, null, 42, '', '   ', HUGE, {}, ['a'], true, NaN];
const BAD_PARAMS: unknown[] = [
  { n: -5 }, { n: 0 }, { n: 1.5 }, { n: NaN }, { n: Infinity }, { n: '100' }, { n: 1e9 }, { d: 'abc' }, { d: null },
  { entries: 'cauchy' }, { entries: 3 }, { bins: 5 }, { bins: 1e6 }, { n: 20000, d: 20000 }, { n: [1, 2] }, { n: {} },
  { bins: -Infinity }, { d: 2 ** 53 }, { n: HUGE },
];

let wb: Workbench;
let server: WebServer;
let dir: string;
let projectId: number;
let experimentId: number;
let cases = 0;

function counts(): string {
  return ['projects', 'experiments', 'runs', 'run_arrays', 'sweeps', 'tags', 'figures']
    .map((t) => `${t}=${(wb.store.db.prepare(`SELECT count(*) AS c FROM ${t}`).get() as { c: number }).c}`)
    .join(' ');
}

async function refused(call: () => Promise<unknown>, names = ['ValidationError', 'NotFoundError']): Promise<void> {
  cases++;
  const before = counts();
  let error: unknown = null;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the call to be refused').not.toBeNull();
  const e = error as { name: string; message: string };
  expect(names).toContain(e.name);
  expect(e.message.length).toBeGreaterThan(5);
  expect(e.message.length).toBeLessThan(2000); // a message for a person, not an echo of 10 MB
  expect(counts()).toBe(before);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wb-bad-'));
  wb = createWorkbench({ dataDir: dir, mode: 'web', poolSize: 1 });
  server = await startWebServer({ workbench: wb, staticDir: dir });
  const p = await wb.handlers.createProject('corpus');
  projectId = p.id;
  experimentId = (await wb.handlers.createExperiment({ projectId, kind: 'mp-sanity', name: 'ok', params: { n: 20, d: 30 } })).id;
});
afterAll(async () => {
  await server.close();
  await wb.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`bad-input corpus: ${cases} cases, all refused cleanly with nothing written`);
});

describe('bad-input corpus', () => {
  it('ids: every verb taking an id refuses malformed ids and unknown ones', async () => {
    const verbs = ['renameProject', 'deleteProject', 'getProject', 'getExperiment', 'updateExperiment', 'deleteExperiment', 'startRun', 'cancelRun', 'getRun', 'deleteRun', 'getSweep', 'cancelSweep'] as const;
    const h = wb.handlers as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const verb of verbs) {
      const rest = verb === 'renameProject' ? ['name'] : verb === 'updateExperiment' ? [{}] : [];
      for (const id of BAD_IDS) await refused(() => h[verb](id, ...rest));
      await refused(() => h[verb](987654, ...rest)); // well-formed but unknown
    }
  });

  it('names: projects and experiments refuse empty, huge and non-string names', async () => {
    for (const name of BAD_NAMES) {
      await refused(() => wb.handlers.createProject(name as string));
      await refused(() => wb.handlers.renameProject(projectId, name as string));
      await refused(() => wb.handlers.createExperiment({ projectId, kind: 'mp-sanity', name: name as string, params: {} }));
    }
  });

  it('parameters: wrong types, NaN/Inf, negative and huge sizes are refused with the field named', async () => {
    for (const params of BAD_PARAMS) {
      await refused(() => wb.handlers.createExperiment({ projectId, kind: 'mp-sanity', name: 'bad', params: params as Record<string, unknown> }));
      await refused(() => wb.handlers.updateExperiment(experimentId, { params: params as Record<string, unknown> }));
      cases++;
      const v = await wb.handlers.validateParams('mp-sanity', params as Record<string, unknown>);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.issues[0].path).toMatch(/^(n|d|entries|bins)$/);
    }
  });

  it('experiment envelopes: unknown kinds, missing fields and hostile shapes', async () => {
    const envelopes: unknown[] = [
      undefined, null, 'x', 42, [], {}, { projectId }, { projectId, kind: 'no-such-kind', name: 'a', params: {} },
      { projectId, kind: '__proto__', name: 'a', params: {} }, { projectId, kind: 'mp-sanity', name: 'a', params: null },
      { projectId, kind: 'mp-sanity', name: 'a', params: [] }, { projectId, kind: 'mp-sanity', name: 'a', params: 'n=5' },
      { projectId: 987654, kind: 'mp-sanity', name: 'a', params: {} }, { projectId: -1, kind: 'mp-sanity', name: 'a', params: {} },
      { projectId, kind: HUGE, name: 'a', params: {} },
    ];
    for (const env of envelopes) await refused(() => wb.handlers.createExperiment(env as never));
    const patches: unknown[] = [null, 'x', { name: '' }, { name: HUGE }, { note: HUGE + HUGE }, { params: 'x' }, { params: { n: -1 } }];
    for (const patch of patches) await refused(() => wb.handlers.updateExperiment(experimentId, patch as never));
  });

  it('runs and sweeps: bad seeds and sweep specifications', async () => {
    for (const seed of [-1, 1.5, 2 ** 32, NaN, 'seed', Infinity]) await refused(() => wb.handlers.startRun(experimentId, { seed } as never));
    const sweeps: unknown[] = [
      undefined, null, {}, { param: 'n' }, { param: 'n', values: [] }, { param: 'n', values: 'a,b' }, { param: 'n', values: [NaN] },
      { param: 'n', values: [Infinity] }, { param: 'n', values: [-5, 10] }, { param: 'n', values: [1e9] }, { param: 'entries', values: [1] },
      { param: 'no.such.path', values: [1] }, { param: '__proto__.x', values: [1] }, { param: '', values: [1] }, { param: HUGE, values: [1] },
      { param: 'n', values: [10], repeats: 0 }, { param: 'n', values: [10], repeats: 1.5 }, { param: 'n', values: Array(600).fill(10) },
      { param: 'n', values: [10, 20, 30], repeats: 1000 }, { param: 'n', values: [10], seed: -3 },
    ];
    for (const s of sweeps) await refused(() => wb.handlers.startSweep(experimentId, s as never));
    for (const name of [null, 42, '', '../../etc/passwd', 'workbench-x.sqlite', HUGE]) await refused(() => wb.handlers.restoreBackup(name as string), ['ValidationError', 'Error']);
  });

  it('the WebSocket transport answers malformed frames with an error and keeps serving', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Host: `127.0.0.1:${server.port}` } });
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    const replies: WireReply[] = [];
    ws.on('message', (d) => replies.push(decodeWire<WireReply>(d.toString())));
    const frames = [
      'not json', '{}', '[]', 'null', '{"type":"call"}', '{"type":"call","seq":1,"method":"nope","args":[]}',
      '{"type":"call","seq":2,"method":"constructor","args":[]}', '{"type":"call","seq":3,"method":"__proto__","args":[]}',
      '{"type":"call","seq":4,"method":"listProjects","args":"x"}', '{"type":"call","seq":1.5,"method":"listProjects","args":[]}',
      '{"type":"call","seq":5,"method":"getProject","args":[{"$f64":"AAAA"}]}', JSON.stringify({ type: 'call', seq: 6, method: 'createProject', args: [HUGE.slice(0, 1_000_000)] }),
    ];
    for (const f of frames) {
      cases++;
      ws.send(f);
    }
    ws.send(JSON.stringify({ type: 'call', seq: 99, method: 'listProjects', args: [] }));
    const t0 = Date.now();
    while (!replies.some((r) => r.seq === 99) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    const errors = replies.filter((r) => !r.ok);
    expect(errors.length).toBe(frames.length);
    expect(replies.find((r) => r.seq === 99)?.ok).toBe(true);
    ws.close();
    expect(counts()).toMatch(/projects=1 /);
  });

  it('covers at least 150 cases', () => {
    expect(cases).toBeGreaterThanOrEqual(150);
  });
});

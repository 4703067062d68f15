/**
 * The importers' share of the bad-input corpus: .npy and .csv matrices, edge lists and adjacency
 * CSVs, graph pairs, and project files. Each malformed, hostile or extreme file must be answered with
 * a clear message — never a crash, a hang, a NaN let through or a partial write. The count is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNpy } from '../engine/nn/parseNpy.js';
import { parseCsv } from '../engine/nn/parseCsv.js';
import { parseGraphText } from '../engine/graphs/parseGraphText.js';
import { importGraphPair } from '../engine/graphs/importGraphPair.js';
import { createWorkbench } from './workbench.js';

let cases = 0;
afterAll(() => console.log(`importer corpus: ${cases} malformed files, all refused with a message`));

/** A refusal is a thrown Error with a readable message, or an `{ ok: false, message }` outcome. */
function refused(run: () => unknown): string {
  cases++;
  let message = '';
  try {
    const out = run() as { ok?: boolean; message?: string } | undefined;
    if (out && out.ok === false && typeof out.message === 'string') message = out.message;
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message, 'expected a refusal with a message').not.toBe('');
  expect(message.length).toBeLessThan(2000);
  return message;
}

/** A syntactically valid .npy v1.0 file with the given header dict and payload. */
function npy(header: string, payload: Uint8Array = new Uint8Array(0), magic = '\x93NUMPY'): Uint8Array {
  let h = header;
  while ((10 + h.length + 1) % 64 !== 0) h += ' ';
  h += '\n';
  const out = new Uint8Array(10 + h.length + payload.length);
  for (let i = 0; i < magic.length; i++) out[i] = magic.charCodeAt(i);
  out[6] = 1;
  out[7] = 0;
  out[8] = h.length & 255;
  out[9] = h.length >> 8;
  for (let i = 0; i < h.length; i++) out[10 + i] = h.charCodeAt(i);
  out.set(payload, 10 + h.length);
  return out;
}
const f64 = (...v: number[]) => new Uint8Array(Float64Array.from(v).buffer);

describe('importer corpus', () => {
  it('.npy: bad magic, truncated headers and data, unsupported dtypes, hostile shapes', () => {
    const good = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
    const bad: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['not npy', new TextEncoder().encode('hello world, not a matrix')],
      ['bad magic', npy(good, f64(1, 2, 3, 4), '\x93NUMPZ')],
      ['truncated header', npy(good, f64(1, 2, 3, 4)).slice(0, 20)],
      ['truncated data', npy(good, f64(1, 2, 3))],
      ['1 GB claim', npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", f64(1))],
      ['negative shape', npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 2), }", f64(1, 2, 3, 4))],
      ['3-D', npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1, 2), }", f64(1, 2, 3, 4))],
      ['int dtype', npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(16))],
      ['complex dtype', npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(64))],
      ['object dtype', npy("{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(32))],
      ['garbage header', npy("{'descr': __import__('os'), 'shape': (2, 2)}", f64(1, 2, 3, 4))],
      ['missing shape', npy("{'descr': '<f8', 'fortran_order': False, }", f64(1, 2, 3, 4))],
      ['huge header length', (() => { const b = npy(good, f64(1, 2, 3, 4)); b[8] = 255; b[9] = 255; return b; })()],
    ];
    for (const [, bytes] of bad) refused(() => parseNpy(bytes));
  });

  it('.csv: empty, ragged, non-numeric, non-finite and oversized matrices', () => {
    const bad = ['', '\n\n\n', '1,2,3\n4,5', 'a,b\nc,d', '1,2\n3,NaN', '1,Infinity\n2,3', '1;2\n3;4;5', '1,2\n3,0x10', `1,${'9'.repeat(400)}`, '# only a comment', '1,,2\n3,4,5'];
    for (const text of bad) refused(() => parseCsv(text));
  });

  it('edge lists and adjacency CSVs: malformed lines, negative and huge ids, junk', () => {
    const bad = ['', 'zero one', '0 1\n1 two', '0 -1', '0 1.5', `0 ${1e12}`, '0\n', '0 1 2 3 4 5\n1 2', '\u0000\u0001\u0002 binary', '1,0\n0', '0 1\n1 0 7 8 9'];
    for (const text of bad) refused(() => parseGraphText(text, { maxVertices: 10_000, label: 'graph A' }));
    // Line numbers are named.
    expect(refused(() => parseGraphText('0 1\n1 2\n2 x', { label: 'graph A' }))).toMatch(/line 3/);
  });

  it('graph pairs: different sizes without padding, and a ground truth that does not fit', () => {
    refused(() => importGraphPair({ graphA: '0 1\n1 2', graphB: '0 1\n1 2\n2 3\n3 4' }));
    refused(() => importGraphPair({ graphA: '0 1\n1 2', graphB: '0 1\n1 2', truth: '0 7' }));
    refused(() => importGraphPair({ graphA: '0 1\n1 2', graphB: '0 1\n1 2', truth: 'a b' }));
  });

  it('project files: malformed, truncated, mislabelled and hostile archives are refused with nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-import-'));
    const wb = createWorkbench({ dataDir: dir, mode: 'web', poolSize: 1 });
    try {
      const p = await wb.handlers.createProject('source');
      const e = await wb.handlers.createExperiment({ projectId: p.id, kind: 'mp-sanity', name: 'e', params: { n: 20, d: 30 } });
      const run = await wb.handlers.startRun(e.id, { seed: 3 });
      for (let t0 = Date.now(); wb.store.runs.get(run.id).status !== 'done' && Date.now() - t0 < 60_000; ) await new Promise((r) => setTimeout(r, 20));
      const good = await wb.handlers.exportProject(p.id);
      const doc = JSON.parse(good) as Record<string, unknown>;
      const mutate = (f: (d: Record<string, unknown>) => void) => {
        const copy = JSON.parse(good) as Record<string, unknown>;
        f(copy);
        return JSON.stringify(copy);
      };
      const count = () => (wb.store.db.prepare('SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM runs) + (SELECT count(*) FROM run_arrays) AS c').get() as { c: number }).c;
      const before = count();
      const bad: string[] = [
        'not json', '{}', '[]', 'null', good.slice(0, good.length / 2),
        mutate((d) => { d.format = 'something-else'; }),
        mutate((d) => { d.version = 999; }),
        mutate((d) => { delete d.project; }),
        mutate((d) => { (d as { project: { name: unknown } }).project.name = 'x'.repeat(100_000); }),
        mutate((d) => { (d as { runs: unknown }).runs = 'many'; }),
        mutate((d) => { (d as { experiments: unknown[] }).experiments = [{ id: 1, kind: '../../etc/passwd', name: 'e', params: {} }]; }),
        good.replace(/"data":"[A-Za-z0-9+/=]{8}/, '"data":"!!!!####'),
        good.replace(/"shape":\[\d+\]/, '"shape":[1000000000]'),
      ];
      void doc;
      for (const text of bad) {
        cases++;
        await expect(wb.handlers.importProject(text)).rejects.toThrow();
        expect(count()).toBe(before);
      }
    } finally {
      await wb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

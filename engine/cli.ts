/**
 * `spectra` — the workbench's engine, headless. Same registry, same seeds, same numbers as the app.
 *
 *   spectra run SPEC.json [--out RESULT.json]   SPEC = {"kind", "params", "seed"}; progress on stderr
 *   spectra kinds                               every kind with its parameter schema (JSON Schema)
 *   spectra validate SPEC.json                  check a spec without running it
 *
 * Exit codes: 0 success, 1 the computation failed, 2 bad usage or an invalid spec (the message
 * names the field and the fix).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Rng } from './random/Rng.js';
import { isKind, KINDS, moduleFor } from './registry.js';
import { formatIssues, validateWith } from './validateParams.js';
import { kindCatalog } from './kindCatalog.js';
import { initLinalg } from './linalg/index.js';
import { ENGINE_VERSION } from './version.js';
import { toPlainJson } from './toPlainJson.js';

const USAGE = `Usage:
  spectra run SPEC.json [--out RESULT.json]
  spectra validate SPEC.json
  spectra kinds
SPEC.json: {"kind": "${KINDS[0]}", "params": {...}, "seed": 1}`;

class UsageError extends Error {}

const specSchema = z.object({
  kind: z.string({ error: 'kind is required (a string; see `spectra kinds`)' }),
  params: z.record(z.string(), z.unknown()).default({}),
  seed: z.number().int('seed must be a whole number').min(0, 'seed must be ≥ 0').max(0xffffffff, 'seed must be < 2^32').default(1),
}).strict();

function readSpec(path: string | undefined) {
  if (!path) throw new UsageError(`Missing SPEC.json\n${USAGE}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  const spec = specSchema.safeParse(raw);
  if (!spec.success) throw new UsageError(`Invalid spec ${path}:\n${formatIssues(spec.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))}`);
  const { kind, params, seed } = spec.data;
  if (!isKind(kind)) throw new UsageError(`Invalid spec ${path}:\nkind: unknown kind "${kind}"; known kinds: ${KINDS.join(', ')}`);
  const v = validateWith(moduleFor(kind).params, params);
  if (!v.ok) throw new UsageError(`Invalid spec ${path}:\n${formatIssues(v.issues.map((i) => ({ ...i, path: `params.${i.path}` })))}`);
  return { kind, params: v.params, seed };
}

async function run(argv: string[]): Promise<void> {
  const outIdx = argv.indexOf('--out');
  const out = outIdx >= 0 ? argv[outIdx + 1] : undefined;
  if (outIdx >= 0 && !out) throw new UsageError('--out needs a file name');
  const specPath = argv.find((a, i) => !a.startsWith('--') && !(outIdx >= 0 && i === outIdx + 1));
  const { kind, params, seed } = readSpec(specPath);
  await initLinalg();
  const started = performance.now();
  let last = 0;
  const result = await moduleFor(kind).run(params, {
    seed,
    rng: new Rng(seed),
    signal: new AbortController().signal,
    progress(fraction, stage) {
      const t = performance.now();
      if (t - last < 250 && fraction < 1) return;
      last = t;
      process.stderr.write(`[${(100 * fraction).toFixed(0).padStart(3)}%] ${stage}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const doc = { kind, seed, engineVersion: ENGINE_VERSION, seconds, params, result: toPlainJson(result) };
  const text = JSON.stringify(doc);
  if (out) {
    // Write beside the target and rename: a crash never leaves a half-written result file.
    writeFileSync(`${out}.partial`, text);
    renameSync(`${out}.partial`, out);
    process.stderr.write(`wrote ${out} (${seconds.toFixed(2)} s)\n`);
  } else {
    process.stdout.write(text + '\n');
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        await run(rest);
        return 0;
      case 'validate':
        readSpec(rest[0]);
        process.stdout.write(`${rest[0]}: valid\n`);
        return 0;
      case 'kinds':
        process.stdout.write(JSON.stringify(kindCatalog(), null, 2) + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    process.stderr.write(`spectra: ${(e as Error).message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

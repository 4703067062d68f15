// Benchmark: engine linalg vs numpy/scipy on the same machine in the same run.
//   npx tsx bench/run.ts [workload ...] [--sizes=1000,2000,4000] [--repeat=3] [--docs]
// Without --sizes: kernels at n = 1000, 2000, 4000; ck, ck-f32 and grampa at 1000, 2000; train at 1000.
// Each engine cell runs in a forked Node with --experimental-wasm-relaxed-simd (as engine workers do);
// each numpy cell runs /usr/bin/python3 ../shared/bench/numpy_ref.py with OPENBLAS_CORETYPE and
// OPENBLAS_L2_SIZE removed from its environment. --docs rewrites the table in docs/performance.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKLOADS } from './workloads/index.js';

export type { BenchWorkload } from './BenchWorkload.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const numpyScript = resolve(root, '..', 'shared', 'bench', 'numpy_ref.py');

interface Cell {
  workload: string;
  n: number;
  engine: number | null;
  numpy: number | null;
  engineCheck?: number;
  numpyCheck?: number;
  note?: string;
  /** Share of thread-pool tasks run by helper threads (≈ 50 % with two threads when the pool works). */
  helperShare?: number;
}

/** Kernel sizes when neither --sizes nor the workload's defaultSizes say otherwise. */
const DEFAULT_SIZES = [1000, 2000, 4000];

function parseArgs(argv: string[]): { names: string[]; sizes: number[] | null; repeat: number; docs: boolean } {
  const names: string[] = [];
  let sizes: number[] | null = null;
  let repeat = 3;
  let docs = false;
  for (const a of argv) {
    if (a.startsWith('--sizes=')) sizes = a.slice(8).split(',').map(Number);
    else if (a.startsWith('--repeat=')) repeat = Number(a.slice(9));
    else if (a === '--docs') docs = true;
    else names.push(a);
  }
  return { names, sizes, repeat, docs };
}

function runEngine(name: string, params: Record<string, number | string>, repeat: number): { seconds: number; check: number; info: unknown; helperShare: number } {
  const args = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  const out = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', join(root, 'bench', 'engineChild.ts'), name, ...args, `repeat=${repeat}`], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (out.status !== 0) throw new Error(`engine ${name} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() as string);
}

function runNumpy(workload: string, params: Record<string, number | string>, repeat: number): { seconds: number; check: number; numpy: string; scipy: string } {
  const env = { ...process.env };
  // Some CPUs here have these set for other tools; the reference must use OpenBLAS's own detection.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const args = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  const out = spawnSync('/usr/bin/python3', [numpyScript, workload, ...args, `repeat=${repeat}`], { cwd: root, env, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`numpy ${workload} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() as string);
}

function fmt(x: number | null): string {
  return x === null ? '—' : x < 0.1 ? x.toFixed(4) : x.toFixed(3);
}

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1];
  } catch {
    // not Linux
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return `${model}, nproc = ${nproc}, Node ${process.version}`;
}

function table(cells: Cell[]): string {
  const lines = ['| workload | n | engine s | numpy s | engine / numpy | goal | helper tasks |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const c of cells) {
    const r = c.engine !== null && c.numpy !== null ? c.engine / c.numpy : null;
    const goal = WORKLOADS.find((w) => w.name === c.workload)?.goal;
    const goalCell = goal && goal.n === c.n ? `≤ ${goal.ratio} (issue ${goal.issue})${r === null ? '' : r <= goal.ratio ? ' ✓' : ' ✗'}` : '';
    const helper = c.helperShare === undefined ? '—' : `${(100 * c.helperShare).toFixed(0)} %`;
    lines.push(`| ${c.workload} | ${c.n} | ${fmt(c.engine)} | ${fmt(c.numpy)} | ${r === null ? '—' : `${r.toFixed(2)}×`}${c.note ? ` (${c.note})` : ''} | ${goalCell} | ${helper} |`);
  }
  return lines.join('\n');
}

function main(): void {
  const { names, sizes, repeat, docs } = parseArgs(process.argv.slice(2));
  const selected = names.length ? WORKLOADS.filter((w) => names.includes(w.name)) : WORKLOADS;
  const unknown = names.filter((n) => !WORKLOADS.some((w) => w.name === n));
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const cells: Cell[] = [];
  let info: unknown = null;
  for (const w of selected) {
    for (const n of sizes ?? w.defaultSizes ?? DEFAULT_SIZES) {
      // n = 4000 costs tens of seconds per run on both sides: time it once.
      const rep = n >= 4000 ? 1 : repeat;
      const cell: Cell = { workload: w.name, n, engine: null, numpy: null };
      try {
        const e = runEngine(w.name, w.params(n), rep);
        cell.engine = e.seconds;
        cell.engineCheck = e.check;
        info = e.info;
        cell.helperShare = e.helperShare;
      } catch (err) {
        cell.note = String(err).slice(0, 200);
      }
      if (existsSync(numpyScript)) {
        try {
          const ref = w.numpy(n);
          const r = runNumpy(ref.workload, ref.args, rep);
          cell.numpy = r.seconds;
          cell.numpyCheck = r.check;
        } catch (err) {
          cell.note = String(err).slice(0, 200);
        }
      }
      cells.push(cell);
      console.log(`${w.name.padEnd(10)} n=${String(n).padEnd(5)} engine ${fmt(cell.engine).padStart(8)} s   numpy ${fmt(cell.numpy).padStart(8)} s   ratio ${cell.engine && cell.numpy ? (cell.engine / cell.numpy).toFixed(2) : '—'}   check ${cell.engineCheck?.toPrecision(6)} / ${cell.numpyCheck?.toPrecision(6)}   helper-thread tasks ${cell.helperShare === undefined ? '—' : `${(100 * cell.helperShare).toFixed(0)} %`}`);
    }
  }
  const md = table(cells);
  console.log(`\n${md}\n\nmachine: ${machine()}\nlinalg: ${JSON.stringify(info)}`);
  if (docs) {
    const path = join(root, 'docs', 'performance.md');
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const block = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}; linalg ${JSON.stringify(info)}; repeat = ${repeat} (median), n = 4000 once.\n\n${md}\n<!-- bench:end -->`;
    const next = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/.test(text) ? text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block) : `${text}\n${block}\n`;
    writeFileSync(path, next);
  }
}

main();

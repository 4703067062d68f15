// Compiles the AssemblyScript linalg kernels (engine/linalg/assembly) into two WASM variants in
// engine/linalg/build/ (gitignored, never committed):
//   linalg.simd.wasm     128-bit SIMD, shared memory + threads         (runs on any Node ≥ 20)
//   linalg.relaxed.wasm  the same plus relaxed SIMD (fused multiply-add) (Node 20 needs --experimental-wasm-relaxed-simd)
// engine/linalg/wasm/loadWasmModule.ts picks the best one the runtime validates.
// Usage: `node scripts/buildWasm.mjs` or `import { buildWasm } from './buildWasm.mjs'; await buildWasm()`.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'engine', 'linalg', 'assembly');
const outDir = join(root, 'engine', 'linalg', 'build');

// Shared memory must declare a maximum; 32768 pages = 2 GiB bounds what linalg may ever commit
// (the TypeScript arena enforces the same limit with a clear message).
const MAX_PAGES = 32768;

const common = [
  join(sourceDir, 'index.ts'),
  '-O3', '--noAssert',
  '--runtime', 'stub', // kernels allocate nothing: memory is managed by the TypeScript arena
  '--use', 'abort=', // no abort import: nothing to report from inside a kernel
  '--enable', 'simd',
  '--enable', 'threads', '--sharedMemory', '--importMemory',
  '--initialMemory', '16', '--maximumMemory', String(MAX_PAGES),
];

const variants = [
  { file: 'linalg.simd.wasm', extra: [] },
  { file: 'linalg.relaxed.wasm', extra: ['--enable', 'relaxed-simd'] },
];

async function newestSourceMtime() {
  let newest = 0;
  for (const f of await readdir(sourceDir)) newest = Math.max(newest, (await stat(join(sourceDir, f))).mtimeMs);
  return newest;
}

/** Builds both variants; skips a variant whose output is newer than every source unless `force`. */
export async function buildWasm({ force = false, quiet = false } = {}) {
  const { default: asc } = await import('assemblyscript/asc');
  await mkdir(outDir, { recursive: true });
  const srcTime = await newestSourceMtime();
  for (const v of variants) {
    const out = join(outDir, v.file);
    if (!force) {
      try {
        if ((await stat(out)).mtimeMs > srcTime) continue;
      } catch {
        // not built yet
      }
    }
    let errors = '';
    const { error } = await asc.main([...common, ...v.extra, '-o', out], {
      stdout: { write: (s) => (quiet ? true : process.stdout.write(s)) },
      stderr: { write: (s) => ((errors += s), true) },
    });
    if (error) throw new Error(`buildWasm: asc failed for ${v.file}: ${error.message}\n${errors}`);
    if (!quiet) console.log(`buildWasm: wrote ${out}`);
  }
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWasm({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

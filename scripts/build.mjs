#!/usr/bin/env node
/**
 * Builds everything the app runs: the WASM kernels (asc), the Node side (esbuild bundles for the
 * Electron main process, web mode, the engine worker and the CLI) and, unless --node is given, the
 * renderer (vite). `npm install` runs it with --node so that `npx spectra` works right away.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, cpSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node');
const t0 = Date.now();

// 1. WASM kernels (engine/linalg/assembly → engine/linalg/build).
const wasmScript = resolve(root, 'scripts/buildWasm.mjs');
if (existsSync(wasmScript)) {
  const { buildWasm } = await import(pathToFileURL(wasmScript).href);
  await buildWasm();
}

// 2. Node-side bundles. Dependencies stay external (better-sqlite3 is native; the others are plain
// packages shipped in node_modules). Each bundle finds migrations/ and the worker relative to itself.
mkdirSync(resolve(root, 'dist'), { recursive: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron'],
};
await build({
  ...common,
  format: 'esm',
  outdir: 'dist',
  outbase: '.',
  entryPoints: ['electron/web-main.ts', 'electron/main.ts', 'engine/worker.ts', 'engine/cli.ts', ...linalgThreadEntries()],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// Sandboxed preloads must be CommonJS.
await build({ ...common, format: 'cjs', outfile: 'dist/electron/preload.cjs', entryPoints: ['electron/preload.ts'] });

// The engine bundle (dist/engine/worker.js, cli.js) looks for its kernels in dist/engine/build.
const wasmDir = resolve(root, 'engine/linalg/build');
if (existsSync(wasmDir)) cpSync(wasmDir, resolve(root, 'dist/engine/build'), { recursive: true });

// 3. Renderer.
if (!nodeOnly) {
  const vite = spawnSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
console.log(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s${nodeOnly ? ' (node side only)' : ''}`);

/** Thread entry files of the linalg pool, if the kernels use worker_threads (they must be bundled too). */
function linalgThreadEntries() {
  const candidates = ['engine/linalg/wasm/threadWorker.ts', 'engine/linalg/threadWorker.ts'];
  return candidates.filter((c) => existsSync(resolve(root, c)));
}

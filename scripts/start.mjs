#!/usr/bin/env node
/**
 * `npm start`: the desktop window where the Electron runtime is installed, otherwise web mode
 * (same UI, same store, same workers, in a browser) with its URL printed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electron = null;
try {
  const path = createRequire(import.meta.url)('electron');
  if (typeof path === 'string' && existsSync(path)) electron = path;
} catch {
  // electron's package throws when its binary was not downloaded
}
const args = process.argv.slice(2);
const r = electron
  ? spawnSync(electron, [resolve(root, 'dist/electron/main.js'), ...args], { stdio: 'inherit' })
  : (console.log('Electron runtime not installed: starting web mode.'),
    spawnSync(process.execPath, [resolve(root, 'dist/electron/web-main.js'), ...args], { stdio: 'inherit' }));
process.exit(r.status ?? 0);

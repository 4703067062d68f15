/**
 * `npm run web` / `npm start` without Electron: starts the workbench in web mode and prints its URL.
 * Flags: --data DIR (or SPECTRA_DATA), --port N (0 = any free port), --workers N.
 */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './workbench.js';
import { startWebServer } from './web.js';
import { parseLaunchArgs } from './parseLaunchArgs.js';
import { openWorkbenchOrExplain } from './openWorkbenchOrExplain.js';

async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = [resolve(here, '../renderer'), resolve(here, '../dist/renderer')].find((d) => existsSync(resolve(d, 'index.html')));
  if (!staticDir) throw new Error('The renderer is not built: run `npm run build` first.');
  const workbench = openWorkbenchOrExplain({ dataDir: args.dataDir ?? defaultDataDir(), mode: 'web', poolSize: args.workers }, args.restoreBackup);
  const server = await startWebServer({ workbench, staticDir, port: args.port ?? 0 });
  console.log(`Spectra Workbench (web mode) at ${server.url}`);
  console.log(`Data folder: ${workbench.dataDir}`);
  const stop = async () => {
    await server.close();
    await workbench.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`Spectra Workbench could not start: ${e.message}`);
  process.exit(1);
});

/**
 * The e2e fixture: each test gets its own data folder and its own workbench, driven through the real
 * UI. Target: the desktop app through Playwright's `_electron.launch` where the Electron runtime is
 * installed (SPECTRA_E2E_TARGET=electron), otherwise web mode in Debian's Chromium (as in CI here).
 * Same specs for both: they only see `app.page`, `app.restart()` and `app.dataDir`.
 */
import { test as base, expect, _electron, type Page, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const ARTIFACTS = join(root, 'e2e', 'artifacts');

export interface WorkbenchApp {
  page: Page;
  dataDir: string;
  /** Web mode: the URL with its token. */
  url: string;
  /** Stops the server (SIGTERM, or SIGKILL with hard = true) and starts it again on the same data folder. */
  restart(opts?: { hard?: boolean }): Promise<void>;
  /** Saves a screenshot to e2e/artifacts/<name>.png. */
  shot(name: string): Promise<void>;
}

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const TARGET: 'electron' | 'web' = process.env.SPECTRA_E2E_TARGET === 'electron' && electronBinary() ? 'electron' : 'web';

async function startWebServer(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(root, 'dist/electron/web-main.js'), '--data', dataDir, '--port', '0', '--workers', '1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`web server did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => fail(new Error(`web server exited with ${code}:\n${log}`)));
  });
  return { proc, url };
}

async function stopProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((ok) => {
    proc.once('exit', () => ok());
    proc.kill(signal);
  });
}

export const test = base.extend<{ app: WorkbenchApp }>({
  app: async ({ browser }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    let app: WorkbenchApp;
    let cleanup: () => Promise<void>;
    if (TARGET === 'electron') {
      let electronApp = await _electron.launch({ args: [join(root, 'dist/electron/main.js'), '--data', dataDir] });
      const holder = { page: await electronApp.firstWindow() };
      app = {
        get page() {
          return holder.page;
        },
        dataDir,
        url: '',
        async restart() {
          await electronApp.close();
          electronApp = await _electron.launch({ args: [join(root, 'dist/electron/main.js'), '--data', dataDir] });
          holder.page = await electronApp.firstWindow();
        },
        shot: (name) => holder.page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }).then(() => {}),
      };
      cleanup = () => electronApp.close();
    } else {
      let server = await startWebServer(dataDir);
      const context = await (browser as Browser).newContext();
      const holder = { page: await context.newPage(), url: server.url };
      holder.page.on('console', (m) => {
        // A refused WebSocket is expected while a test restarts the server; anything else is reported.
        if (m.type() === 'error' && !/WebSocket connection .*ERR_CONNECTION_REFUSED/.test(m.text())) console.log(`[browser] ${m.text()}`);
      });
      await holder.page.goto(server.url);
      app = {
        get page() {
          return holder.page;
        },
        get url() {
          return holder.url;
        },
        dataDir,
        async restart(opts) {
          await stopProcess(server.proc, opts?.hard ? 'SIGKILL' : 'SIGTERM');
          server = await startWebServer(dataDir);
          holder.url = server.url;
          // A new launch has a new token: open the new URL, as a user would.
          await holder.page.goto(server.url);
        },
        shot: (name) => holder.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }).then(() => {}),
      };
      cleanup = async () => {
        await context.close();
        await stopProcess(server.proc, 'SIGTERM');
      };
    }
    await use(app);
    await cleanup();
    if (testInfo.status === testInfo.expectedStatus) rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

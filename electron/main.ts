/**
 * Electron entry: one window, a native menu, and the API served over IPC. Thin by design — the
 * services come from workbench.ts, shared with web mode; only the transport and the window live here.
 * Hardening per Electron's security checklist: context isolation, sandbox, no node integration,
 * navigation and new windows blocked, every IPC call checked for its sender frame.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, utilityProcess, type IpcMainInvokeEvent } from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type MenuAction, WORKBENCH_METHODS, type WorkbenchMethod } from './api.js';
import { defaultWorkerEntry, type Workbench, type WorkbenchOptions } from './workbench.js';
import { openWorkbenchOrExplain } from './openWorkbenchOrExplain.js';
import { loadWindowState, saveWindowState } from './windowState.js';
import { toErrorPayload } from './store/errors.js';
import { parseLaunchArgs } from './parseLaunchArgs.js';
import type { WorkerFactory } from './jobs/WorkerHandle.js';
import type { FromWorker } from '../engine/protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = resolve(here, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

/** Engine workers as Electron utility processes (same protocol as child_process workers). */
const utilityWorkerFactory: WorkerFactory = () => {
  const child = utilityProcess.fork(defaultWorkerEntry(), [], {
    serviceName: 'Spectra engine worker',
    execArgv: ['--max-old-space-size=4096'],
    stdio: 'inherit',
  });
  const exitListeners: ((reason: string) => void)[] = [];
  child.on('exit', (code) => exitListeners.forEach((l) => l(`engine worker exited with code ${code}`)));
  return {
    get pid() {
      return child.pid;
    },
    send: (m) => child.postMessage(m),
    kill: () => void child.kill(),
    onMessage: (l) => child.on('message', (m) => l(m as FromWorker)),
    onExit: (l) => exitListeners.push(l),
  };
};

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    title: 'Spectra Workbench',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Middle-click opens links in new windows; nothing here needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(rendererUrl)) e.preventDefault();
  });
  if (state.maximized) win.maximize();
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(app.getPath('userData'), { ...b, maximized: win.isMaximized() });
  });
  void win.loadFile(rendererIndex);
  return win;
}

function serveApi(workbench: Workbench, windowRef: () => BrowserWindow | null): void {
  const handlers = workbench.handlers as unknown as Record<WorkbenchMethod, (...a: unknown[]) => Promise<unknown>>;
  const trusted = (e: IpcMainInvokeEvent) => e.senderFrame?.url.startsWith(rendererUrl) ?? false;
  for (const method of WORKBENCH_METHODS) {
    ipcMain.handle(`wb:${method}`, async (e, ...args: unknown[]) => {
      if (!trusted(e)) return { ok: false, error: { name: 'Error', message: 'Refused: IPC from an untrusted frame' } };
      try {
        return { ok: true, value: await handlers[method](...args) };
      } catch (err) {
        return { ok: false, error: toErrorPayload(err) };
      }
    });
  }
  workbench.events.on('runProgress', (p) => windowRef()?.webContents.send('wb:event', 'runProgress', p));
  workbench.events.on('runChange', (r) => windowRef()?.webContents.send('wb:event', 'runChange', r));
}

async function main(): Promise<void> {
  await app.whenReady();
  // The workbench needs no camera, microphone, notifications or geolocation: refuse every request.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const args = parseLaunchArgs(process.argv.slice(1));
  const options: WorkbenchOptions = {
    dataDir: args.dataDir ?? join(app.getPath('userData'), 'data'),
    mode: 'electron',
    poolSize: args.workers,
    workerFactory: utilityWorkerFactory,
  };
  let workbench: Workbench;
  try {
    workbench = openWorkbenchOrExplain(options, args.restoreBackup);
  } catch (e) {
    // Never a crash, never a silent overwrite: explain, and offer the newest backup.
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Spectra Workbench cannot open its database',
      message: (e as Error).message,
      buttons: ['Restore the newest backup', 'Quit'],
      defaultId: 1,
    });
    if (choice !== 0) return app.quit();
    workbench = openWorkbenchOrExplain(options, 'latest');
  }
  let win: BrowserWindow | null = createWindow();
  win.on('closed', () => (win = null));
  serveApi(workbench, () => win);
  const navigate = (hash: string) => win?.webContents.send('wb:event', 'requestNavigate', { hash });
  const menuAction = (action: MenuAction) => win?.webContents.send('wb:event', 'requestMenuAction', action);
  const importProject = async () => {
    if (!win) return;
    const picked = await dialog.showOpenDialog(win, { title: 'Import project', properties: ['openFile'], filters: [{ name: 'Spectra project', extensions: ['json'] }] });
    const path = picked.filePaths[0];
    if (picked.canceled || !path) return;
    try {
      // The page validates through importProject like any other input and reports the outcome.
      menuAction({ action: 'importProject', fileName: basename(path), text: await readFile(path, 'utf8') });
    } catch (e) {
      void dialog.showMessageBox(win, { type: 'error', message: `Cannot read ${path}: ${(e as Error).message}` });
    }
  };
  const buildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        {
          label: 'File',
          submenu: [
            { label: 'New project', accelerator: 'CmdOrCtrl+Shift+P', click: () => navigate('#/') },
            {
              label: 'Recent projects',
              submenu: workbench.store.projects.list().slice(0, 8).map((p) => ({ label: p.name, click: () => navigate(`#/project/${p.id}`) })),
            },
            { type: 'separator' },
            // The page runs these (it knows the open project and shows the outcome); Electron's own file
            // chooser and download prompt do the file handling.
            { label: 'Import project…', accelerator: 'CmdOrCtrl+O', click: () => void importProject() },
            { label: 'Export project…', accelerator: 'CmdOrCtrl+Shift+E', click: () => menuAction({ action: 'exportProject' }) },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
        { role: 'editMenu' },
        { role: 'viewMenu' },
        { role: 'windowMenu' },
        { role: 'help', submenu: [{ label: 'Data folder', click: () => void shell.openPath(workbench.dataDir) }] },
      ]),
    );
  buildMenu();
  // Keep "Recent projects" current as projects are created and runs finish.
  workbench.events.on('runChange', () => buildMenu());
  app.on('window-all-closed', async () => {
    await workbench.close();
    app.quit();
  });
}

void main();

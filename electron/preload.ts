/**
 * Exposes `window.workbench` — the contract of api.ts and nothing else. Every call goes to a `wb:`
 * channel; errors come back as payloads and are rethrown here with their name and field issues.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MenuAction, RunProgressEvent, RunSummary, WorkbenchApi, WorkbenchErrorPayload } from './api.js';

type Reply = { ok: true; value: unknown } | { ok: false; error: WorkbenchErrorPayload };

function call<T>(method: string, ...args: unknown[]): Promise<T> {
  if (!/^[a-zA-Z]+$/.test(method)) return Promise.reject(new Error(`Refused channel ${method}`));
  return (ipcRenderer.invoke(`wb:${method}`, ...args) as Promise<Reply>).then((r) => {
    if (r.ok) return r.value as T;
    // A plain object, not an Error: contextBridge keeps only the message of Error objects, and the
    // renderer needs `name` and the field `issues` (WorkbenchError.from rebuilds the error).
    throw { name: r.error.name, message: r.error.message, issues: r.error.issues ?? [] };
  });
}

function on<T>(event: string, listener: (payload: T) => void): () => void {
  const handler = (_e: unknown, name: string, payload: T) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on('wb:event', handler);
  return () => ipcRenderer.removeListener('wb:event', handler);
}

const workbench = {
  serverInfo: () => call('serverInfo'),
  listKinds: () => call('listKinds'),
  validateParams: (kind, params) => call('validateParams', kind, params),
  listProjects: () => call('listProjects'),
  createProject: (name) => call('createProject', name),
  renameProject: (id, name) => call('renameProject', id, name),
  deleteProject: (id) => call('deleteProject', id),
  getProject: (id) => call('getProject', id),
  getExperiment: (id) => call('getExperiment', id),
  createExperiment: (input) => call('createExperiment', input),
  updateExperiment: (id, patch) => call('updateExperiment', id, patch),
  deleteExperiment: (id) => call('deleteExperiment', id),
  startRun: (experimentId, options) => call('startRun', experimentId, options),
  cancelRun: (runId) => call('cancelRun', runId),
  getRun: (runId) => call('getRun', runId),
  deleteRun: (runId) => call('deleteRun', runId),
  startSweep: (experimentId, options) => call('startSweep', experimentId, options),
  getSweep: (sweepId) => call('getSweep', sweepId),
  cancelSweep: (sweepId) => call('cancelSweep', sweepId),
  listBackups: () => call('listBackups'),
  backupNow: () => call('backupNow'),
  restoreBackup: (name) => call('restoreBackup', name),
  searchRuns: (request) => call('searchRuns', request),
  listTags: (projectId) => call('listTags', projectId),
  setRunTags: (runId, tags) => call('setRunTags', runId, tags),
  setRunNote: (runId, note) => call('setRunNote', runId, note),
  rerun: (runId, options) => call('rerun', runId, options),
  deleteRuns: (runIds) => call('deleteRuns', runIds),
  duplicateExperiment: (id) => call('duplicateExperiment', id),
  saveFigure: (input) => call('saveFigure', input),
  listFigures: (projectId) => call('listFigures', projectId),
  getFigure: (id) => call('getFigure', id),
  deleteFigure: (id) => call('deleteFigure', id),
  exportProject: (id) => call('exportProject', id),
  importProject: (text) => call('importProject', text),
  onDidRunProgress: (listener) => on<RunProgressEvent>('runProgress', listener),
  onDidRunChange: (listener) => on<RunSummary>('runChange', listener),
  onDidRequestNavigate: (listener) => on<{ hash: string }>('requestNavigate', listener),
  onDidRequestMenuAction: (listener) => on<MenuAction>('requestMenuAction', listener),
} satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('workbench', workbench);

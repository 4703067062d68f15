import type { RunProgressEvent, RunSummary } from '../../../electron/api';

/** A run list after a change event: the run replaced in place, or added on top (newest first). */
export function upsertRun(runs: RunSummary[], run: RunSummary): RunSummary[] {
  const i = runs.findIndex((r) => r.id === run.id);
  if (i < 0) return [run, ...runs];
  const next = runs.slice();
  // Keep progress from a progress event that overtook an older change event.
  next[i] = run.status === 'running' && runs[i].progress > run.progress ? { ...run, progress: runs[i].progress, stage: runs[i].stage } : run;
  return next;
}

/** A run list after a progress event; untouched (same array) when the run is not in it. */
export function applyProgress(runs: RunSummary[], event: RunProgressEvent): RunSummary[] {
  const i = runs.findIndex((r) => r.id === event.runId);
  if (i < 0) return runs;
  const next = runs.slice();
  const status = next[i].status === 'queued' ? 'running' : next[i].status;
  next[i] = { ...next[i], status, progress: event.progress, stage: event.stage };
  return next;
}

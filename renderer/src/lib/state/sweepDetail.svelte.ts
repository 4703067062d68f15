import type { Id, RunStatus, RunSummary, SweepDetail } from '../../../../electron/api';
import { api } from '../api';
import { applyProgress } from '../upsertRun';
import { WorkbenchError } from '../WorkbenchError';

// FINAL_STATUSES of the contract (the renderer may only import types from electron/).
const FINAL: readonly RunStatus[] = ['done', 'failed', 'cancelled', 'interrupted'];

/**
 * One sweep, kept live: its runs follow change and progress events at once, and the aggregated series
 * are refetched with getSweep — at most once per `minIntervalMs` however many runs finish, because a
 * sweep of hundreds of quick runs would otherwise fire hundreds of aggregations a second.
 */
export class SweepDetailState {
  detail = $state.raw<SweepDetail | null>(null);
  /** The sweep's runs, ordered by value then repeat, with live status and progress. */
  runs = $state.raw<RunSummary[]>([]);
  error = $state<string | null>(null);

  private lastStart = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  private disposed = false;

  constructor(
    readonly id: Id,
    private readonly minIntervalMs = 500,
  ) {}

  /** Subscribes to run events and fetches; returns the teardown (for an `$effect`). */
  connect(): () => void {
    this.disposed = false;
    const offChange = api.onDidRunChange((run) => {
      if (run.sweepId !== this.id) return;
      const i = this.runs.findIndex((r) => r.id === run.id);
      if (i >= 0) {
        const next = this.runs.slice();
        next[i] = run;
        this.runs = next;
      }
      this.refresh();
    });
    const offProgress = api.onDidRunProgress((event) => {
      const next = applyProgress(this.runs, event);
      if (next !== this.runs) this.runs = next;
    });
    this.refresh();
    return () => {
      this.disposed = true;
      clearTimeout(this.timer);
      this.timer = undefined;
      offChange();
      offProgress();
    };
  }

  /** Asks for a fresh getSweep; calls closer together than the interval are merged into one. */
  refresh(): void {
    if (this.disposed || this.timer !== undefined) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const wait = Math.max(0, this.lastStart + this.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch();
    }, wait);
  }

  private async fetch(): Promise<void> {
    this.inFlight = true;
    this.lastStart = Date.now();
    try {
      const d = await api.getSweep(this.id);
      if (this.disposed) return;
      this.detail = d;
      this.runs = this.merge(d.runs);
      this.error = null;
    } catch (error) {
      if (!this.disposed) this.error = WorkbenchError.from(error).message;
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    }
  }

  /** A fetch that started before an event arrived must not take a finished run back to running. */
  private merge(fetched: RunSummary[]): RunSummary[] {
    const local = new Map(this.runs.map((r) => [r.id, r]));
    return fetched.map((r) => {
      const mine = local.get(r.id);
      if (mine && FINAL.includes(mine.status) && !FINAL.includes(r.status)) return mine;
      if (mine && r.status === 'running' && mine.status === 'running' && mine.progress > r.progress) return { ...r, progress: mine.progress, stage: mine.stage };
      return r;
    });
  }
}

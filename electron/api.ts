/**
 * The contract between the renderer and the main process (types only).
 *
 * Shape after VS Code's `platform/native/common/native.ts`: Promise-returning verbs and `onDid…`
 * events. Electron serves it over IPC (preload + contextBridge, channels `wb:<method>`), web mode over
 * a WebSocket on 127.0.0.1 (see electron/web.ts). Both transports carry Float64Arrays intact.
 */

export type Id = number;

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'];
/** Statuses after which a run never changes again. */
export const FINAL_STATUSES: readonly RunStatus[] = ['done', 'failed', 'cancelled', 'interrupted'];

/** A computation kind as the renderer sees it: its form is generated from `paramsSchema` (JSON Schema). */
export interface KindInfo {
  kind: string;
  title: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the parameters, produced from the kind's zod schema. */
  paramsSchema: JsonSchema;
  /** A complete, valid parameter set (every default filled in). */
  defaults: Record<string, unknown>;
}

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  [extra: string]: unknown;
};

export interface Project {
  id: Id;
  name: string;
  createdAt: string;
  updatedAt: string;
  experimentCount: number;
  runCount: number;
}

export interface Experiment {
  id: Id;
  projectId: Id;
  kind: string;
  name: string;
  params: Record<string, unknown>;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface RunSummary {
  id: Id;
  experimentId: Id;
  projectId: Id;
  kind: string;
  /** Name of the experiment when the run was made. */
  experimentName: string;
  status: RunStatus;
  seed: number;
  engineVersion: string;
  /** Snapshot of the parameters the run used (validated, defaults filled). */
  params: Record<string, unknown>;
  /** Key parameters in one line, e.g. "n=1000 d=2000 gaussian". */
  summary: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: number;
  stage: string;
  error: string | null;
  tags: string[];
  note: string;
  /** Set when the run is one point of a sweep. */
  sweepId: Id | null;
  sweepValue: number | null;
  sweepRepeat: number | null;
}

/** One experiment run over several values of one parameter, each value `repeats` times. */
export interface SweepSummary {
  id: Id;
  experimentId: Id;
  projectId: Id;
  kind: string;
  experimentName: string;
  /** Dotted path of the swept parameter ("model.theta.0"). */
  param: string;
  values: number[];
  repeats: number;
  baseSeed: number;
  createdAt: string;
  /** Number of runs in each status. */
  counts: Partial<Record<RunStatus, number>>;
  total: number;
}

/** Aggregated sweep: for each series, mean ± standard error over repeats at each swept value. */
export interface SweepSeries {
  series: string;
  role: 'simulation' | 'theory';
  x: number[];
  mean: number[];
  stderr: number[];
  /** Finished repeats behind each point. */
  count: number[];
}

export interface SweepDetail extends SweepSummary {
  runs: RunSummary[];
  series: SweepSeries[];
}

export interface StartSweepOptions {
  param: string;
  values: number[];
  repeats?: number;
  seed?: number;
}

/**
 * A run's result: the kind's plain data with every Float64Array intact. Arrays are stored as blobs
 * in run_arrays and reassembled here.
 */
export type RunResult = { [key: string]: ResultValue };
export type ResultValue =
  | null
  | boolean
  | number
  | string
  | Float64Array
  | ResultValue[]
  | { [key: string]: ResultValue };

export interface RunDetail extends RunSummary {
  result: RunResult | null;
}

export interface ProjectDetail {
  project: Project;
  experiments: Experiment[];
  runs: RunSummary[];
  sweeps: SweepSummary[];
}

/** One problem with one input field: `path` is the dotted field path ("widths.1", "model.theta"). */
export interface FieldIssue {
  path: string;
  message: string;
}

export type ValidationOutcome =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; issues: FieldIssue[] };

export interface RunProgressEvent {
  runId: Id;
  progress: number;
  stage: string;
}

export interface ServerInfo {
  engineVersion: string;
  dataDir: string;
  mode: 'electron' | 'web';
  workers: number;
}

export interface NewExperiment {
  projectId: Id;
  kind: string;
  name: string;
  params: Record<string, unknown>;
}

export interface ExperimentPatch {
  name?: string;
  params?: Record<string, unknown>;
  note?: string;
}

export interface StartRunOptions {
  /** Omit for a fresh random seed; give one to reproduce a run bit for bit. */
  seed?: number;
}

/**
 * Errors cross the transport as `{ name, message, issues? }` and are rethrown as `WorkbenchError`
 * in the renderer. `ValidationError` carries field issues; nothing was written when it is thrown.
 */
export interface WorkbenchErrorPayload {
  name: 'ValidationError' | 'NotFoundError' | 'ConflictError' | 'Error';
  message: string;
  issues?: FieldIssue[];
}

export type Unsubscribe = () => void;

/** A rolling copy of the database in <data>/backups (before migrations, daily, or on request). */
export interface BackupInfo {
  name: string;
  /** Empty over the API (the renderer has no file access). */
  path: string;
  bytes: number;
  createdAt: string;
  /** daily | manual | before-migration-N | before-restore */
  reason: string;
}

/** Keys the run history can be sorted by. */
export type RunSortKey = 'id' | 'created' | 'finished' | 'kind' | 'status' | 'experiment' | 'seed' | 'duration';

/**
 * One page of the run history. `query` is the history query language (electron/history/parseRunQuery.ts):
 * `activation = tanh and n >= 2000`, `tag = paper or status = failed`, `created >= 2024-05-01`, free words.
 */
export interface RunSearchRequest {
  /** Omit to search every project. */
  projectId?: Id;
  query?: string;
  sort?: RunSortKey;
  descending?: boolean;
  offset?: number;
  /** At most 1000; default 200. */
  limit?: number;
}

export interface RunSearchPage {
  runs: RunSummary[];
  /** Rows matching the query in total (not only this page). */
  total: number;
  offset: number;
}

export interface DeleteRunsOutcome {
  deleted: number;
  /** Bytes the database file shrank by after reclaiming free pages. */
  reclaimedBytes: number;
}

/** Publication figure sizes (widths in inches): one journal column, two columns, a 16:9 slide. */
export type FigureSize = 'single' | 'double' | 'slide';
/** Colour schemes: the seeds' convention (simulation blue, theory red), or Okabe–Ito (colour-blind safe) for overlays. */
export type FigurePalette = 'seeds' | 'okabe-ito';

export interface FigurePanelSpec {
  /** Runs drawn in the panel (one: histogram against theory; several: overlay of their spectra). */
  runIds: Id[];
  /** Which spectrum of each run (index into the kind's list: CK layers, NTK, …). */
  spectrum: number;
  title: string;
  xLabel: string;
  yLabel: string;
  logY: boolean;
  showTheory: boolean;
}

export interface FigureSpec {
  version: 1;
  rows: number;
  cols: number;
  size: FigureSize;
  /** Base font size in points. */
  fontSize: number;
  palette: FigurePalette;
  panelLetters: boolean;
  legend: boolean;
  panels: FigurePanelSpec[];
}

export interface Figure {
  id: Id;
  projectId: Id;
  name: string;
  spec: FigureSpec;
  createdAt: string;
  updatedAt: string;
}

export interface FigureInput {
  /** Omit to create a new figure; give to overwrite that one. */
  id?: Id;
  projectId: Id;
  name: string;
  spec: FigureSpec;
}

export interface WorkbenchApi {
  serverInfo(): Promise<ServerInfo>;
  listKinds(): Promise<KindInfo[]>;
  validateParams(kind: string, params: Record<string, unknown>): Promise<ValidationOutcome>;

  listProjects(): Promise<Project[]>;
  createProject(name: string): Promise<Project>;
  renameProject(id: Id, name: string): Promise<Project>;
  deleteProject(id: Id): Promise<void>;
  getProject(id: Id): Promise<ProjectDetail>;

  getExperiment(id: Id): Promise<Experiment>;
  createExperiment(input: NewExperiment): Promise<Experiment>;
  updateExperiment(id: Id, patch: ExperimentPatch): Promise<Experiment>;
  deleteExperiment(id: Id): Promise<void>;

  startRun(experimentId: Id, options?: StartRunOptions): Promise<RunSummary>;
  cancelRun(runId: Id): Promise<RunSummary>;
  getRun(runId: Id): Promise<RunDetail>;
  deleteRun(runId: Id): Promise<void>;

  /** Queues one run per value × repeat; every parameter set is validated first and nothing is queued if any fails. */
  startSweep(experimentId: Id, options: StartSweepOptions): Promise<SweepSummary>;
  getSweep(sweepId: Id): Promise<SweepDetail>;
  /** Cancels every queued or running run of the sweep. */
  cancelSweep(sweepId: Id): Promise<SweepSummary>;

  listBackups(): Promise<BackupInfo[]>;
  backupNow(): Promise<BackupInfo>;
  /** Replaces the database with a backup (the current one is kept as a backup first); running runs are interrupted. */
  restoreBackup(name: string): Promise<BackupInfo>;

  /** Run history with the query language, sorting and paging (all projects when projectId is omitted). */
  searchRuns(request: RunSearchRequest): Promise<RunSearchPage>;
  /** Distinct tags in use (in one project, or everywhere). */
  listTags(projectId?: Id): Promise<string[]>;
  /** Replaces the run's tags (trimmed, deduplicated, 1–64 characters each). */
  setRunTags(runId: Id, tags: string[]): Promise<RunSummary>;
  setRunNote(runId: Id, note: string): Promise<RunSummary>;
  /** A new run of the same parameter snapshot: the same seed reproduces it bit for bit; omit seed for a fresh one. */
  rerun(runId: Id, options?: StartRunOptions): Promise<RunSummary>;
  /** Deletes several runs in one transaction, then reclaims the space on disk. */
  deleteRuns(runIds: Id[]): Promise<DeleteRunsOutcome>;
  /** A copy of the experiment (name suffixed "(copy)"), without its runs. */
  duplicateExperiment(id: Id): Promise<Experiment>;

  saveFigure(input: FigureInput): Promise<Figure>;
  listFigures(projectId: Id): Promise<Figure[]>;
  getFigure(id: Id): Promise<Figure>;
  deleteFigure(id: Id): Promise<void>;

  /** The whole project as one versioned JSON document (arrays as base64 of their little-endian bytes). */
  exportProject(id: Id): Promise<string>;
  /** Imports an exported project as a new project; the file is validated first and nothing is written if it is refused. */
  importProject(text: string): Promise<Project>;

  onDidRunProgress(listener: (event: RunProgressEvent) => void): Unsubscribe;
  /** Any status change (queued → running → done/failed/cancelled/interrupted). */
  onDidRunChange(listener: (run: RunSummary) => void): Unsubscribe;
  /** The desktop menu asks the page to show a route (File → Recent projects); web mode never sends it. */
  onDidRequestNavigate(listener: (event: { hash: string }) => void): Unsubscribe;
  /** The desktop menu asks the page to run File → Import/Export project (the page owns the current project and its messages). */
  onDidRequestMenuAction(listener: (event: MenuAction) => void): Unsubscribe;
}

/**
 * Native-menu commands the page carries out. Import carries the file's text: the main process shows the
 * file chooser, since a page may only open one on a user gesture and a menu click is not one.
 */
export type MenuAction = { action: 'exportProject' } | { action: 'importProject'; fileName: string; text: string };

/** Methods of the contract that are request/response calls (everything except `onDid…`). */
export type WorkbenchMethod = Exclude<keyof WorkbenchApi, `onDid${string}`>;
export const WORKBENCH_METHODS = [
  'serverInfo',
  'listKinds',
  'validateParams',
  'listProjects',
  'createProject',
  'renameProject',
  'deleteProject',
  'getProject',
  'getExperiment',
  'createExperiment',
  'updateExperiment',
  'deleteExperiment',
  'startRun',
  'cancelRun',
  'getRun',
  'deleteRun',
  'startSweep',
  'getSweep',
  'cancelSweep',
  'listBackups',
  'backupNow',
  'restoreBackup',
  'searchRuns',
  'listTags',
  'setRunTags',
  'setRunNote',
  'rerun',
  'deleteRuns',
  'duplicateExperiment',
  'saveFigure',
  'listFigures',
  'getFigure',
  'deleteFigure',
  'exportProject',
  'importProject',
] as const satisfies readonly WorkbenchMethod[];

/** Compile-time check that WORKBENCH_METHODS lists every method. */
type MissingMethods = Exclude<WorkbenchMethod, (typeof WORKBENCH_METHODS)[number]>;
const _everyMethodListed: MissingMethods extends never ? true : false = true;
void _everyMethodListed;

export type WorkbenchEvent = 'runProgress' | 'runChange' | 'requestNavigate' | 'requestMenuAction';
export interface WorkbenchEventPayloads {
  runProgress: RunProgressEvent;
  runChange: RunSummary;
  requestNavigate: { hash: string };
  requestMenuAction: MenuAction;
}

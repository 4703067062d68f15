/**
 * The three ways a data matrix reaches ck-ntk — inline (`matrix`), the text of a .csv file (`csv`) or the
 * bytes of a .npy file as base64 (`npy`) — turned into one ImportedMatrix for the engine/nn pipeline.
 * File problems come back as issues on the field that holds the file ("text" / "base64"), so the form shows
 * them under the file picker; the shape, NaN and orientation checks are matrixIssues', re-pointed the same way.
 */
import { decodeBase64, base64DecodedLength } from '../../nn/base64.js';
import { matrixIssues, type ImportedMatrix, type MatrixIssue, type MatrixOrientation } from '../../nn/importedMatrix.js';
import { parseCsv } from '../../nn/parseCsv.js';
import { parseNpy } from '../../nn/parseNpy.js';
import { formatBytes } from '../ComputationModule.js';

/**
 * Largest file the form can carry: the file travels inside the parameters (a 16 MiB WebSocket message in
 * web mode, base64 adding a third) and is stored with every run's parameter snapshot.
 */
export const MAX_IMPORT_CHARS = 12 * 1024 * 1024;

interface Preprocessing {
  orientation: MatrixOrientation;
  centre: boolean;
  unitNorm: boolean;
  removeTopPCs: number;
}
export type ImportInput =
  | ({ type: 'matrix'; rows: number; cols: number; data: ArrayLike<number> } & Preprocessing)
  | ({ type: 'csv'; text: string } & Preprocessing)
  | ({ type: 'npy'; base64: string } & Preprocessing)
  | { type: 'gaussian' | 'mixture' };

export type Resolved = { matrix: ImportedMatrix; issues: MatrixIssue[] } | { matrix: null; issues: MatrixIssue[] };

export function isImported(input: { type: string }): input is Extract<ImportInput, { type: 'matrix' | 'csv' | 'npy' }> {
  return input.type === 'matrix' || input.type === 'csv' || input.type === 'npy';
}

/** Memory while parsing: the file as a JS string (UTF-16) plus its entries as float64. */
function parseMemory(input: { type: 'csv'; text: string } | { type: 'npy'; base64: string }): number {
  if (input.type === 'csv') return 2 * input.text.length + 8 * Math.ceil(input.text.length / 2);
  const bytes = base64DecodedLength(input.base64);
  return 2 * input.base64.length + bytes + 8 * Math.ceil(bytes / 4);
}

// Validation, effectiveSizes and run() all resolve the same input: parse a file once.
let cache: { key: string; kind: string; resolved: Resolved } | null = null;

/** The matrix of an imported input, or the issues that keep it from being one (paths under `input`). */
export function resolveImported(input: Extract<ImportInput, { type: 'matrix' | 'csv' | 'npy' }>): Resolved {
  const pre = { orientation: input.orientation, centre: input.centre, unitNorm: input.unitNorm, removeTopPCs: input.removeTopPCs };
  if (input.type === 'matrix') {
    const matrix: ImportedMatrix = { ...pre, type: 'matrix', rows: input.rows, cols: input.cols, data: input.data };
    return { matrix, issues: matrixIssues(matrix).map((i) => ({ path: i.path, message: `imported matrix: ${i.message}` })) };
  }
  const field = input.type === 'csv' ? 'text' : 'base64';
  const what = input.type === 'csv' ? '.csv file' : '.npy file';
  const content = input.type === 'csv' ? input.text : input.base64;
  if (typeof content !== 'string' || content.trim() === '') {
    return { matrix: null, issues: [{ path: field, message: `no ${what} loaded: choose one with “Load file…”` }] };
  }
  if (content.length > MAX_IMPORT_CHARS) {
    const size = input.type === 'csv' ? `${formatBytes(content.length)} of text` : `${formatBytes(base64DecodedLength(content))} (${formatBytes(content.length)} as base64)`;
    const limit = input.type === 'csv' ? formatBytes(MAX_IMPORT_CHARS) : `${formatBytes((MAX_IMPORT_CHARS * 3) / 4)}`;
    return {
      matrix: null,
      issues: [{
        path: field,
        message:
          `the ${what} is ${size}; the limit is ${limit}, because the file travels and is stored with the parameters of every run ` +
          `(reading it would also need about ${formatBytes(parseMemory(input))} of memory). Import fewer samples or features, or save float32.`,
      }],
    };
  }
  const parsed = parseCached(input.type, content, what, field);
  if (!parsed.matrix) return parsed;
  const matrix: ImportedMatrix = { ...parsed.matrix, ...pre };
  const issues = matrixIssues(matrix).map((i) => ({
    path: i.path === 'data' || i.path === 'rows' || i.path === 'cols' ? field : i.path,
    message: `${what}: ${i.message}`,
  }));
  return { matrix, issues };
}

function parseCached(kind: 'csv' | 'npy', content: string, what: string, field: string): Resolved {
  if (cache && cache.kind === kind && cache.key === content) return cache.resolved;
  let resolved: Resolved;
  try {
    const m = kind === 'csv' ? parseCsv(content) : parseNpy(decodeBase64(content));
    resolved = {
      matrix: { type: 'matrix', rows: m.rows, cols: m.cols, data: m.data, orientation: 'samples-as-rows', centre: true, unitNorm: true, removeTopPCs: 0 },
      issues: [],
    };
  } catch (e) {
    resolved = { matrix: null, issues: [{ path: field, message: `${what}: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  cache = { key: content, kind, resolved };
  return resolved;
}

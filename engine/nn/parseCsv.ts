/**
 * Reads a numeric matrix from CSV text (comma, semicolon, tab or whitespace separated; one row per line).
 * A first line none of whose cells looks like a number (NaN and Infinity included) is a header and is
 * skipped — a first data row with one bad cell is an error, never silently dropped; blank lines and lines starting with
 * '#' are ignored. Every row must have the same number of values, and every value must be a finite number:
 * the error names the line and column of the first problem.
 */
import { MatrixParseError, type ParsedMatrix } from './parseNpy.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseCsv(text: string): ParsedMatrix & { header: string[] | null } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const sep = detectSeparator(lines);
  const split = (line: string) => (sep === 'ws' ? line.trim().split(/\s+/) : line.split(sep).map((s) => s.trim()));
  const values: number[] = [];
  let cols = -1;
  let rows = 0;
  let header: string[] | null = null;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = split(line);
    if (rows === 0 && header === null && cells.every((c) => c !== '' && !NUMBER.test(c) && !/^[+-]?(nan|inf|infinity)$/i.test(c))) {
      header = cells;
      continue;
    }
    if (cols < 0) cols = cells.length;
    else if (cells.length !== cols) {
      throw new MatrixParseError(`not a matrix: line ${li + 1} has ${cells.length} values but the first row has ${cols}`);
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!NUMBER.test(cell)) {
        const what = cell === '' ? 'an empty cell' : /^[+-]?nan$/i.test(cell) ? 'NaN' : /^[+-]?inf(inity)?$/i.test(cell) ? 'an infinite value' : `"${cell}"`;
        throw new MatrixParseError(`line ${li + 1}, column ${c + 1} has ${what}; every entry must be a finite number`);
      }
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new MatrixParseError(`line ${li + 1}, column ${c + 1} is not finite (${cell})`);
      values.push(v);
    }
    rows++;
  }
  if (rows === 0) throw new MatrixParseError('the file has no numeric rows');
  if (header && header.length !== cols) header = null;
  return { rows, cols, data: Float64Array.from(values), header };
}

function detectSeparator(lines: string[]): ',' | ';' | '\t' | 'ws' {
  const sample = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if (sample.includes(',')) return ',';
  if (sample.includes(';')) return ';';
  if (sample.includes('\t')) return '\t';
  return 'ws';
}

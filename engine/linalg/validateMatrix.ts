/**
 * Validation shared by every public linalg entry point. It runs before any kernel so that a bad input
 * fails with a message naming the function and the argument instead of producing NaNs or reading
 * past a buffer (the WASM kernels do no bounds checks).
 */
export interface MatrixLike {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

export function validateMatrix(
  fn: string,
  name: string,
  m: MatrixLike,
  opts: { square?: boolean; finite?: boolean } = {},
): void {
  if (m === null || typeof m !== 'object') throw new TypeError(`${fn}: ${name} must be a matrix object`);
  const { rows, cols, data } = m;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`${fn}: ${name} has invalid shape ${rows}×${cols}`);
  }
  if (!data || data.length !== rows * cols) {
    throw new RangeError(`${fn}: ${name} is ${rows}×${cols} but its data has length ${data ? data.length : 'undefined'} (expected ${rows * cols})`);
  }
  if (opts.square && rows !== cols) throw new RangeError(`${fn}: ${name} must be square, got ${rows}×${cols}`);
  if (opts.finite) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (v !== v || v === Infinity || v === -Infinity) {
        const r = Math.floor(i / Math.max(cols, 1));
        throw new RangeError(`${fn}: ${name} contains ${v} at (${r}, ${i - r * cols}); inputs must be finite`);
      }
    }
  }
}

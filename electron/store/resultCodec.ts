import type { ResultValue, RunResult } from '../api.js';

/** A named Float64 array of a run, as stored in run_arrays. */
export interface StoredArray {
  name: string;
  shape: number[];
  data: Float64Array;
}

const REF = '$array';

/**
 * Splits a result into JSON (small, queryable) and Float64 arrays (stored as blobs): each
 * Float64Array is replaced by `{"$array": "<path>"}` where path is its location ("layers.2.eigenvalues").
 * Non-finite numbers outside arrays are refused: JSON cannot hold them and a result must round-trip.
 */
export function splitResult(result: RunResult): { json: string; arrays: StoredArray[] } {
  const arrays: StoredArray[] = [];
  const walk = (v: ResultValue, path: string): unknown => {
    if (v instanceof Float64Array) {
      arrays.push({ name: path, shape: [v.length], data: v });
      return { [REF]: path };
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, path ? `${path}.${i}` : String(i)));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        out[k] = walk(x as ResultValue, path ? `${path}.${k}` : k);
      }
      return out;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
    return v;
  };
  const json = JSON.stringify(walk(result, ''));
  return { json, arrays };
}

/** Inverse of splitResult. */
export function joinResult(json: string, arrays: ReadonlyMap<string, Float64Array>): RunResult {
  return JSON.parse(json, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[REF] === 'string' && Object.keys(o).length === 1) {
        const a = arrays.get(o[REF] as string);
        if (!a) throw new Error(`Result references a missing array ${String(o[REF])}`);
        return a;
      }
      if (typeof o.$num === 'string' && Object.keys(o).length === 1) return Number(o.$num);
    }
    return v;
  }) as RunResult;
}

/** Float64Array → little-endian bytes for a BLOB (copy, so the blob does not alias the worker's buffer). */
export function float64ToBlob(a: Float64Array): Buffer {
  return Buffer.from(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

/** BLOB → Float64Array; copies into an aligned buffer (Buffers from SQLite may start at any offset). */
export function blobToFloat64(b: Buffer): Float64Array {
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARENA_BASE } from './createWasmBackend.js';

/** unsigned / signed LEB128 at pos: [value, next pos]. */
function uleb(b: Uint8Array, pos: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (;;) {
    const byte = b[pos++];
    v += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [v, pos];
  }
}
function sleb(b: Uint8Array, pos: number): [number, number] {
  let v = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = b[pos++];
    v |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) v |= -1 << shift;
  return [v, pos];
}

/** End address of every active data segment of a module (the math tables AssemblyScript's NativeMath brings). */
function dataSegmentEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    let size: number;
    [size, pos] = uleb(bytes, pos);
    const next = pos + size;
    if (id === 11) {
      let count: number;
      [count, pos] = uleb(bytes, pos);
      for (let s = 0; s < count; s++) {
        let flags: number;
        [flags, pos] = uleb(bytes, pos);
        if (flags === 1) throw new Error('passive segments are not expected');
        if (flags === 2) [, pos] = uleb(bytes, pos);
        expect(bytes[pos++]).toBe(0x41); // i32.const
        let offset: number;
        [offset, pos] = sleb(bytes, pos);
        expect(bytes[pos++]).toBe(0x0b); // end
        let len: number;
        [len, pos] = uleb(bytes, pos);
        ends.push(offset + len);
        pos += len;
      }
    }
    pos = next;
  }
  return ends;
}

describe('WASM static data', () => {
  for (const file of ['linalg.simd.wasm', 'linalg.relaxed.wasm']) {
    it(`${file}: every data segment ends below the arena base, so kernels' tables and the arena never overlap`, () => {
      const bytes = readFileSync(fileURLToPath(new URL(`../build/${file}`, import.meta.url)));
      const ends = dataSegmentEnds(new Uint8Array(bytes));
      expect(ends.length).toBeGreaterThan(0); // NativeMath's tables (exp, log, rem_pio2) are there
      expect(Math.max(...ends)).toBeLessThanOrEqual(ARENA_BASE);
    });
  }
});

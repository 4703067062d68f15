import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File names written by scripts/buildWasm.mjs. */
export const WASM_SIMD_FILE = 'linalg.simd.wasm';
export const WASM_RELAXED_FILE = 'linalg.relaxed.wasm';

/** Folders searched for the compiled kernels: an explicit override, next to this source (dev, tests), the repo root (bundled builds run from it). */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  const env = process.env.SPECTRA_LINALG_WASM_DIR;
  if (env) dirs.push(env);
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    dirs.push(resolve(here, '..', 'build'), resolve(here, 'build'), resolve(here, 'linalg'));
  } catch {
    // import.meta.url unavailable (CJS bundle): rely on the other candidates.
  }
  dirs.push(resolve(process.cwd(), 'engine', 'linalg', 'build'));
  return dirs;
}

// A tiny module using f64x2.relaxed_madd (opcode 0xfd 0x87 0x02). WebAssembly.validate on it tells whether
// the runtime accepts relaxed SIMD (Node 20 only with --experimental-wasm-relaxed-simd).
const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
  0x03, 0x02, 0x01, 0x00, // func 0 : type 0
  0x0a, 0x3d, 0x01, 0x3b, 0x00, // code section, one body, no locals
  0xfd, 0x0c, ...new Array<number>(16).fill(0), // v128.const 0
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x87, 0x02, // f64x2.relaxed_madd
  0x0b,
]);

// Same shape with f64x2.add (0xfd 0xf0 0x01): plain SIMD support.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x2b, 0x01, 0x29, 0x00,
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0xf0, 0x01,
  0x0b,
]);

export function runtimeHasSimd(): boolean {
  return WebAssembly.validate(SIMD_PROBE);
}

export function runtimeHasRelaxedSimd(): boolean {
  return WebAssembly.validate(RELAXED_PROBE);
}

/**
 * Compiles the best kernel variant the runtime accepts, synchronously (new WebAssembly.Module is sync in
 * Node, which keeps lazy initialisation possible from the sync API). Returns null when no build exists
 * or the runtime lacks SIMD/threads; the caller then falls back to the TypeScript backend.
 */
export function loadWasmModule(): { module: WebAssembly.Module; relaxed: boolean; path: string } | null {
  if (typeof WebAssembly !== 'object' || typeof SharedArrayBuffer !== 'function' || !runtimeHasSimd()) return null;
  const relaxedOk = runtimeHasRelaxedSimd();
  for (const dir of candidateDirs()) {
    const files = relaxedOk ? [WASM_RELAXED_FILE, WASM_SIMD_FILE] : [WASM_SIMD_FILE];
    for (const f of files) {
      const p = join(dir, f);
      if (!existsSync(p)) continue;
      const bytes = readFileSync(p);
      if (!WebAssembly.validate(bytes)) continue;
      return { module: new WebAssembly.Module(bytes), relaxed: f === WASM_RELAXED_FILE, path: p };
    }
  }
  return null;
}

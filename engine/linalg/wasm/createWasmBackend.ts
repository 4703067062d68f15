import type { LinalgBackend } from '../LinalgBackend.js';
import { GAUSSIAN_CHUNK } from '../js/gaussianJs.js';
import { KERNEL_NAMES } from './KernelNames.js';
import { loadWasmModule } from './loadWasmModule.js';
import { ThreadPool } from './ThreadPool.js';
import { WasmArena } from './WasmArena.js';
import { type EigenExports, symmetricEigenWasm } from './symmetricEigenWasm.js';
import { dgemmWasm, type GemmWorkspace, PACKED_B_BYTES, sgemmWasm, THREAD_SCRATCH } from './WasmGemm.js';

/** Same bound as scripts/buildWasm.mjs MAX_PAGES: 2 GiB. */
const MAX_BYTES = 32768 * 65536;
/**
 * Addresses below this belong to the module's own static data (AssemblyScript's math tables, about 10 KiB
 * from 1024; wasm/staticData.test.ts checks the bound) and the null page. Every instance rewrites those
 * bytes with the same values when it starts, so they must never overlap the arena.
 */
export const ARENA_BASE = 65536;
const MAX_THREADS = 64;
/** Elements per activation task: enough work to amortise a claim, small enough to balance two threads. */
const ACTIVATION_CHUNK = 16384;

/** Process-wide WASM state: one memory and one compiled module, reused when the pool is resized. */
interface WasmCore {
  module: WebAssembly.Module;
  relaxed: boolean;
  memory: WebAssembly.Memory;
  exports: Record<string, unknown>;
  arena: WasmArena;
}

let core: WasmCore | null = null;

function getCore(): WasmCore | null {
  if (core) return core;
  const loaded = loadWasmModule();
  if (!loaded) return null;
  const memory = new WebAssembly.Memory({ initial: 256, maximum: MAX_BYTES / 65536, shared: true });
  const instance = new WebAssembly.Instance(loaded.module, { env: { memory } });
  core = { module: loaded.module, relaxed: loaded.relaxed, memory, exports: instance.exports as Record<string, unknown>, arena: new WasmArena(memory, ARENA_BASE, MAX_BYTES) };
  return core;
}

/**
 * The WASM backend with `threads` threads (the caller's included), or null if the kernels cannot load.
 * Synchronous, so the sync API can initialise lazily.
 */
export function createWasmBackend(threads: number): (LinalgBackend & { dispose(): void }) | null {
  const c = getCore();
  if (!c) return null;
  const nThreads = Math.max(1, Math.min(MAX_THREADS, Math.floor(threads)));
  const pool = new ThreadPool(c.module, c.memory, c.exports, KERNEL_NAMES, nThreads);
  const arena = c.arena;
  // Persistent per-thread scratch and packed-B panel, allocated once below every per-call buffer.
  arena.release(ARENA_BASE);
  const scratch = arena.alloc(THREAD_SCRATCH * MAX_THREADS, 'thread scratch');
  const packedB = arena.alloc(PACKED_B_BYTES, 'packed B panel');
  const callBase = arena.mark();
  const ws: GemmWorkspace = { pool, packedB, scratch };

  /** Runs `fn` with the arena reset afterwards, so each call's buffers are reused by the next. */
  function scoped<T>(fn: () => T): T {
    arena.release(callBase);
    try {
      return fn();
    } finally {
      arena.release(callBase);
    }
  }

  function putF64(x: Float64Array, what: string): number {
    const addr = arena.alloc(x.length * 8, what);
    arena.F64.set(x, addr / 8);
    return addr;
  }

  return {
    name: 'wasm',
    simd: true,
    relaxedSimd: c.relaxed,
    threads: nThreads,
    helperTaskShare() {
      return pool.counters.tasks === 0 ? 0 : 1 - pool.counters.callerTasks / pool.counters.tasks;
    },
    dispose() {
      pool.terminate();
    },
    gemm(m, n, k, a, transA, b, transB, alpha) {
      if (m * n === 0 || k === 0) return new Float64Array(m * n);
      return scoped(() => {
        const pa = putF64(a, 'matmul A');
        const pb = putF64(b, 'matmul B');
        const pc = arena.alloc(m * n * 8, 'matmul C');
        // Transposition is only a change of strides: packing reads op(A), op(B) directly.
        dgemmWasm(ws, m, n, k,
          { addr: pa, rs: transA ? 1 : k, cs: transA ? m : 1 },
          { addr: pb, rs: transB ? 1 : n, cs: transB ? k : 1 },
          pc, n, alpha, false);
        return arena.F64.slice(pc / 8, pc / 8 + m * n);
      });
    },
    gemmF32(m, n, k, a, transA, b, transB, alpha) {
      if (m * n === 0 || k === 0) return new Float32Array(m * n);
      return scoped(() => {
        const pa = arena.alloc(a.length * 4, 'matmulF32 A');
        arena.F32.set(a, pa / 4);
        const pb = arena.alloc(b.length * 4, 'matmulF32 B');
        arena.F32.set(b, pb / 4);
        const pc = arena.alloc(m * n * 4, 'matmulF32 C');
        sgemmWasm(ws, m, n, k,
          { addr: pa, rs: transA ? 1 : k, cs: transA ? m : 1 },
          { addr: pb, rs: transB ? 1 : n, cs: transB ? k : 1 },
          pc, n, alpha);
        return arena.F32.slice(pc / 4, pc / 4 + m * n);
      });
    },
    gram(rows, cols, x, alpha) {
      if (cols === 0 || rows === 0) return new Float64Array(cols * cols);
      return scoped(() => {
        const px = putF64(x, 'gram X');
        const pc = arena.alloc(cols * cols * 8, 'gram XᵀX');
        // DSYRK: only tiles touching the upper triangle are computed (half the flops), then mirrored.
        dgemmWasm(ws, cols, cols, rows, { addr: px, rs: 1, cs: cols }, { addr: px, rs: cols, cs: 1 }, pc, cols, alpha, false, true);
        const rpt = 64;
        pool.run('mirrorUpper', Math.ceil(cols / rpt), [cols, pc, rpt]);
        return arena.F64.slice(pc / 8, pc / 8 + cols * cols);
      });
    },
    gramF32(rows, cols, x, alpha) {
      if (cols === 0 || rows === 0) return new Float64Array(cols * cols);
      return scoped(() => {
        const px = arena.alloc(x.length * 4, 'gramF32 X');
        arena.F32.set(x, px / 4);
        const pc = arena.alloc(cols * cols * 4, 'gramF32 XᵀX');
        const pd = arena.alloc(cols * cols * 8, 'gramF32 widened');
        // SSYRK: tiles touching the upper triangle only, then widened and mirrored in one pass.
        sgemmWasm(ws, cols, cols, rows, { addr: px, rs: 1, cs: cols }, { addr: px, rs: cols, cs: 1 }, pc, cols, alpha, true);
        const rpt = 64;
        pool.run('widenMirrorF32', Math.ceil(cols / rpt), [cols, pc, pd, rpt]);
        return arena.F64.slice(pd / 8, pd / 8 + cols * cols);
      });
    },
    eigh(n, a, wantVectors) {
      return scoped(() => symmetricEigenWasm({ arena, pool, ws, ex: c.exports as unknown as EigenExports }, n, a, wantVectors));
    },
    activate(act, z, out, slope, scale) {
      const len = z.length;
      if (len === 0) return;
      scoped(() => {
        const pz = putF64(z, 'activation input');
        const po = arena.alloc(len * 8, 'activation output');
        const ps = slope ? arena.alloc(len * 8, 'activation slope') : 0;
        pool.run('activate', Math.ceil(len / ACTIVATION_CHUNK), [act.code, pz, po, ps, len, ACTIVATION_CHUNK, act.mean, act.inv, scale]);
        const F = arena.F64;
        out.set(F.subarray(po / 8, po / 8 + len));
        if (slope) slope.set(F.subarray(ps / 8, ps / 8 + len));
      });
    },
    activateF32(act, z, out, scale) {
      const len = z.length;
      if (len === 0) return;
      scoped(() => {
        const pz = arena.alloc(len * 4, 'activation input');
        arena.F32.set(z, pz / 4);
        pool.run('activateF32', Math.ceil(len / ACTIVATION_CHUNK), [act.code, pz, pz, len, ACTIVATION_CHUNK, act.mean, act.inv, scale]);
        out.set(arena.F32.subarray(pz / 4, pz / 4 + len));
      });
    },
    fillGaussian(out, key) {
      const len = out.length;
      if (len === 0) return;
      scoped(() => {
        const f32 = out instanceof Float32Array;
        const po = arena.alloc(len * (f32 ? 4 : 8), 'gaussian fill');
        pool.run('fillGaussian', Math.ceil(len / GAUSSIAN_CHUNK), [po, len, GAUSSIAN_CHUNK, key[0], key[1], key[2], key[3], f32 ? 1 : 0]);
        if (f32) out.set(arena.F32.subarray(po / 4, po / 4 + len));
        else out.set(arena.F64.subarray(po / 8, po / 8 + len));
      });
    },
    withSymmetricOperator(n, a, fn) {
      return scoped(() => {
        const pa = putF64(a, 'operator A');
        const px = arena.alloc(n * 8, 'operator x');
        const py = arena.alloc(n * 8, 'operator y');
        const rpt = 32;
        return fn((x, y) => {
          arena.F64.set(x, px / 8);
          pool.run('dgemvRows', Math.ceil(n / rpt), [n, n, pa, px, py, rpt]);
          y.set(arena.F64.subarray(py / 8, py / 8 + n));
        });
      });
    },
  };
}

import type { ThreadPool } from './ThreadPool.js';

// Cache blocking (see assembly/dgemm.ts): kc·NR·8 B of B per micro-panel in L1, an MC×kc block of A
// (128 KiB) in L2, a kc×NC panel of B (≤ 8 MiB) in L3 shared by both threads.
export const D_MR = 4;
export const D_NR = 4;
export const D_KC = 256;
export const D_MC = 64;
export const D_NC = 4096;
export const S_NR = 8;
export const S_KC = 512;
export const S_MC = 64;
export const S_NC = 4096;
/** Per-thread scratch: 256 B for partial tiles + the packed A block. */
export const THREAD_SCRATCH = 256 + Math.max(D_MC * D_KC * 8, S_MC * S_KC * 4);
/** Shared packed-B panel. */
export const PACKED_B_BYTES = Math.max(D_KC * D_NC * 8, S_KC * S_NC * 4);
/** B micro-panels packed per task: enough work per task to amortise the claim. */
const PANELS_PER_TASK = 16;

/** Operand in WASM memory: element (i, j) of op(M) at addr + 8(i·rs + j·cs) (4 for float32). */
export interface StridedOperand {
  addr: number;
  rs: number;
  cs: number;
}

export interface GemmWorkspace {
  pool: ThreadPool;
  packedB: number;
  scratch: number;
}

/**
 * C(m×n, row stride ldc) ← alpha·op(A)op(B) (+ C when accumulate). `upper` computes only tiles that touch
 * the upper triangle (c ≥ r) — SYRK/SYR2K, whose other half is mirrored or never read.
 */
export function dgemmWasm(
  ws: GemmWorkspace, m: number, n: number, k: number,
  a: StridedOperand, b: StridedOperand, c: number, ldc: number,
  alpha: number, accumulate: boolean, upper = false,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) throw new Error('dgemmWasm: k = 0 must be handled by the caller (C = 0)');
    return;
  }
  for (let jc = 0; jc < n; jc += D_NC) {
    const nc = Math.min(D_NC, n - jc);
    for (let pc = 0; pc < k; pc += D_KC) {
      const kc = Math.min(D_KC, k - pc);
      const panels = Math.ceil(nc / D_NR);
      ws.pool.run('dpackB', Math.ceil(panels / PANELS_PER_TASK), [kc, nc, b.addr + 8 * (pc * b.rs + jc * b.cs), b.rs, b.cs, ws.packedB, PANELS_PER_TASK]);
      // Row blocks whose every tile lies below the diagonal are skipped inside the kernel (upper).
      ws.pool.run('dgemmBlock', Math.ceil(m / D_MC), [
        m, nc, kc, a.addr + 8 * pc * a.cs, a.rs, a.cs, ws.packedB, c + 8 * jc, ldc,
        alpha, accumulate || pc > 0 ? 1 : 0, D_MC, ws.scratch, THREAD_SCRATCH, upper ? 1 : 0, jc,
      ]);
    }
  }
}

export function sgemmWasm(
  ws: GemmWorkspace, m: number, n: number, k: number,
  a: StridedOperand, b: StridedOperand, c: number, ldc: number, alpha: number, upper = false,
): void {
  if (m === 0 || n === 0 || k === 0) return;
  for (let jc = 0; jc < n; jc += S_NC) {
    const nc = Math.min(S_NC, n - jc);
    for (let pc = 0; pc < k; pc += S_KC) {
      const kc = Math.min(S_KC, k - pc);
      const panels = Math.ceil(nc / S_NR);
      ws.pool.run('spackB', Math.ceil(panels / PANELS_PER_TASK), [kc, nc, b.addr + 4 * (pc * b.rs + jc * b.cs), b.rs, b.cs, ws.packedB, PANELS_PER_TASK]);
      ws.pool.run('sgemmBlock', Math.ceil(m / S_MC), [
        m, nc, kc, a.addr + 4 * pc * a.cs, a.rs, a.cs, ws.packedB, c + 4 * jc, ldc,
        alpha, pc > 0 ? 1 : 0, S_MC, ws.scratch, THREAD_SCRATCH, upper ? 1 : 0, jc,
      ]);
    }
  }
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { eigh, eigvalsh, gram, initLinalg, linalgInfo, matmul, matmulF32 } from './index.js';
import { bitsEqual, gaussian, goe } from './testing/testMatrices.js';

afterAll(async () => {
  await initLinalg({ threads: 2 });
});

describe('thread count', () => {
  it('gives bit-identical GEMM, SYRK, float32 GEMM and eigen results with 1, 2 and 3 threads', async () => {
    const a = gaussian(301, 517, 1);
    const b = gaussian(517, 263, 2);
    const x = gaussian(400, 333, 3);
    const s = goe(300, 4);
    const af = { rows: a.rows, cols: a.cols, data: Float32Array.from(a.data) };
    const bf = { rows: b.rows, cols: b.cols, data: Float32Array.from(b.data) };
    const results = [];
    for (const threads of [1, 2, 3]) {
      await initLinalg({ threads });
      expect(linalgInfo().threads).toBe(linalgInfo().backend === 'wasm' ? threads : 1);
      results.push({
        gemm: matmul(a, b, { transB: false }).data,
        gemmT: matmul(b, a, { transA: true, transB: true }).data,
        gram: gram(x).data,
        f32: matmulF32(af, bf).data,
        values: eigvalsh(s),
        eigh: eigh(s).vectors.data,
      });
    }
    for (const r of results.slice(1)) {
      expect(bitsEqual(r.gemm, results[0].gemm)).toBe(true);
      expect(bitsEqual(r.gemmT, results[0].gemmT)).toBe(true);
      expect(bitsEqual(r.gram, results[0].gram)).toBe(true);
      expect(bitsEqual(r.f32, results[0].f32)).toBe(true);
      expect(bitsEqual(r.values, results[0].values)).toBe(true);
      expect(bitsEqual(r.eigh, results[0].eigh)).toBe(true);
    }
  });

  it('refuses a thread count that is not a positive integer', async () => {
    await expect(initLinalg({ threads: 0 })).rejects.toThrow('initLinalg: threads must be a positive integer, got 0');
  });
});

describe('relaxed SIMD (fused multiply-add) variant', () => {
  it('gives the same answers to rounding when the runtime accepts relaxed SIMD', () => {
    // The test worker runs without --experimental-wasm-relaxed-simd (plain SIMD path); run the relaxed
    // path in a child Node with the flag, as the engine's forked workers do.
    const script = fileURLToPath(new URL('./testing/relaxedSimdCheck.ts', import.meta.url));
    const out = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout.trim().split('\n').pop() as string) as Record<string, number | boolean | string>;
    if (r.backend !== 'wasm' || !r.relaxedSimd) return; // runtime without relaxed SIMD: only the plain path exists here
    expect(r.gemmError).toBeLessThan(1e-12);
    expect(r.gramError).toBeLessThan(1e-12);
    expect(r.f32Error).toBeLessThan(1e-3);
    expect(r.eigResidual).toBeLessThan(1e-13);
    expect(r.eigOrthogonality).toBeLessThan(1e-12);
  });
});

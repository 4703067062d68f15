import { beforeAll, describe, expect, it } from 'vitest';
import { eigh, gram, gramF32, initLinalg, linalgInfo, matmul } from '../index.js';
import { gaussian, goe, maxAbsDiff } from '../testing/testMatrices.js';
import { jsBackend } from './jsBackend.js';

// The fallback backend runs only where WASM cannot load; check it against the WASM kernels on small cases.
beforeAll(async () => {
  await initLinalg();
});

describe('jsBackend (fallback) agrees with the WASM backend', () => {
  it('runs the comparison against WASM', () => {
    expect(linalgInfo().backend).toBe('wasm');
  });

  it('gemm and gram to 1e-13', () => {
    const a = gaussian(37, 23, 1);
    const b = gaussian(23, 41, 2);
    expect(maxAbsDiff(jsBackend.gemm(37, 41, 23, a.data, false, b.data, false, 1.5), matmul(a, b, { alpha: 1.5 }).data)).toBeLessThan(1e-13);
    expect(maxAbsDiff(jsBackend.gram(37, 23, a.data, 0.5), gram(a, { alpha: 0.5 }).data)).toBeLessThan(1e-13);
  });

  it('gramF32 to float32 accuracy, exactly symmetric', () => {
    const x = gaussian(50, 31, 3);
    const x32 = Float32Array.from(x.data);
    const mine = jsBackend.gramF32(50, 31, x32, 1);
    expect(maxAbsDiff(mine, gramF32({ rows: 50, cols: 31, data: x32 }).data)).toBeLessThan(1e-4);
    for (let i = 0; i < 31; i++) for (let j = 0; j < i; j++) expect(mine[i * 31 + j]).toBe(mine[j * 31 + i]);
  });

  it('eigh: same eigenvalues to 1e-13 and eigenvectors equal up to sign', () => {
    const n = 60;
    const a = goe(n, 4);
    const js = jsBackend.eigh(n, a.data, true);
    const wasm = eigh(a);
    expect(maxAbsDiff(js.values, wasm.values)).toBeLessThan(1e-13);
    const v = js.vectors as Float64Array;
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += v[i * n + j] * wasm.vectors.data[i * n + j];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-10);
    }
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { gram, gramF32, initLinalg, linalgInfo, matmul, matmulF32 } from './index.js';
import { gaussian, maxAbs, maxAbsDiff, naiveProduct } from './testing/testMatrices.js';

beforeAll(async () => {
  await initLinalg();
});

describe('matmul', () => {
  it('runs on the WASM SIMD backend when the build is present', () => {
    const info = linalgInfo();
    // scripts/buildWasm.mjs runs at install/build time; with its output present the JS fallback must not be in use.
    const built = existsSync(fileURLToPath(new URL('./build/linalg.simd.wasm', import.meta.url)));
    expect(info.backend).toBe(built ? 'wasm' : 'js');
    if (info.backend === 'wasm') expect(info.simd).toBe(true);
  });

  const shapes: Array<[number, number, number]> = [
    [1, 1, 1], [7, 7, 7], [65, 65, 65], [257, 257, 257], [1000, 3, 501], [3, 1000, 2], [13, 9, 130],
  ];
  for (const [m, k, n] of shapes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`equals the naive product for ${m}×${k} · ${k}×${n} (transA=${transA}, transB=${transB})`, () => {
          const a = transA ? gaussian(k, m, m * 31 + k) : gaussian(m, k, m * 31 + k);
          const b = transB ? gaussian(n, k, n * 17 + k + 1) : gaussian(k, n, n * 17 + k + 1);
          const c = matmul(a, b, { transA, transB, alpha: 0.75 });
          const ref = naiveProduct(a, b, transA, transB, 0.75);
          expect(c.rows).toBe(m);
          expect(c.cols).toBe(n);
          // Each entry is a k-term dot product of N(0,1) numbers: rounding error ≲ k·ε·√k, far below 1e-12·k.
          expect(maxAbsDiff(c.data, ref.data)).toBeLessThan(1e-13 * k + 1e-14);
        });
      }
    }
  }

  it('refuses inner dimensions that differ with the exact message', () => {
    expect(() => matmul(gaussian(3, 4, 1), gaussian(5, 2, 2))).toThrow('matmul: A is 3×4 but B is 5×2 (inner dimensions 4 ≠ 5)');
  });

  it('refuses data whose length does not match the shape', () => {
    expect(() => matmul({ rows: 2, cols: 2, data: new Float64Array(3) }, gaussian(2, 2, 1))).toThrow(/matmul: A is 2×2 but its data has length 3/);
  });

  it('handles empty dimensions', () => {
    const c = matmul(gaussian(4, 0, 1), gaussian(0, 3, 2));
    expect(c.rows).toBe(4);
    expect(c.cols).toBe(3);
    expect(maxAbs(c.data)).toBe(0);
  });
});

describe('matmulF32', () => {
  for (const [m, k, n] of [[1, 1, 1], [7, 9, 5], [130, 257, 67]] as Array<[number, number, number]>) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`matches the float64 product to float32 accuracy for ${m}×${k}·${k}×${n} (transA=${transA}, transB=${transB})`, () => {
          const a = transA ? gaussian(k, m, 5) : gaussian(m, k, 5);
          const b = transB ? gaussian(n, k, 6) : gaussian(k, n, 6);
          const c = matmulF32({ ...a, data: Float32Array.from(a.data) }, { ...b, data: Float32Array.from(b.data) }, { transA, transB });
          const ref = naiveProduct({ ...a, data: Float64Array.from(Float32Array.from(a.data)) }, { ...b, data: Float64Array.from(Float32Array.from(b.data)) }, transA, transB);
          expect(c.data).toBeInstanceOf(Float32Array);
          // float32 accumulation: relative error ~ √k·2⁻²⁴ per entry of size ~√k.
          expect(maxAbsDiff(c.data, ref.data)).toBeLessThan(4e-6 * k + 1e-6);
        });
      }
    }
  }
});

describe('gram', () => {
  for (const [rows, cols] of [[1, 1], [7, 5], [65, 130], [300, 257], [3, 1000]] as Array<[number, number]>) {
    it(`equals the naive XᵀX for X ${rows}×${cols} and is exactly symmetric`, () => {
      const x = gaussian(rows, cols, rows + cols);
      const g = gram(x, { alpha: 0.5 });
      const ref = naiveProduct(x, x, true, false, 0.5);
      expect(g.rows).toBe(cols);
      expect(maxAbsDiff(g.data, ref.data)).toBeLessThan(1e-13 * rows + 1e-14);
      let asymmetric = 0;
      for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) if (g.data[i * cols + j] !== g.data[j * cols + i]) asymmetric++;
      expect(asymmetric).toBe(0);
    });
  }
});

describe('gramF32', () => {
  for (const [rows, cols] of [[1, 1], [7, 5], [65, 130], [300, 257], [3, 1000]] as Array<[number, number]>) {
    it(`matches the float64 XᵀX to float32 accuracy for X ${rows}×${cols}, widened and exactly symmetric`, () => {
      const x = gaussian(rows, cols, rows + 2 * cols);
      const x32 = Float32Array.from(x.data);
      const g = gramF32({ rows, cols, data: x32 }, { alpha: 0.5 });
      const ref = naiveProduct({ rows, cols, data: Float64Array.from(x32) }, { rows, cols, data: Float64Array.from(x32) }, true, false, 0.5);
      expect(g.data).toBeInstanceOf(Float64Array);
      expect(g.rows).toBe(cols);
      expect(maxAbsDiff(g.data, ref.data)).toBeLessThan(4e-6 * rows + 1e-6);
      let asymmetric = 0;
      let notSingle = 0;
      for (let i = 0; i < cols; i++) {
        for (let j = 0; j < cols; j++) {
          if (j < i && g.data[i * cols + j] !== g.data[j * cols + i]) asymmetric++;
          if (Math.fround(g.data[i * cols + j]) !== g.data[i * cols + j]) notSingle++;
        }
      }
      expect(asymmetric).toBe(0);
      // Every entry is a float32 value widened: the product really ran in single precision.
      expect(notSingle).toBe(0);
    });
  }
});

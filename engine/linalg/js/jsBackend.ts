import type { LinalgBackend } from '../LinalgBackend.js';
import { fillGaussianJs } from './gaussianJs.js';
import { gemmJs } from './gemmJs.js';
import { symmetricEigenJs } from './symmetricEigenJs.js';

/** Plain-TypeScript backend: correct everywhere, O(n³) without SIMD or threads. Used only if WASM fails to load. */
export const jsBackend: LinalgBackend = {
  name: 'js',
  simd: false,
  relaxedSimd: false,
  threads: 1,
  helperTaskShare: () => 0,
  gemm(m, n, k, a, transA, b, transB, alpha) {
    const c = new Float64Array(m * n);
    gemmJs(m, n, k, a, transA, b, transB, alpha, c);
    return c;
  },
  gemmF32(m, n, k, a, transA, b, transB, alpha) {
    const c = new Float32Array(m * n);
    gemmJs(m, n, k, a, transA, b, transB, alpha, c);
    return c;
  },
  gram(rows, cols, x, alpha) {
    const c = new Float64Array(cols * cols);
    // Accumulate the upper triangle row by row of X (contiguous), then mirror: exact symmetry by construction.
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      for (let i = 0; i < cols; i++) {
        const xi = x[off + i];
        const ci = i * cols;
        for (let j = i; j < cols; j++) c[ci + j] += xi * x[off + j];
      }
    }
    for (let i = 0; i < cols; i++) {
      for (let j = i; j < cols; j++) {
        const v = alpha * c[i * cols + j];
        c[i * cols + j] = v;
        c[j * cols + i] = v;
      }
    }
    return c;
  },
  gramF32(rows, cols, x, alpha) {
    // Upper triangle accumulated in float32 (Math.fround after each step), widened and mirrored.
    const c = new Float32Array(cols * cols);
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      for (let i = 0; i < cols; i++) {
        const xi = x[off + i];
        const ci = i * cols;
        for (let j = i; j < cols; j++) c[ci + j] = Math.fround(c[ci + j] + Math.fround(xi * x[off + j]));
      }
    }
    const out = new Float64Array(cols * cols);
    for (let i = 0; i < cols; i++) {
      for (let j = i; j < cols; j++) {
        const v = Math.fround(alpha * c[i * cols + j]);
        out[i * cols + j] = v;
        out[j * cols + i] = v;
      }
    }
    return out;
  },
  eigh(n, a, wantVectors) {
    const { d, v } = symmetricEigenJs(n, a, wantVectors);
    return { values: d, vectors: wantVectors ? v : null };
  },
  activate(act, z, out, slope, scale) {
    const { f, df } = act;
    for (let i = 0; i < z.length; i++) {
      const x = z[i];
      out[i] = scale * f(x);
      if (slope) slope[i] = scale * df(x);
    }
  },
  activateF32(act, z, out, scale) {
    for (let i = 0; i < z.length; i++) out[i] = scale * act.f(z[i]);
  },
  fillGaussian: fillGaussianJs,
  withSymmetricOperator(n, a, fn) {
    return fn((x, y) => {
      for (let i = 0; i < n; i++) {
        let s = 0;
        const off = i * n;
        for (let j = 0; j < n; j++) s += a[off + j] * x[j];
        y[i] = s;
      }
    });
  },
};

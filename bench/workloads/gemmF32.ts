import type { BenchWorkload } from '../BenchWorkload.js';
import { matmulF32, type DenseMatrixF32 } from '../../engine/linalg/index.js';
import { gaussianMatrix } from './gaussianMatrix.js';

/** The float32 forward-pass product, compared against numpy's float64 GEMM (the goal is ≤ 1.0×). */
export const gemmF32: BenchWorkload<{ a: DenseMatrixF32; b: DenseMatrixF32 }> = {
  name: 'gemm-f32',
  goal: { n: 2000, ratio: 1.0, issue: 3 },
  description: 'C = A·B in float32 (engine) vs float64 numpy',
  params: (n) => ({ n }),
  numpy: (n) => ({ workload: 'gemm', args: { n } }),
  prepare: (p) => {
    const a = gaussianMatrix(+p.n, +p.n, 1);
    const b = gaussianMatrix(+p.n, +p.n, 2);
    return { a: { ...a, data: Float32Array.from(a.data) }, b: { ...b, data: Float32Array.from(b.data) } };
  },
  run: ({ a, b }) => matmulF32(a, b).data[0],
};

import type { BenchWorkload } from '../BenchWorkload.js';
import { matmul, type DenseMatrix } from '../../engine/linalg/index.js';
import { gaussianMatrix } from './gaussianMatrix.js';

export const gemm: BenchWorkload<{ a: DenseMatrix; b: DenseMatrix }> = {
  name: 'gemm',
  goal: { n: 2000, ratio: 2.0, issue: 3 },
  description: 'C = A·B, A and B n×n standard normal (float64)',
  params: (n) => ({ n }),
  numpy: (n) => ({ workload: 'gemm', args: { n } }),
  prepare: (p) => ({ a: gaussianMatrix(+p.n, +p.n, 1), b: gaussianMatrix(+p.n, +p.n, 2) }),
  run: ({ a, b }) => matmul(a, b).data[0],
};

import type { BenchWorkload } from '../BenchWorkload.js';
import { eigvalsh, type DenseMatrix } from '../../engine/linalg/index.js';
import { goeMatrix } from './gaussianMatrix.js';

export const eigvalshWorkload: BenchWorkload<DenseMatrix> = {
  name: 'eigvalsh',
  goal: { n: 2000, ratio: 2.5, issue: 3 },
  description: 'eigenvalues of an n×n GOE matrix (G + Gᵀ)/√(2n)',
  params: (n) => ({ n }),
  numpy: (n) => ({ workload: 'eigvalsh', args: { n } }),
  prepare: (p) => goeMatrix(+p.n, 4),
  run: (a) => {
    const v = eigvalsh(a);
    return v[v.length - 1];
  },
};

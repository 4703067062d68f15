import type { BenchWorkload } from '../BenchWorkload.js';
import { eigh, type DenseMatrix } from '../../engine/linalg/index.js';
import { goeMatrix } from './gaussianMatrix.js';

export const eighWorkload: BenchWorkload<DenseMatrix> = {
  name: 'eigh',
  goal: { n: 2000, ratio: 3.0, issue: 3 },
  description: 'eigenvalues and eigenvectors of an n×n GOE matrix',
  params: (n) => ({ n }),
  numpy: (n) => ({ workload: 'eigh', args: { n } }),
  prepare: (p) => goeMatrix(+p.n, 4),
  run: (a) => {
    const { values } = eigh(a);
    return values[values.length - 1];
  },
};

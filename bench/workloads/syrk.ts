import type { BenchWorkload } from '../BenchWorkload.js';
import { gram, type DenseMatrix } from '../../engine/linalg/index.js';
import { gaussianMatrix } from './gaussianMatrix.js';

export const syrk: BenchWorkload<DenseMatrix> = {
  name: 'syrk',
  goal: { n: 2000, ratio: 2.0, issue: 3 },
  description: 'K = XᵀX, X d×n with d = 1.5·n, standard normal / √d',
  params: (n) => ({ n, d: Math.round(1.5 * n) }),
  numpy: (n) => ({ workload: 'syrk', args: { n, d: Math.round(1.5 * n) } }),
  prepare: (p) => {
    const x = gaussianMatrix(+p.d, +p.n, 3);
    const s = 1 / Math.sqrt(+p.d);
    for (let i = 0; i < x.data.length; i++) x.data[i] *= s;
    return x;
  },
  run: (x) => {
    const k = gram(x);
    let t = 0;
    for (let i = 0; i < k.rows; i++) t += k.data[i * k.cols + i];
    return t;
  },
};

import type { BenchWorkload } from '../BenchWorkload.js';
import { linearSumAssignment, type DenseMatrix } from '../../engine/linalg/index.js';
import { Rng } from '../../engine/random/Rng.js';

export const lsa: BenchWorkload<DenseMatrix> = {
  name: 'lsa',
  goal: { n: 2000, ratio: 1.5, issue: 3 },
  description: 'linear assignment (minimise) on an n×n uniform(0, 1) cost',
  params: (n) => ({ n }),
  numpy: (n) => ({ workload: 'lsa', args: { n } }),
  prepare: (p) => {
    const n = +p.n;
    const rng = new Rng(5);
    const data = new Float64Array(n * n);
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform();
    return { rows: n, cols: n, data };
  },
  run: (c) => {
    const a = linearSumAssignment(c);
    let s = 0;
    for (let i = 0; i < c.rows; i++) s += c.data[i * c.cols + a[i]];
    return s;
  },
};

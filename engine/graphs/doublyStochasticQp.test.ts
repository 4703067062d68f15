import { beforeAll, describe, expect, it } from 'vitest';
import { eigh, initLinalg } from '../linalg/index.js';
import { Rng } from '../random/Rng.js';
import { doublyStochasticQp } from './doublyStochasticQp.js';
import { grampaSimilarity } from './grampaSimilarity.js';
import { sampleCorrelatedWigner } from './sampleCorrelatedWigner.js';
import { sinkhornBalance } from './sinkhornBalance.js';

beforeAll(() => initLinalg());

describe('doubly stochastic QP by Frank–Wolfe (MATH.md §9.7)', () => {
  it('the Frank–Wolfe objective ‖ĀX − XB̄‖²_F never increases and X stays doubly stochastic', () => {
    const n = 120;
    const { a, b } = sampleCorrelatedWigner(new Rng(7), n, 0.35);
    const x0 = grampaSimilarity(eigh({ rows: n, cols: n, data: a }), eigh({ rows: n, cols: n, data: b }), 0.2).data;
    const start = sinkhornBalance(x0.map((v) => Math.max(v, 0) + 1e-6), n);
    const { x, objective } = doublyStochasticQp(a, b, n, start, 60);
    expect(objective.length).toBeGreaterThan(10);
    for (let k = 1; k < objective.length; k++) expect(objective[k]).toBeLessThanOrEqual(objective[k - 1] * (1 + 1e-12));
    expect(objective[objective.length - 1]).toBeLessThan(0.8 * objective[0]); // it makes progress, not just no harm
    for (let i = 0; i < n; i++) {
      let row = 0, col = 0;
      for (let j = 0; j < n; j++) {
        row += x.data[i * n + j];
        col += x.data[j * n + i];
        expect(x.data[i * n + j]).toBeGreaterThanOrEqual(0);
      }
      expect(row).toBeCloseTo(1, 9);
      expect(col).toBeCloseTo(1, 9);
    }
    // The objective reported is the objective of the returned X (R is updated, not recomputed).
    let direct = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * x.data[k * n + j] - x.data[i * n + k] * b[k * n + j];
      direct += s * s;
    }
    expect(Math.abs(direct - objective[objective.length - 1])).toBeLessThan(1e-9 * objective[0]);
  });

  it('Sinkhorn balancing makes a positive matrix doubly stochastic', () => {
    const rng = new Rng(1);
    const n = 30;
    const m = Float64Array.from({ length: n * n }, () => 0.01 + rng.uniform());
    const s = sinkhornBalance(m, n);
    for (let i = 0; i < n; i++) {
      let row = 0, col = 0;
      for (let j = 0; j < n; j++) { row += s[i * n + j]; col += s[j * n + i]; }
      expect(row).toBeCloseTo(1, 9);
      expect(col).toBeCloseTo(1, 12);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from '../random/Rng.js';
import type { DenseMatrix } from './DenseMatrix.js';
import { linearSumAssignment } from './index.js';

function uniformCost(rows: number, cols: number, seed: number, levels = 0): DenseMatrix {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  // levels > 0 draws from a few integer values so that many optimal assignments tie.
  for (let i = 0; i < data.length; i++) data[i] = levels > 0 ? rng.int(levels) : rng.uniform();
  return { rows, cols, data };
}

function total(c: DenseMatrix, assignment: Int32Array): number {
  let s = 0;
  for (let i = 0; i < c.rows; i++) s += c.data[i * c.cols + assignment[i]];
  return s;
}

function expectValidAssignment(c: DenseMatrix, assignment: Int32Array): void {
  expect(assignment.length).toBe(c.rows);
  const used = new Set<number>();
  for (const j of assignment) {
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(c.cols);
    used.add(j);
  }
  expect(used.size).toBe(c.rows);
}

/** Exhaustive search over injective maps rows → cols: the oracle for small problems. */
function bruteForce(c: DenseMatrix, maximize: boolean): number {
  let best = maximize ? -Infinity : Infinity;
  const used = new Uint8Array(c.cols);
  const go = (i: number, acc: number): void => {
    if (i === c.rows) {
      best = maximize ? Math.max(best, acc) : Math.min(best, acc);
      return;
    }
    for (let j = 0; j < c.cols; j++) {
      if (used[j]) continue;
      used[j] = 1;
      go(i + 1, acc + c.data[i * c.cols + j]);
      used[j] = 0;
    }
  };
  go(0, 0);
  return best;
}

/**
 * Independent O(n³) Hungarian algorithm (Kuhn–Munkres with potentials, the e-maxx formulation, 1-based)
 * for square minimisation: a second opinion at sizes brute force cannot reach.
 */
function hungarianCost(c: DenseMatrix): number {
  const n = c.rows;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = c.data[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let s = 0;
  for (let j = 1; j <= n; j++) s += c.data[(p[j] - 1) * n + (j - 1)];
  return s;
}

describe('linearSumAssignment', () => {
  it('is optimal against brute force for every n ≤ 8 (random costs, min and max)', () => {
    for (let n = 1; n <= 8; n++) {
      for (const maximize of [false, true]) {
        const c = uniformCost(n, n, 100 + n);
        const a = linearSumAssignment(c, { maximize });
        expectValidAssignment(c, a);
        expect(total(c, a)).toBeCloseTo(bruteForce(c, maximize), 12);
      }
    }
  });

  it('is optimal with many ties (integer costs in {0, 1, 2})', () => {
    for (let n = 2; n <= 8; n++) {
      for (const maximize of [false, true]) {
        const c = uniformCost(n, n, 200 + n, 3);
        const a = linearSumAssignment(c, { maximize });
        expectValidAssignment(c, a);
        expect(total(c, a)).toBe(bruteForce(c, maximize));
      }
    }
    const zeros = { rows: 5, cols: 5, data: new Float64Array(25) };
    expectValidAssignment(zeros, linearSumAssignment(zeros));
  });

  it('is optimal on rectangular problems (rows < cols) against brute force', () => {
    for (const [r, c] of [[1, 5], [3, 7], [4, 8], [6, 8]]) {
      for (const maximize of [false, true]) {
        const cost = uniformCost(r, c, r * 10 + c);
        const a = linearSumAssignment(cost, { maximize });
        expectValidAssignment(cost, a);
        expect(total(cost, a)).toBeCloseTo(bruteForce(cost, maximize), 12);
      }
    }
  });

  it('equals the cost of an independent Hungarian algorithm at n = 500, and its maximisation mirror', () => {
    const n = 500;
    const c = uniformCost(n, n, 77);
    const a = linearSumAssignment(c);
    expectValidAssignment(c, a);
    const ref = hungarianCost(c);
    expect(Math.abs(total(c, a) - ref)).toBeLessThan(1e-9);
    // max Σ c = −min Σ (−c)
    const neg = { rows: n, cols: n, data: c.data.map((x) => -x) };
    const b = linearSumAssignment(neg, { maximize: true });
    expect(Math.abs(total(neg, b) + ref)).toBeLessThan(1e-9);
  });

  it('handles negative costs and an empty problem', () => {
    const c = { rows: 2, cols: 3, data: Float64Array.of(-5, 0, 1, -4, -6, 2) };
    expect(Array.from(linearSumAssignment(c))).toEqual([0, 1]);
    expect(linearSumAssignment({ rows: 0, cols: 3, data: new Float64Array(0) }).length).toBe(0);
  });

  it('refuses more rows than columns and non-finite costs', () => {
    expect(() => linearSumAssignment(uniformCost(3, 2, 1))).toThrow('linearSumAssignment: cost must have rows ≤ cols, got 3×2 (pass the transpose)');
    const c = uniformCost(2, 2, 1);
    c.data[3] = -Infinity;
    expect(() => linearSumAssignment(c)).toThrow('linearSumAssignment: cost contains -Infinity at (1, 1); inputs must be finite');
  });
});

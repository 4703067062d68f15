import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/Rng.js';
import { eigh, initLinalg } from './index.js';
import { secularRoots } from './secularRoots.js';
import { type ElementOperand, tridiagonalDivideConquer } from './tridiagonalDivideConquer.js';

const EPS = 2 ** -52;

/** Workspace on a plain Float64Array with a textbook GEMM: tests the algorithm apart from the WASM kernels. */
function plainWorkspace(n: number) {
  const F = new Float64Array(3 * n * n + 1);
  return {
    F,
    ws: {
      memory: () => F,
      s: 0,
      ld: n,
      qc: n * n,
      u: 2 * n * n,
      gemm(m: number, nn: number, k: number, a: ElementOperand, b: ElementOperand, c: number, ldc: number) {
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < nn; j++) {
            let s = 0;
            for (let p = 0; p < k; p++) s += F[a.off + i * a.rs + p * a.cs] * F[b.off + p * b.rs + j * b.cs];
            F[c + i * ldc + j] = s;
          }
        }
      },
    },
  };
}

/** max_j ‖T s_j − λ_j s_j‖ / ‖T‖ and max |SᵀS − I|, with T given by (d, e). */
function check(d0: Float64Array, e0: Float64Array, values: Float64Array, S: Float64Array): { residual: number; orthogonality: number } {
  const n = d0.length;
  let tNorm = 0;
  for (let i = 0; i < n; i++) tNorm = Math.max(tNorm, Math.abs(d0[i]) + (i > 0 ? Math.abs(e0[i - 1]) : 0) + (i < n - 1 ? Math.abs(e0[i]) : 0));
  let residual = 0;
  for (let j = 0; j < n; j++) {
    let r2 = 0;
    for (let i = 0; i < n; i++) {
      let ts = d0[i] * S[i + j * n];
      if (i > 0) ts += e0[i - 1] * S[i - 1 + j * n];
      if (i < n - 1) ts += e0[i] * S[i + 1 + j * n];
      r2 += (ts - values[j] * S[i + j * n]) ** 2;
    }
    residual = Math.max(residual, Math.sqrt(r2) / Math.max(tNorm, Number.MIN_VALUE));
  }
  let orthogonality = 0;
  for (let j = 0; j < n; j++) {
    for (let k = 0; k <= j; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += S[i + j * n] * S[i + k * n];
      orthogonality = Math.max(orthogonality, Math.abs(s - (j === k ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

function solve(d0: Float64Array, e0: Float64Array) {
  const n = d0.length;
  const { F, ws } = plainWorkspace(n);
  const d = Float64Array.from(d0);
  const e = Float64Array.from(e0);
  tridiagonalDivideConquer(n, d, e, ws);
  const S = F.slice(0, n * n);
  return { values: d, S, ...check(d0, e0, d, S) };
}

/** Sturm count: the number of eigenvalues of T below x (exact up to rounding, independent of D&C). */
function countBelow(d: Float64Array, e: Float64Array, x: number): number {
  let count = 0;
  let q = 1;
  for (let i = 0; i < d.length; i++) {
    const e2 = i > 0 ? e[i - 1] * e[i - 1] : 0;
    q = d[i] - x - (i > 0 ? e2 / (q === 0 ? EPS * (Math.abs(e[i - 1]) + EPS) : q) : 0);
    if (q < 0) count++;
  }
  return count;
}

beforeAll(async () => {
  await initLinalg();
});

describe('secularRoots', () => {
  it('solves the 2×2 case D + ρwwᵀ exactly (hand-computed quadratic)', () => {
    // D = diag(0, 1), w = (0.6, 0.8), ρ = 2: the matrix [[0.72, 0.96], [0.96, 2.28]], λ = 1.5 ± √(0.78² + 0.96²).
    const org = new Int32Array(2);
    const tau = new Float64Array(2);
    secularRoots(2, [0, 1], [0.6, 0.8], 2, org, tau);
    const lam = [0, 1].map((i) => [0, 1][org[i]] + tau[i]);
    const r = Math.hypot(0.78, 0.96);
    expect(lam[0]).toBeCloseTo(1.5 - r, 14);
    expect(lam[1]).toBeCloseTo(1.5 + r, 14);
  });

  it('interlaces the roots with the poles and zeroes f at each to rounding level (K = 300, clustered poles)', () => {
    const K = 300;
    const rng = new Rng(5);
    const d = Float64Array.from({ length: K }, (_, i) => i / K + (i % 10 === 0 ? 1e-9 : 0) + 1e-3 * rng.uniform());
    d.sort();
    const w = Float64Array.from({ length: K }, () => rng.normal());
    let norm = 0;
    for (const x of w) norm += x * x;
    for (let i = 0; i < K; i++) w[i] /= Math.sqrt(norm);
    const org = new Int32Array(K);
    const tau = new Float64Array(K);
    secularRoots(K, d, w, 0.7, org, tau);
    let sumRoots = 0;
    let sumPoles = 0;
    for (let i = 0; i < K; i++) {
      const lam = d[org[i]] + tau[i];
      expect(lam).toBeGreaterThanOrEqual(d[i]);
      if (i < K - 1) expect(lam).toBeLessThanOrEqual(d[i + 1]);
      // f(λ) relative to the size of its terms.
      let f = 1 / 0.7;
      let size = 1 / 0.7;
      for (let j = 0; j < K; j++) {
        const t = (w[j] * w[j]) / (d[j] - d[org[i]] - tau[i]);
        f += t;
        size += Math.abs(t);
      }
      expect(Math.abs(f) / size).toBeLessThan(1e-12);
      sumRoots += lam;
      sumPoles += d[i];
    }
    // trace(D + ρwwᵀ) = Σd + ρ‖w‖².
    expect(Math.abs(sumRoots - sumPoles - 0.7)).toBeLessThan(1e-11);
  });
});

describe('tridiagonalDivideConquer', () => {
  it('solves a random tridiagonal matrix (n = 300) to residual and orthogonality ≤ 1e-14, values matching Sturm counts', () => {
    const n = 300;
    const rng = new Rng(11);
    const d0 = Float64Array.from({ length: n }, () => rng.normal());
    const e0 = Float64Array.from({ length: n - 1 }, () => rng.normal());
    const r = solve(d0, e0);
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.orthogonality).toBeLessThan(1e-13);
    const sorted = Float64Array.from(r.values).sort();
    for (const k of [0, 7, 150, 299]) {
      expect(countBelow(d0, e0, sorted[k] - 1e-9)).toBe(k);
      expect(countBelow(d0, e0, sorted[k] + 1e-9)).toBe(k + 1);
    }
  });

  it('deflates glued Wilkinson matrices (pairs equal to 1e-14, many deflations) without losing orthogonality', () => {
    // Five copies of W21+ glued by off-diagonal 1e-10: LAPACK's hard case for D&C deflation.
    const m = 21;
    const copies = 5;
    const n = m * copies;
    const d0 = new Float64Array(n);
    const e0 = new Float64Array(n - 1);
    for (let c = 0; c < copies; c++) {
      for (let i = 0; i < m; i++) {
        d0[c * m + i] = Math.abs(10 - i);
        if (i < m - 1) e0[c * m + i] = 1;
      }
      if (c < copies - 1) e0[c * m + m - 1] = 1e-10;
    }
    const r = solve(d0, e0);
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.orthogonality).toBeLessThan(1e-13);
  });

  it('handles repeated diagonals across the tear (1-2-1 Toeplitz, n = 200): λ_k = 2 − 2cos(kπ/(n+1))', () => {
    const n = 200;
    const r = solve(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.orthogonality).toBeLessThan(1e-13);
    const sorted = Float64Array.from(r.values).sort();
    for (let k = 1; k <= n; k++) expect(Math.abs(sorted[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-14);
  });

  it('splits at zero off-diagonals and keeps graded scales (entries from 1e-8 to 1)', () => {
    const n = 130;
    const rng = new Rng(3);
    const d0 = Float64Array.from({ length: n }, (_, i) => 10 ** (-8 * (i / n)) * (1 + rng.uniform()));
    const e0 = Float64Array.from({ length: n - 1 }, (_, i) => (i % 40 === 39 ? 0 : 0.3 * 10 ** (-8 * (i / n))));
    const r = solve(d0, e0);
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.orthogonality).toBeLessThan(1e-13);
    // Blocks split at zeros are solved independently: vectors of the first block vanish on the rest.
    const sorted = [...r.values.keys()].sort((a, b) => r.values[a] - r.values[b]);
    expect(countBelow(d0, e0, r.values[sorted[64]] * (1 + 1e-12))).toBeGreaterThanOrEqual(65);
  });

  it('returns the identity for T = 0 and the diagonal for e = 0', () => {
    const zero = solve(new Float64Array(40), new Float64Array(39));
    expect(zero.orthogonality).toBe(0);
    const diag = solve(Float64Array.from({ length: 40 }, (_, i) => (i * 7) % 13), new Float64Array(39));
    expect(diag.residual).toBe(0);
    expect(diag.orthogonality).toBe(0);
  });
});

describe('tridiagonalDivideConquer on nine families of hard tridiagonals', () => {
  // Families chosen to hit every branch of the merge: graded scales, clusters at 1e-12, glued Wilkinson
  // blocks, negligible couplings (splits), integer and repeated entries (exact ties across the tear),
  // 40 orders of magnitude in one matrix, and one dominant entry. Residual and orthogonality bounds are
  // the backward-stability level (a few ulps times n); 270 random cases of sizes 33–283 stayed below
  // 3.8e-15 and 1.1e-14.
  const families: Record<string, (rng: Rng, i: number, n: number) => [number, number]> = {
    random: (r) => [r.normal(), r.normal()],
    graded: (r, i, n) => [10 ** ((-12 * i) / n) * r.normal(), 10 ** ((-12 * i) / n) * r.normal()],
    clustered: (r) => [1 + 1e-12 * r.normal(), 1e-10 * r.normal()],
    glued: (_r, i) => [Math.abs(10 - (i % 21)), i % 21 === 20 ? 1e-8 : 1],
    tinyCoupling: (r) => [r.normal(), 1e-15 * r.normal()],
    integer: (r) => [r.int(5), r.int(3)],
    repeated: (r) => [2, r.uniform() < 0.5 ? 1 : 0],
    hugeRange: (r) => [r.normal() * 10 ** (r.int(40) - 20), r.normal() * 10 ** (r.int(40) - 20)],
    oneBig: (r, i) => [i === 7 ? 1e8 : r.normal(), r.normal()],
  };
  for (const [name, entry] of Object.entries(families)) {
    it(`${name}: residual < 1e-14 and orthogonality < 1e-13 at n = 40, 97, 150`, () => {
      const rng = new Rng(name.length * 31);
      for (const n of [40, 97, 150]) {
        const d0 = new Float64Array(n);
        const e0 = new Float64Array(n - 1);
        for (let i = 0; i < n; i++) {
          const [di, ei] = entry(rng, i, n);
          d0[i] = di;
          if (i < n - 1) e0[i] = ei;
        }
        const r = solve(d0, e0);
        expect(r.residual).toBeLessThan(1e-14);
        expect(r.orthogonality).toBeLessThan(1e-13);
      }
    });
  }
});

describe('eigh with divide and conquer (WASM GEMM in the merges)', () => {
  it('keeps 1e-12·n residual and orthogonality at n = 1000, and works at scales 1e±300', () => {
    for (const [n, scale] of [[1000, 1], [200, 1e-300], [200, 1e300]] as const) {
      const rng = new Rng(17);
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = (scale * rng.normal()) / Math.sqrt(n);
      const { values, vectors } = eigh({ rows: n, cols: n, data });
      let aNorm = 0;
      for (const x of data) aNorm += (x / scale) ** 2;
      aNorm = Math.sqrt(aNorm);
      let r2 = 0;
      let o2 = 0;
      // Scaled residual ‖(A/s)V − V(Λ/s)‖_F, and ‖VᵀV − I‖_F on a sample of columns (all at n = 200).
      const cols = n > 200 ? Array.from({ length: 50 }, (_, k) => (k * 997) % n) : Array.from({ length: n }, (_, k) => k);
      for (const j of cols) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let p = 0; p < n; p++) s += (data[i * n + p] / scale) * vectors.data[p * n + j];
          r2 += (s - (values[j] / scale) * vectors.data[i * n + j]) ** 2;
        }
        for (const k of cols) {
          let s = 0;
          for (let p = 0; p < n; p++) s += vectors.data[p * n + j] * vectors.data[p * n + k];
          o2 += (s - (j === k ? 1 : 0)) ** 2;
        }
      }
      expect(Math.sqrt(r2) / aNorm).toBeLessThan(1e-12 * n);
      expect(Math.sqrt(o2)).toBeLessThan(1e-12 * n);
      expect(Math.sqrt(r2) / aNorm).toBeLessThan(1e-13);
    }
  });
});

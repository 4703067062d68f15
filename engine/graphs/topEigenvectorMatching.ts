import type { DenseMatrix } from '../linalg/index.js';
import { edgeAgreement } from './edgeAgreement.js';
import type { Eigensystem } from './grampaSimilarity.js';

/**
 * Top-eigenvector baseline (MATH.md §9.5; the idea behind IsoRank/EigenAlign): match the rank order of
 * the entries of A's leading eigenvector u₁ to the rank order of B's v₁, and separately to that of −v₁
 * (eigenvector signs are arbitrary); keep the sign with the larger edge agreement Σ Ā_ij B̄_{π(i)π(j)}
 * on the centred graphs.
 *
 * Also returns a score matrix for per-vertex confidence: −|u₁(i) − s·v₁(j)| with the chosen sign s,
 * whose row maximum is (nearly always) the vertex the sort picked.
 */
export function topEigenvectorMatching(
  aBar: Float64Array,
  bBar: Float64Array,
  eigA: Eigensystem,
  eigB: Eigensystem,
): { matching: Int32Array; sign: 1 | -1; score: () => DenseMatrix } {
  const n = eigA.values.length;
  const top = n - 1; // eigh sorts ascending
  const u = column(eigA.vectors, top);
  const v = column(eigB.vectors, top);
  const orderU = argsort(u);
  const candidates = ([1, -1] as const).map((sign) => {
    const orderV = argsort(sign === 1 ? v : v.map((x) => -x));
    const m = new Int32Array(n);
    for (let r = 0; r < n; r++) m[orderU[r]] = orderV[r];
    return { sign, matching: m, agreement: edgeAgreement(aBar, bBar, n, m) };
  });
  const best = candidates[0].agreement >= candidates[1].agreement ? candidates[0] : candidates[1];
  return {
    matching: best.matching,
    sign: best.sign,
    score: () => {
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = -Math.abs(u[i] - best.sign * v[j]);
      return { rows: n, cols: n, data };
    },
  };
}

function column(m: DenseMatrix, k: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + k];
  return out;
}

/** Indices sorting x ascending; ties by index, so the order is deterministic. */
function argsort(x: Float64Array): Int32Array {
  const idx = Array.from({ length: x.length }, (_, i) => i);
  idx.sort((p, q) => x[p] - x[q] || p - q);
  return Int32Array.from(idx);
}

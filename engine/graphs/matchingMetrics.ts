import type { GraphPair } from './GraphPair.js';
import { edgeAgreement } from './edgeAgreement.js';

export interface MatchingMetrics {
  /** (1/#known) · #{i : m[i] = truth[i]} over vertices with a known partner (MATH.md §9.6); null without truth. */
  recovered: number | null;
  /**
   * Σ A_ij B_{m(i)m(j)} / (‖A‖_F ‖B‖_F) on the graphs as given (not centred): the cosine between A and
   * the matched B, so 1 means a perfect overlay; for two 0/1 graphs with equally many edges it is the
   * fraction of A's edges that the matching maps onto edges of B.
   */
  edgeAgreement: number;
  /** ‖A − Πᵀ B Π‖²_F = Σ_ij (A_ij − B_{m(i)m(j)})² on the graphs as given: twice the differing edges for 0/1 graphs. */
  objective: number;
}

export function matchingMetrics(pair: GraphPair, m: Int32Array): MatchingMetrics {
  const { n, a, b, truth } = pair;
  let recovered: number | null = null;
  if (truth) {
    let known = 0;
    let hit = 0;
    for (let i = 0; i < n; i++) {
      if (truth[i] < 0) continue;
      known++;
      if (m[i] === truth[i]) hit++;
    }
    recovered = known ? hit / known : null;
  }
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  const ab = edgeAgreement(a, b, n, m);
  const denom = Math.sqrt(aa * bb);
  return { recovered, edgeAgreement: denom > 0 ? ab / denom : 0, objective: Math.max(0, aa + bb - 2 * ab) };
}

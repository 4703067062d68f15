/**
 * The matching of an imported graph pair as CSV: one row per vertex of A, and for each method the
 * vertex of B it is matched to and the confidence (best minus second-best similarity in that row).
 * Vertex numbers are 0-based, as in the run's arrays.
 */
export function matchingCsv(n: number, matchings: Record<string, { matching: ArrayLike<number>; confidence: ArrayLike<number> }>): string {
  const methods = Object.keys(matchings);
  const lines = [['vertex_a', ...methods.flatMap((m) => [`${m}_vertex_b`, `${m}_confidence`])].join(',')];
  for (let i = 0; i < n; i++) {
    const cells = [String(i)];
    for (const m of methods) cells.push(String(matchings[m].matching[i]), String(matchings[m].confidence[i]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * Per-row confidence of a matching read off its similarity matrix: best minus second-best entry of
 * row i (0 when the row has a tie at the top). A small margin means vertex i of A has two nearly
 * equally good partners in B.
 */
export function rowMargins(similarity: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    let second = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = similarity[i * n + j];
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) second = v;
    }
    out[i] = n > 1 ? best - second : 0;
  }
  return out;
}

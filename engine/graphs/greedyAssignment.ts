/**
 * Greedy rounding (MATH.md §9.4(b)): visit all n² entries of the similarity in decreasing order and
 * accept (i, j) whenever row i and column j are both still free. O(n² log n); a permutation always
 * results. Ties are broken by the smaller flat index, so the result is deterministic.
 */
export function greedyAssignment(similarity: Float64Array, n: number): Int32Array {
  const order = new Uint32Array(n * n);
  for (let k = 0; k < order.length; k++) order[k] = k;
  // NaN never appears here (inputs are finite); sort by value descending, then index ascending.
  order.sort((x, y) => similarity[y] - similarity[x] || x - y);
  const match = new Int32Array(n).fill(-1);
  const colUsed = new Uint8Array(n);
  let left = n;
  for (let t = 0; t < order.length && left > 0; t++) {
    const k = order[t];
    const i = (k / n) | 0;
    const j = k - i * n;
    if (match[i] < 0 && !colUsed[j]) {
      match[i] = j;
      colUsed[j] = 1;
      left--;
    }
  }
  return match;
}

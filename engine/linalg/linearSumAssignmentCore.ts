/**
 * Rectangular linear assignment by shortest augmenting paths: the Jonker–Volgenant family as
 * formulated by Crouse (IEEE TAES 2016, "On implementing 2D rectangular assignment algorithms"),
 * which is what scipy.optimize.linear_sum_assignment runs. One Dijkstra-like search per row over
 * reduced costs c[i][j] − u[i] − v[j] ≥ 0, then dual updates keep complementary slackness, so the
 * result is optimal after `rows` augmentations: O(rows² · cols) worst case, far less on random costs.
 *
 * `cost` is row-major rows×cols with rows ≤ cols, finite; `sign` = −1 turns maximisation into
 * minimisation without copying the matrix.
 */
export function linearSumAssignmentCore(rows: number, cols: number, cost: Float64Array, sign: 1 | -1): Int32Array {
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);
  const shortest = new Float64Array(cols);
  const path = new Int32Array(cols).fill(-1);
  const col4row = new Int32Array(rows).fill(-1);
  const row4col = new Int32Array(cols).fill(-1);
  const remaining = new Int32Array(cols);
  // Visited rows/columns (Crouse's sets SR, SC) are kept as lists so that the dual update costs
  // O(visited), not O(rows + cols), per augmentation.
  const visitedRows = new Int32Array(rows);
  const visitedCols = new Int32Array(cols);

  if (rows === cols) {
    // Column reduction (Jonker & Volgenant 1987, step 1): v_j = min_i c_ij keeps every reduced cost ≥ 0,
    // and each column's minimising row, if still free, is matched on a tight edge. On random costs this
    // settles ~63% of rows before any search. Square only: with rows < cols an unmatched column needs
    // v_j ≤ 0 for optimality, which Crouse's v = 0 start guarantees and this would not.
    v.fill(Infinity);
    const arg = new Int32Array(cols);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        const x = sign * cost[off + j];
        if (x < v[j]) {
          v[j] = x;
          arg[j] = i;
        }
      }
    }
    for (let j = cols - 1; j >= 0; j--) {
      const i = arg[j];
      if (col4row[i] === -1) {
        col4row[i] = j;
        row4col[j] = i;
      }
    }
  }

  for (let curRow = 0; curRow < rows; curRow++) {
    if (col4row[curRow] !== -1) continue;
    let minVal = 0;
    let nRemaining = cols;
    // Scanning columns from the end mirrors scipy's order, so ties resolve the same way.
    for (let it = 0; it < cols; it++) remaining[it] = cols - it - 1;
    shortest.fill(Infinity);
    let nSR = 0;
    let nSC = 0;
    let sink = -1;
    let i = curRow;
    while (sink === -1) {
      visitedRows[nSR++] = i;
      let index = -1;
      let lowest = Infinity;
      const base = minVal - u[i];
      const off = i * cols;
      for (let it = 0; it < nRemaining; it++) {
        const j = remaining[it];
        const r = base + sign * cost[off + j] - v[j];
        let s = shortest[j];
        if (r < s) {
          path[j] = i;
          shortest[j] = r;
          s = r;
        }
        // Prefer an unassigned column on ties: it ends the search one step earlier.
        if (s < lowest || (s === lowest && row4col[j] === -1)) {
          lowest = s;
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) throw new Error('linearSumAssignment: cost matrix is infeasible');
      const j = remaining[index];
      if (row4col[j] === -1) sink = j;
      else i = row4col[j];
      visitedCols[nSC++] = j;
      remaining[index] = remaining[--nRemaining];
    }
    // Dual update (Crouse eq. 13–14): keeps reduced costs non-negative and zero on the matching.
    u[curRow] += minVal;
    for (let t = 0; t < nSR; t++) {
      const r = visitedRows[t];
      if (r !== curRow) u[r] += minVal - shortest[col4row[r]];
    }
    for (let t = 0; t < nSC; t++) {
      const c = visitedCols[t];
      v[c] -= minVal - shortest[c];
    }
    // Augment along the alternating path back to curRow.
    let j = sink;
    for (;;) {
      const r = path[j];
      row4col[j] = r;
      const prev = col4row[r];
      col4row[r] = j;
      j = prev;
      if (r === curRow) break;
    }
  }
  return col4row;
}

/**
 * A data matrix brought in by the user (.npy / .csv through the importer, or inline in the parameters),
 * checked and turned into the network input X_0 ∈ ℝ^{d_0×n} (columns = samples, MATH.md §2.1).
 *
 * Preprocessing, in this order (each optional, all recommended by §2.1 for real data):
 *  1. centre: subtract the mean sample, so that the Gram has no spike along 1/√n from the data mean;
 *  2. remove the top-k principal components: X ← X − X V Vᵀ with V the top-k eigenvectors of XᵀX
 *     (after centring), which strips the strongest low-rank structure;
 *  3. unit norm: rescale every column to ‖x_i‖ = 1, the normalisation the Fan–Wang theory assumes.
 *     Without it the whole matrix is scaled once so that the mean squared column norm is 1 (tr XᵀX = n),
 *     so that pre-activations have unit variance on average and σ̃ stays normalised.
 */
import { eigTopK, gram, type DenseMatrix } from '../linalg/index.js';

export type MatrixOrientation = 'samples-as-rows' | 'samples-as-columns';

export interface ImportedMatrix {
  type: 'matrix';
  rows: number;
  cols: number;
  /** Row-major rows × cols. */
  data: ArrayLike<number>;
  orientation: MatrixOrientation;
  centre: boolean;
  unitNorm: boolean;
  removeTopPCs: number;
}

export interface MatrixIssue {
  /** Field under the matrix parameter ("data", "rows", …); "" for the whole matrix. */
  path: string;
  message: string;
}

/** Samples and features of a matrix in its declared orientation. */
export function matrixShape(m: Pick<ImportedMatrix, 'rows' | 'cols' | 'orientation'>): { samples: number; features: number } {
  return m.orientation === 'samples-as-rows' ? { samples: m.rows, features: m.cols } : { samples: m.cols, features: m.rows };
}

/** Every problem of an imported matrix, with a message naming it; [] when it can be used. */
export function matrixIssues(m: ImportedMatrix): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  const { rows, cols, data } = m;
  if (!Number.isInteger(rows) || rows < 1) issues.push({ path: 'rows', message: `the matrix must have a whole, positive number of rows, got ${rows}` });
  if (!Number.isInteger(cols) || cols < 1) issues.push({ path: 'cols', message: `the matrix must have a whole, positive number of columns, got ${cols}` });
  if (issues.length > 0) return issues;
  if (!data || typeof data.length !== 'number') return [{ path: 'data', message: 'the matrix has no data array' }];
  if (data.length !== rows * cols) {
    issues.push({
      path: 'data',
      message: `not a ${rows}×${cols} matrix: ${data.length} values given, ${rows * cols} expected (rows × cols, row-major)`,
    });
    return issues;
  }
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const r = Math.floor(k / cols);
      const c = k % cols;
      issues.push({ path: 'data', message: `the matrix has ${Number.isNaN(v) ? 'NaN' : String(v)} at row ${r + 1}, column ${c + 1}; every entry must be a finite number` });
      break;
    }
  }
  const { samples, features } = matrixShape(m);
  if (samples < 2) {
    issues.push({
      path: 'orientation',
      message: `with orientation "${m.orientation}" the ${rows}×${cols} matrix has ${samples} sample(s); at least 2 are needed — is the orientation wrong?`,
    });
  }
  if (!Number.isInteger(m.removeTopPCs) || m.removeTopPCs < 0) {
    issues.push({ path: 'removeTopPCs', message: `removeTopPCs must be a whole number ≥ 0, got ${m.removeTopPCs}` });
  } else if (samples >= 2 && m.removeTopPCs >= Math.min(samples, features)) {
    issues.push({
      path: 'removeTopPCs',
      message: `cannot remove ${m.removeTopPCs} principal components from ${samples} samples of dimension ${features}: at most ${Math.min(samples, features) - 1}`,
    });
  }
  return issues;
}

export interface PreparedInput {
  /** X_0, d_0×n row-major. */
  x: DenseMatrix;
  /** Global factor applied when unitNorm is off (1 otherwise). */
  scale: number;
  /** Eigenvalues of the removed principal directions of XᵀX (after centring, before scaling), descending. */
  removedPcs: number[];
}

/** Validates and preprocesses; throws a RangeError naming the first problem. */
export function prepareImportedMatrix(m: ImportedMatrix): PreparedInput {
  const issues = matrixIssues(m);
  if (issues.length > 0) throw new RangeError(`imported matrix: ${issues[0].path ? issues[0].path + ': ' : ''}${issues[0].message}`);
  const { samples: n, features: d } = matrixShape(m);
  // Orient to features × samples.
  const x = new Float64Array(d * n);
  if (m.orientation === 'samples-as-columns') {
    for (let k = 0; k < d * n; k++) x[k] = m.data[k];
  } else {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[j * n + i] = m.data[i * d + j];
  }
  if (m.centre) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[j * n + i];
      s /= n;
      for (let i = 0; i < n; i++) x[j * n + i] -= s;
    }
  }
  const removedPcs: number[] = [];
  if (m.removeTopPCs > 0) {
    const k = m.removeTopPCs;
    const top = eigTopK(gram({ rows: d, cols: n, data: x }), k);
    for (let c = 0; c < k; c++) {
      removedPcs.push(top.values[c]);
      // x ← x − (x v) vᵀ for the sample-space eigenvector v (column c of the n×k result).
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = top.vectors.data[i * k + c];
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += x[j * n + i] * v[i];
        for (let i = 0; i < n; i++) x[j * n + i] -= s * v[i];
      }
    }
  }
  let scale = 1;
  if (m.unitNorm) {
    const norms = new Float64Array(n);
    for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) norms[i] += x[j * n + i] ** 2;
    for (let i = 0; i < n; i++) {
      if (!(norms[i] > 0)) throw new RangeError(`imported matrix: sample ${i + 1} is zero after preprocessing and cannot be scaled to unit norm`);
      norms[i] = 1 / Math.sqrt(norms[i]);
    }
    for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) x[j * n + i] *= norms[i];
  } else {
    let total = 0;
    for (let k = 0; k < x.length; k++) total += x[k] * x[k];
    if (!(total > 0)) throw new RangeError('imported matrix: the data is zero after preprocessing');
    scale = Math.sqrt(n / total);
    for (let k = 0; k < x.length; k++) x[k] *= scale;
  }
  return { x: { rows: d, cols: n, data: x }, scale, removedPcs };
}

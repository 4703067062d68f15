import { beforeAll, describe, expect, it } from 'vitest';
import { eigvalsh, initLinalg, type DenseMatrix } from '../linalg/index.js';
import { Rng } from '../random/Rng.js';
import { normalisedActivation } from '../rmt/activations.js';
import { forwardPass } from './networkForward.js';
import { ntkByJacobian } from './ntkByJacobian.js';
import { gaussianInput, gaussianMixtureInput } from './syntheticInput.js';
import { matrixIssues, prepareImportedMatrix, type ImportedMatrix } from './importedMatrix.js';
import { MatrixParseError, parseNpy } from './parseNpy.js';
import { parseCsv } from './parseCsv.js';
import { Base64Error, decodeBase64, encodeBase64 } from './base64.js';

beforeAll(() => initLinalg());

/** f(x_i) = vᵀσ̃(W_L … σ̃(W_1 x_i)/√d_1 …)/√d_L, written out per sample with plain loops. */
function outputs(ws: DenseMatrix[], v: Float64Array, x: DenseMatrix, f: (t: number) => number): Float64Array {
  const n = x.cols;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let a = Array.from({ length: x.rows }, (_, j) => x.data[j * n + i]);
    for (const w of ws) {
      const next: number[] = [];
      for (let r = 0; r < w.rows; r++) {
        let h = 0;
        for (let c = 0; c < w.cols; c++) h += w.data[r * w.cols + c] * a[c];
        next.push(f(h) / Math.sqrt(w.rows));
      }
      a = next;
    }
    out[i] = a.reduce((s, t, k) => s + t * v[k], 0);
  }
  return out;
}

/** The n × P Jacobian of the outputs in (W_1, …, W_L, v) by central differences, and JJᵀ. */
function finiteDifferenceNtk(ws: DenseMatrix[], v: Float64Array, x: DenseMatrix, f: (t: number) => number, h = 1e-5): Float64Array {
  const n = x.cols;
  const params: Float64Array[] = [...ws.map((w) => w.data), v];
  const columns: Float64Array[] = [];
  for (const p of params) {
    for (let k = 0; k < p.length; k++) {
      const save = p[k];
      p[k] = save + h;
      const up = outputs(ws, v, x, f);
      p[k] = save - h;
      const down = outputs(ws, v, x, f);
      p[k] = save;
      columns.push(up.map((u, i) => (u - down[i]) / (2 * h)));
    }
  }
  const ntk = new Float64Array(n * n);
  for (const col of columns) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ntk[i * n + j] += col[i] * col[j];
  return ntk;
}

describe('network forward pass and NTK (engine/nn)', () => {
  it('the Jacobian-form NTK equals JJᵀ of a finite-difference Jacobian on a tiny tanh network (n = 5, widths 3, 4) to 1e-8', () => {
    const rng = new Rng(11);
    const x = gaussianInput(6, 5, rng.fork('x'));
    const act = normalisedActivation('tanh');
    const fw = forwardPass(x, [3, 4], act, rng, { keepForNtk: true });
    const v = Float64Array.from({ length: 4 }, () => rng.normal());
    const { ntk } = ntkByJacobian(fw, v);
    const ref = finiteDifferenceNtk(fw.weights!, v, x, act.f);
    let err = 0;
    for (let i = 0; i < 25; i++) err = Math.max(err, Math.abs(ntk.data[i] - ref[i]));
    expect(err).toBeLessThan(1e-8);
    // the v-part alone is the last CK
    expect(Math.abs(ntk.data[0] - fw.grams[2]!.data[0])).toBeGreaterThan(1e-3);
  });

  it('the Jacobian-form NTK equals the finite-difference JJᵀ for sin and a depth-3 network (widths 4, 3, 5) to 1e-8', () => {
    const rng = new Rng(12);
    const x = gaussianInput(3, 5, rng.fork('x'));
    const act = normalisedActivation('sin');
    const fw = forwardPass(x, [4, 3, 5], act, rng, { keepForNtk: true });
    const v = Float64Array.from({ length: 5 }, () => rng.normal());
    const { ntk } = ntkByJacobian(fw, v);
    const ref = finiteDifferenceNtk(fw.weights!, v, x, act.f);
    for (let i = 0; i < 25; i++) expect(Math.abs(ntk.data[i] - ref[i])).toBeLessThan(1e-8);
  });

  it('the last layer of the forward pass is the network written out sample by sample (1e-12)', () => {
    const rng = new Rng(3);
    const x = gaussianInput(7, 6, rng.fork('x'));
    const act = normalisedActivation('relu');
    const fw = forwardPass(x, [5, 4], act, rng, { keepForNtk: true });
    const xl = fw.activations![2];
    // Each readout e_k recovers row k of X_L.
    for (let k = 0; k < 4; k++) {
      const e = new Float64Array(4);
      e[k] = 1;
      const row = outputs(fw.weights!, e, x, act.f);
      for (let i = 0; i < 6; i++) expect(Math.abs(row[i] - xl.data[k * 6 + i])).toBeLessThan(1e-12);
    }
  });

  it('a float32 forward pass draws the same weights and gives CK eigenvalues within 1e-4 relative of float64', () => {
    const x = gaussianInput(300, 200, new Rng(5));
    const act = normalisedActivation('tanh');
    const a = forwardPass(x, [400, 300], act, new Rng(6));
    const b = forwardPass(x, [400, 300], act, new Rng(6), { precision: 'float32' });
    const ea = eigvalsh(a.grams[2]!);
    const eb = eigvalsh(b.grams[2]!);
    for (let i = 0; i < 200; i++) expect(Math.abs(ea[i] - eb[i])).toBeLessThan(1e-4 * ea[199]);
  });

  it('Gaussian input has unit mean squared column norm; a two-class mixture adds a class-mean spike of strength ≈ θ', () => {
    const x = gaussianInput(400, 300, new Rng(1));
    let s = 0;
    for (const v of x.data) s += v * v;
    expect(Math.abs(s / 300 - 1)).toBeLessThan(0.01);
    const m = gaussianMixtureInput(400, 300, 2, 9, new Rng(2));
    expect(m.labels[0]).toBe(0);
    expect(m.labels[1]).toBe(1);
    // Outlier of XᵀX for θ = 9 > √γ₀: (1 + θ)(1 + γ₀/θ) (MATH.md §5.2) ≈ 10.8, with ±1 for two random means.
    const top = eigvalsh({ rows: 300, cols: 300, data: gramOf(m.x) });
    expect(top[299]).toBeGreaterThan(6);
  });
});

function gramOf(x: DenseMatrix): Float64Array {
  const { rows, cols, data } = x;
  const g = new Float64Array(cols * cols);
  for (let k = 0; k < rows; k++) for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) g[i * cols + j] += data[k * cols + i] * data[k * cols + j];
  return g;
}

function npyBytes(descr: string, shape: number[], values: number[], fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const size = descr.endsWith('8') ? 8 : 4;
  const out = new Uint8Array(10 + header.length + values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const view = new DataView(out.buffer, 10 + header.length);
  const little = !descr.startsWith('>');
  values.forEach((v, k) => (size === 8 ? view.setFloat64(k * 8, v, little) : view.setFloat32(k * 4, v, little)));
  return out;
}

describe('data import (.npy, .csv, preprocessing)', () => {
  it('reads float64 and float32 .npy matrices in C and Fortran order, big- and little-endian', () => {
    const c = parseNpy(npyBytes('<f8', [2, 3], [1, 2, 3, 4, 5, 6]));
    expect([c.rows, c.cols, ...c.data]).toEqual([2, 3, 1, 2, 3, 4, 5, 6]);
    const f = parseNpy(npyBytes('<f4', [2, 3], [1, 4, 2, 5, 3, 6], true));
    expect([...f.data]).toEqual([1, 2, 3, 4, 5, 6]);
    const b = parseNpy(npyBytes('>f8', [1, 2], [0.5, -2]));
    expect([...b.data]).toEqual([0.5, -2]);
  });

  it('refuses a .npy that is not a matrix, has NaN, an integer dtype, or is truncated, naming the problem', () => {
    expect(() => parseNpy(npyBytes('<f8', [3], [1, 2, 3]))).toThrow(/not a matrix: the array has 1 dimension/);
    expect(() => parseNpy(npyBytes('<f8', [2, 2], [1, NaN, 3, 4]))).toThrow(/NaN at row 1, column 2/);
    expect(() => parseNpy(npyBytes('<i8', [1, 1], [1]))).toThrow(/unsupported dtype '<i8'/);
    expect(() => parseNpy(npyBytes('<f8', [2, 2], [1, 2, 3, 4]).subarray(0, 100))).toThrow(/truncated/);
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toThrow(MatrixParseError);
  });

  it('reads CSV with a header and any separator; refuses ragged rows and NaN with line and column', () => {
    const a = parseCsv('x,y,z\n1,2,3\n4,5,6\n');
    expect([a.rows, a.cols, ...a.data]).toEqual([2, 3, 1, 2, 3, 4, 5, 6]);
    expect(a.header).toEqual(['x', 'y', 'z']);
    expect([...parseCsv('1\t2\n3\t4').data]).toEqual([1, 2, 3, 4]);
    expect([...parseCsv('# comment\n1 2\n\n3 4\n').data]).toEqual([1, 2, 3, 4]);
    expect(() => parseCsv('1,2,3\n4,5\n')).toThrow(/not a matrix: line 2 has 2 values but the first row has 3/);
    expect(() => parseCsv('1,2\n3,NaN\n')).toThrow(/line 2, column 2 has NaN/);
    expect(() => parseCsv('1,2\n3,\n')).toThrow(/line 2, column 2 has an empty cell/);
  });

  it('an imported matrix is oriented, centred, stripped of its top principal component and scaled to unit-norm columns', () => {
    const rng = new Rng(9);
    const n = 40;
    const d = 8;
    // samples as rows, with a common offset and one strong direction
    const data: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = 5 * rng.normal();
      for (let j = 0; j < d; j++) data.push(3 + (j === 0 ? s : 0) + rng.normal());
    }
    const m: ImportedMatrix = { type: 'matrix', rows: n, cols: d, data, orientation: 'samples-as-rows', centre: true, unitNorm: true, removeTopPCs: 1 };
    expect(matrixIssues(m)).toEqual([]);
    const { x, removedPcs } = prepareImportedMatrix(m);
    expect([x.rows, x.cols]).toEqual([d, n]);
    expect(removedPcs[0]).toBeGreaterThan(500);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x.data[j * n + i] ** 2;
      expect(s).toBeCloseTo(1, 12);
    }
    // After removing the strong direction, feature 0 carries no more than its noise share.
    let f0 = 0;
    for (let i = 0; i < n; i++) f0 += x.data[i] ** 2;
    expect(f0 / n).toBeLessThan(0.4);
  });

  it('names the problems of a bad imported matrix', () => {
    const base = { type: 'matrix' as const, orientation: 'samples-as-rows' as const, centre: true, unitNorm: true, removeTopPCs: 0 };
    expect(matrixIssues({ ...base, rows: 2, cols: 2, data: [1, 2, 3] })[0].message).toMatch(/not a 2×2 matrix: 3 values given, 4 expected/);
    expect(matrixIssues({ ...base, rows: 2, cols: 2, data: [1, NaN, 3, 4] })[0].message).toMatch(/NaN at row 1, column 2/);
    expect(matrixIssues({ ...base, rows: 1, cols: 5, data: [1, 2, 3, 4, 5] })[0].message).toMatch(/1 sample\(s\).*orientation wrong/);
    expect(matrixIssues({ ...base, rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 6], removeTopPCs: 2 })[0].message).toMatch(/cannot remove 2 principal components/);
    expect(() => prepareImportedMatrix({ ...base, rows: 2.5, cols: 2, data: [] })).toThrow(/rows/);
  });

  it('base64 round-trips any bytes without Buffer, and names a character that is not base64', () => {
    const rng = new Rng(3);
    for (const len of [0, 1, 2, 3, 4, 5, 100, 3 * 4096 + 1]) {
      const bytes = Uint8Array.from({ length: len }, () => Math.floor(rng.uniform() * 256));
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect([...decodeBase64(text)]).toEqual([...bytes]);
    }
    expect([...decodeBase64('aGVs\nbG8')]).toEqual([...new TextEncoder().encode('hello')]);
    expect(() => decodeBase64('aGVs*G8=')).toThrow(Base64Error);
    expect(() => decodeBase64('aGVs*G8=')).toThrow(/character "\*" at position 5/);
  });
});

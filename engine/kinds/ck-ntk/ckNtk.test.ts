import { beforeAll, describe, expect, it } from 'vitest';
import { initLinalg } from '../../linalg/index.js';
import { Rng } from '../../random/Rng.js';
import { activationConstants } from '../../rmt/activations.js';
import { ckChain } from '../../rmt/ckChain.js';
import { mpDensity, mpEdges, mpStieltjes } from '../../rmt/marchenkoPastur.js';
import { mpMeasure } from '../../rmt/spectralMeasure.js';
import { ckNtk, ckNtkParams, type CkNtkResult } from './index.js';
import { encodeBase64 } from '../../nn/base64.js';
import { MAX_IMPORT_CHARS } from './importedInput.js';

/** A NumPy v1.0 .npy file of a row-major matrix, as np.save writes it. */
function npyFile(descr: string, shape: number[], values: ArrayLike<number>): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const size = descr.endsWith('8') ? 8 : 4;
  const out = new Uint8Array(10 + header.length + values.length * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const view = new DataView(out.buffer, 10 + header.length);
  for (let k = 0; k < values.length; k++) {
    if (size === 8) view.setFloat64(k * 8, values[k], true);
    else view.setFloat32(k * 4, values[k], true);
  }
  return out;
}

const ctx = (seed: number) => ({ seed, rng: new Rng(seed), progress: () => {}, signal: new AbortController().signal });
const run = (raw: Record<string, unknown>, seed = 1): Promise<CkNtkResult> => ckNtk.run(ckNtkParams.parse(raw), ctx(seed));

beforeAll(() => initLinalg());

// MATH.md §2.7's depth-3 widths (d₀…d₃) = (2000, 3000, 1500, 2500) at n = 2000, scaled to n = 1500
// (γ = 2/3, 4/3, 0.8 in the hidden layers); d₀ = 2000 keeps γ₀ = 0.75 off the hard edge γ = 1.
const DEPTH3 = { n: 1500, d0: 2000, widths: [2250, 1125, 1875], ntk: false };

describe('ck-ntk: simulation against the Fan–Wang limits', () => {
  it('tanh, L = 3, n = 1500: every layer within KS 0.02 of its limit, densities integrate to 1 within 1e-4, moments to the recursion within 1e-8', async () => {
    const r = await run({ ...DEPTH3, activation: 'tanh' });
    expect(r.layers).toHaveLength(4);
    const b2 = activationConstants('tanh').b ** 2;
    let m2 = 1 + 0.75; // m₂(MP_{γ₀})
    for (const layer of r.layers) {
      expect(layer.ks).toBeLessThan(0.02);
      // ∫ρ + atoms = 1 (the atom 1 − 1/γ at 0 in layer 2, γ₂ = 4/3)
      expect(Math.abs(layer.theory.mass - 1)).toBeLessThan(1e-4);
      if (layer.layer > 0) m2 = 1 - b2 * b2 + b2 * b2 * m2 + layer.gamma; // MATH.md §2.7
      expect(layer.moments.theory![0]).toBeCloseTo(1, 12);
      expect(Math.abs(layer.moments.theory![1] - m2)).toBeLessThan(1e-8);
      // the drawn curve carries the same moments (trapezoid on the adaptive grid)
      expect(Math.abs(layer.moments.curve[1] - m2) / m2).toBeLessThan(1e-3);
      // empirical second moment within 1 % of the limit
      expect(Math.abs(layer.moments.empirical[1] - m2) / m2).toBeLessThan(0.01);
      expect(layer.outliers.filter((o) => o.excluded)).toHaveLength(0); // odd σ: no c₂ outlier
    }
    expect(r.layers[2].theory.atoms[0].mass).toBeCloseTo(0.25, 12);
    // rmt's closed-form m₁, m₂ of the chain agree with the reported recursion
    const chain = ckChain({ mu0: mpMeasure(0.75), b: activationConstants('tanh').b, gammas: r.layers.slice(1).map((l) => l.gamma) });
    expect(Math.abs(chain.moments.m2 - r.layers[3].moments.theory![1])).toBeLessThan(1e-8);
    expect(r.activation.b).toBeCloseTo(0.964609, 5);
    expect(r.activation.a).toBeCloseTo(1.177807, 5);
  });

  it('relu, L = 3, n = 1500: every layer within KS 0.02 of its limit (any c₂ outlier excluded)', async () => {
    const r = await run({ ...DEPTH3, activation: 'relu' });
    for (const layer of r.layers) {
      expect(layer.ks).toBeLessThan(0.02);
      expect(Math.abs(layer.theory.mass - 1)).toBeLessThan(1e-4);
    }
    expect(r.activation.b).toBeCloseTo(0.856429, 5);
    expect(r.activation.c2).toBeCloseTo(0.48319, 4);
  });

  it('relu, L = 10: the c₂ outlier far past the bulk edge is identified by its eigenvector and left out of the comparison', async () => {
    const r = await run({ n: 500, d0: 500, widths: [400, 600, 500, 400, 600, 500, 400, 600, 500, 400], activation: 'relu', ntk: false });
    const last = r.layers[10];
    const excluded = last.outliers.filter((o) => o.excluded);
    expect(excluded).toHaveLength(1);
    expect(excluded[0].kind).toMatch(/^c2-/);
    expect(excluded[0].value).toBeGreaterThan(1.5 * last.rightEdge);
    expect(Math.max(excluded[0].overlapOnes, excluded[0].overlapNorms)).toBeGreaterThan(0.25);
    expect(last.eigenvalues).toHaveLength(500); // reported, just not compared
    expect(last.ks).toBeLessThan(0.03);
  });

  it('the NTK at L = 2 (tanh, MATH.md §3.6 widths at n = 1500) is within KS 0.02 of the t-recursion limit, averaged over 3 draws', async () => {
    const r = await run({ n: 1500, d0: 1500, widths: [2000, 1250], activation: 'tanh', ntk: true, repeats: 3 });
    const ntk = r.ntk!;
    expect(ntk.ks).toBeLessThan(0.02);
    expect(Math.abs(ntk.theory.mass - 1)).toBeLessThan(1e-4);
    // q_{−1} + Σ q_ℓ = Σ_{k=0}^{L} a^k = mean NTK eigenvalue (MATH.md §1)
    const a = r.activation.a;
    expect(ntk.q.reduce((s, q) => s + q, 0)).toBeCloseTo(1 + a + a * a, 10);
    expect(Math.abs(ntk.moments.curve[0] - (1 + a + a * a))).toBeLessThan(1e-3);
    expect(Math.abs(ntk.moments.empirical[0] - (1 + a + a * a)) / (1 + a + a * a)).toBeLessThan(0.02);
    expect(ntk.eigenvalues).toHaveLength(4500);
  });

  it('a linear network gives iterated Marchenko–Pastur: L = 1 against the closed-form MP_{γ₁} ⊠ MP_{γ₀} equation', async () => {
    const r = await run({ n: 800, d0: 1600, widths: [1000], activation: 'linear', ntk: false });
    expect(r.activation.b).toBe(1);
    const [g0, g1] = [0.5, 0.8];
    // m(z) = m_MP,γ₀(z/a)/a with a = 1 − γ₁ − γ₁ z m (Silverstein with ν = MP_γ₀), solved at z = x + iε by
    // damped iteration from a large-ε start; closed-form m_MP throughout.
    const curve = r.layers[1].theory;
    const eps = curve.epsilon;
    let checked = 0;
    for (let i = 0; i < curve.x.length; i += 25) {
      const x = curve.x[i];
      let m = { re: 0, im: 0 };
      for (let e = 64; ; e = Math.max(eps, e / 2)) {
        for (let it = 0; it < 20000; it++) {
          const ar = 1 - g1 - g1 * (x * m.re - e * m.im);
          const ai = -g1 * (x * m.im + e * m.re);
          const d = ar * ar + ai * ai;
          const w = mpStieltjes({ re: (x * ar + e * ai) / d, im: (e * ar - x * ai) / d }, g0); // m₀(z/a)
          const next = { re: (w.re * ar + w.im * ai) / d, im: (w.im * ar - w.re * ai) / d }; // /a
          const delta = Math.hypot(next.re - m.re, next.im - m.im);
          m = { re: 0.5 * (m.re + next.re), im: 0.5 * (m.im + next.im) };
          if (delta < 1e-13) break;
        }
        if (e === eps) break;
      }
      expect(Math.abs(m.im / Math.PI - curve.density[i])).toBeLessThan(1e-6 + 1e-4 * curve.density[i]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // m₂ of iterated MP: 1 + γ₀ + γ₁
    expect(r.layers[1].moments.theory![1]).toBeCloseTo(1 + g0 + g1, 12);
    expect(r.layers[1].ks).toBeLessThan(0.03);
  });

  it('cos has b = 0, and every layer is then exactly Marchenko–Pastur with its own γ_ℓ', async () => {
    const r = await run({ n: 600, d0: 900, widths: [1200, 400, 800], activation: 'cos', ntk: true });
    expect(Math.abs(r.activation.b)).toBeLessThan(1e-12);
    for (const layer of r.layers.slice(1)) {
      const g = layer.gamma;
      const [lo, hi] = mpEdges(g);
      expect(layer.rightEdge).toBeCloseTo(hi, 8);
      for (let i = 0; i < layer.theory.x.length; i += 20) {
        const x = layer.theory.x[i];
        if (x < lo + 0.02 || x > hi - 0.02) continue; // the ε-blur rounds the square-root edges
        expect(Math.abs(layer.theory.density[i] - mpDensity(x, g))).toBeLessThan(1e-4);
      }
      expect(layer.moments.theory![1]).toBeCloseTo(1 + g, 12);
      expect(layer.ks).toBeLessThan(0.03);
    }
    // layer 2 has γ = 1.5: the atom 1/3 at 0
    expect(r.layers[2].theory.atoms[0].mass).toBeCloseTo(1 / 3, 12);
    // cos has c₂ ≠ 0: the q-formula NTK limit is flagged as not applying (see ntk.theoryApplies)
    expect(r.ntk!.theoryApplies).toBe(false);
  });

  it('a Gaussian mixture input uses its empirical input spectrum μ₀ and keeps the class spike at layer 0', async () => {
    const r = await run({ n: 400, d0: 600, widths: [600], activation: 'tanh', ntk: false, input: { type: 'mixture', classes: 2, theta: 9 } });
    expect(r.input.type).toBe('mixture');
    expect(r.layers[0].maxEigenvalue).toBeGreaterThan(6);
    expect(r.layers[0].ks).toBeLessThan(0.03);
    expect(r.layers[1].ks).toBeLessThan(0.04);
    expect(Math.abs(r.layers[1].theory.mass - 1)).toBeLessThan(1e-3);
  });

  it('an imported matrix sets n and d₀ and is centred and normalised before the network', async () => {
    const rng = new Rng(4);
    const rows = 300;
    const cols = 200;
    const data = Array.from({ length: rows * cols }, () => 2 + rng.normal());
    const r = await run({ n: 5, d0: 5, widths: [300], activation: 'erf', ntk: true, input: { type: 'matrix', rows, cols, data, orientation: 'samples-as-rows' } });
    expect([r.n, r.d0]).toEqual([300, 200]);
    expect(r.layers[0].moments.empirical[0]).toBeCloseTo(1, 10); // unit-norm columns: tr XᵀX = n
    expect(r.layers[1].ks).toBeLessThan(0.04);
    expect(r.ntk!.theoryApplies).toBe(true);
    expect(r.ntk!.ks).toBeLessThan(0.1); // n = 300, d₁ = 300: finite-width effects of the NTK are O(0.05)
  });

  it('the ultra-wide regime √(d₁/n)(K − EK) follows the deformed semicircle (erf, n = d₀ = 200, d₁ = 40 000)', async () => {
    const r = await run({ n: 200, d0: 200, widths: [40_000], activation: 'erf', regime: 'ultra-wide', ntk: false });
    const uw = r.ultraWide!;
    expect(uw.eigenvalues).toHaveLength(200);
    expect(Math.abs(uw.moments.empirical[0])).toBeLessThan(0.05); // first moment 0 (MATH.md §4.5)
    expect(Math.abs(uw.moments.curve[1] - 1)).toBeLessThan(0.05); // second moment (∫t ν)² = 1
    expect(Math.abs(uw.theory.mass - 1)).toBeLessThan(1e-4);
    expect(uw.ks).toBeLessThan(0.07); // n = 200: KS fluctuations alone are ~0.03
  });

  it('the same seed gives bit-identical spectra; float32 forward passes agree with float64 to 1e-3 in KS', async () => {
    const raw = { n: 300, d0: 300, widths: [400, 300], activation: 'gelu', ntk: true };
    const a = await run(raw, 7);
    const b = await run(raw, 7);
    const c = await run({ ...raw, precision: 'float32' }, 7);
    expect(Buffer.from(a.ntk!.eigenvalues.buffer).equals(Buffer.from(b.ntk!.eigenvalues.buffer))).toBe(true);
    for (let l = 0; l < 3; l++) expect(Math.abs(a.layers[l].ks - c.layers[l].ks)).toBeLessThan(1e-3);
    expect(Math.abs(a.ntk!.ks - c.ntk!.ks)).toBeLessThan(1e-3);
  });
});

describe('ck-ntk: parameters', () => {
  const issues = (raw: unknown): string => {
    const r = ckNtkParams.safeParse(raw);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it('the CLI contract parses with its defaults', () => {
    const p = ckNtkParams.parse({ n: 1500, d0: 1500, widths: [2000, 2000], activation: 'tanh', input: { type: 'gaussian' }, ntk: true, regime: 'linear', repeats: 1 });
    expect(p.precision).toBe('float64');
    expect(ckNtk.summarize(p)).toBe('n=1500 d0=1500 widths=2000,2000 tanh gaussian +NTK');
  });

  it('refuses non-integer or non-positive sizes and more than 10 layers, naming the field', () => {
    expect(issues({ n: 1.5 })).toMatch(/^n: n must be a whole number/);
    expect(issues({ d0: 0 })).toMatch(/^d0: d0 must be at least 1/);
    expect(issues({ widths: [100, -3] })).toMatch(/^widths\.1: every width must be at least 1/);
    expect(issues({ widths: [100, 2.5] })).toMatch(/^widths\.1: every width must be a whole number/);
    expect(issues({ widths: Array(11).fill(100) })).toMatch(/^widths: at most 10 layers/);
    expect(issues({ widths: [] })).toMatch(/^widths: give at least one hidden layer/);
    expect(issues({ activation: 'swish' })).toMatch(/^activation: /);
    expect(issues({ regime: 'ultra-wide', widths: [100, 100] })).toMatch(/ultra-wide regime has one hidden layer/);
  });

  it('refuses an imported matrix that is not a matrix, has NaN, or has the wrong orientation', () => {
    const m = (over: Record<string, unknown>) => ({ input: { type: 'matrix', rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6], ...over } });
    expect(issues(m({ data: [1, 2, 3] }))).toMatch(/^input\.data: imported matrix: not a 2×3 matrix: 3 values given, 6 expected/);
    expect(issues(m({ data: [1, 2, 3, NaN, 5, 6] }))).toMatch(/^input\.data: imported matrix: the matrix has NaN at row 2, column 1/);
    expect(issues(m({ rows: 1, cols: 6, orientation: 'samples-as-rows' }))).toMatch(/^input\.orientation: .*1 sample\(s\).*orientation wrong/);
    expect(issues(m({ orientation: 'sideways' }))).toMatch(/^input\.orientation: /);
    expect(issues(m({ data: 'abc' }))).toMatch(/^input\.data: /);
  });

  it('refuses a parameter set over the memory budget before it starts, with the estimate; sizes out of bounds get only their own message', () => {
    expect(issues({ n: 20000, d0: 20000, widths: [20000, 20000] })).toMatch(/^widths: n = 20000, d₀ = 20000, widths 20000, 20000 with the NTK need about \d+\.\d GiB .*the limit is 6\.0 GiB/);
    const one = issues({ n: 1e9, d0: 20000, widths: [20000] });
    expect(one).toMatch(/^n: n must be at most 20,000$/);
  });

  it('refuses a malformed .csv or .npy file with a message naming the field and the problem', () => {
    const csv = (text: unknown, over: Record<string, unknown> = {}) => ({ input: { type: 'csv', text, ...over } });
    const npy = (base64: unknown, over: Record<string, unknown> = {}) => ({ input: { type: 'npy', base64, ...over } });
    expect(issues(csv(undefined))).toMatch(/^input\.text: text must be the contents of a \.csv file/);
    expect(issues(csv(''))).toMatch(/^input\.text: no \.csv file loaded/);
    expect(issues(csv('1,2,3\n4,5\n'))).toMatch(/^input\.text: \.csv file: not a matrix: line 2 has 2 values but the first row has 3$/);
    expect(issues(csv('a,b\n1,2\n3,NaN\n'))).toMatch(/^input\.text: \.csv file: line 3, column 2 has NaN; every entry must be a finite number$/);
    expect(issues(csv('1,2,3\n'))).toMatch(/^input\.orientation: \.csv file: with orientation "samples-as-rows" the 1×3 matrix has 1 sample\(s\).*orientation wrong/);
    const row = Array.from({ length: 20_001 }, (_, i) => String(i % 7)).join(',');
    expect(issues(csv(`${row}\n${row}\n`, { orientation: 'samples-as-columns' }))).toMatch(
      /^input\.orientation: with orientation "samples-as-columns" the 2×20001 matrix has 20,001 samples, more than the 20,000 allowed .*is the orientation wrong\? With "samples-as-rows" it has 2/,
    );
    expect(issues(csv('1'.repeat(MAX_IMPORT_CHARS + 1)))).toMatch(/^input\.text: the \.csv file is 12\.0 MiB of text; the limit is 12\.0 MiB.*need about \d+\.\d MiB of memory/);
    expect(issues(npy('$$$'))).toMatch(/^input\.base64: \.npy file: not base64: character "\$" at position 1/);
    expect(issues(npy(encodeBase64(new TextEncoder().encode('hello, world'))))).toMatch(/^input\.base64: \.npy file: not a \.npy file/);
    expect(issues(npy(encodeBase64(npyFile('<f8', [4], [1, 2, 3, 4]))))).toMatch(/^input\.base64: \.npy file: not a matrix: the array has 1 dimension/);
    expect(issues(npy(encodeBase64(npyFile('<f8', [2, 2], [1, 2, NaN, 4]))))).toMatch(/^input\.base64: \.npy file: the matrix has NaN at row 2, column 1/);
    expect(issues(npy(encodeBase64(npyFile('<i8', [2, 2], [1, 2, 3, 4]))))).toMatch(/^input\.base64: \.npy file: unsupported dtype '<i8'/);
    expect(issues(npy(encodeBase64(npyFile('<f8', [3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]).subarray(0, 64 + 8 * 8))))).toMatch(/^input\.base64: \.npy file: truncated \.npy data/);
    expect(issues(npy(encodeBase64(npyFile('<f8', [3, 2], [1, 2, 3, 4, 5, 6])), { removeTopPCs: 2 }))).toMatch(/^input\.removeTopPCs: \.npy file: cannot remove 2 principal components/);
  });
});

describe('ck-ntk: importing a data matrix from a file', () => {
  it('the same data as .csv text, as a float64 .npy file and inline give bit-identical spectra', async () => {
    const rng = new Rng(11);
    const rows = 120;
    const cols = 70;
    const data = Float64Array.from({ length: rows * cols }, (_, k) => 0.5 * (k % cols) / cols + rng.normal());
    const lines = [Array.from({ length: cols }, (_, j) => `f${j}`).join(',')];
    for (let i = 0; i < rows; i++) lines.push(Array.from(data.subarray(i * cols, (i + 1) * cols), String).join(','));
    const pre = { orientation: 'samples-as-rows', centre: true, unitNorm: true, removeTopPCs: 1 };
    const common = { widths: [150, 100], activation: 'tanh', ntk: true, bins: 30 };
    const fromCsv = await run({ ...common, input: { type: 'csv', text: lines.join('\n') + '\n', ...pre } }, 5);
    const fromNpy = await run({ ...common, input: { type: 'npy', base64: encodeBase64(npyFile('<f8', [rows, cols], data)), ...pre } }, 5);
    const inline = await run({ ...common, input: { type: 'matrix', rows, cols, data: [...data], ...pre } }, 5);
    expect([fromCsv.n, fromCsv.d0]).toEqual([rows, cols]);
    expect(fromCsv.input.description).toMatch(/^imported 120×70 matrix from a \.csv file \(samples-as-rows\), centred, top 1 PCs removed, unit-norm columns; X is 70×120$/);
    expect(fromNpy.input.description).toMatch(/from a \.npy file/);
    for (const other of [fromNpy, inline]) {
      expect([other.n, other.d0]).toEqual([rows, cols]);
      other.layers.forEach((l, i) => expect([...l.eigenvalues]).toEqual([...fromCsv.layers[i].eigenvalues]));
      expect([...other.ntk!.eigenvalues]).toEqual([...fromCsv.ntk!.eigenvalues]);
    }
    expect(ckNtk.summarize(ckNtkParams.parse({ ...common, input: { type: 'npy', base64: encodeBase64(npyFile('<f8', [rows, cols], data)) } }))).toBe('n=120 d0=70 widths=150,100 tanh npy +NTK');
    // float32 .npy of the same data: same shape, spectra within float32 rounding
    const f32 = await run({ ...common, input: { type: 'npy', base64: encodeBase64(npyFile('<f4', [rows, cols], data)), ...pre } }, 5);
    expect(Math.abs(f32.layers[0].maxEigenvalue - fromCsv.layers[0].maxEigenvalue)).toBeLessThan(1e-5);
    // samples as columns: the transposed file gives the same spectra
    const t = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = data[i * cols + j];
    const transposed = await run({ ...common, input: { type: 'npy', base64: encodeBase64(npyFile('<f8', [cols, rows], t)), ...pre, orientation: 'samples-as-columns' } }, 5);
    expect([...transposed.layers[1].eigenvalues]).toEqual([...fromCsv.layers[1].eigenvalues]);
  });
});

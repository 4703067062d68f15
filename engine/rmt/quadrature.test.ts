import { describe, expect, it } from 'vitest';
import { Rng } from '../random/Rng.js';
import { erf, erfc } from './erf.js';
import { gaussHermite } from './gaussHermite.js';
import { compositeGaussLegendre, gaussLegendre } from './gaussLegendre.js';
import { symmetricEigenvalues } from './symmetricEigenvalues.js';
import { symmetricTridiagonalEigen } from './symmetricTridiagonalEigen.js';

describe('quadrature and small eigen-solvers', () => {
  it('Gauss–Hermite integrates the Gaussian moments E ξ^{2k} = (2k−1)!! exactly (to 1e-13 relative) for 2k < 2N', () => {
    for (const n of [10, 80, 200]) {
      const { nodes, weights } = gaussHermite(n);
      let total = 0;
      for (const w of weights) total += w;
      expect(Math.abs(total - 1)).toBeLessThan(1e-15);
      let dfact = 1;
      for (let k = 1; 2 * k < Math.min(2 * n, 40); k++) {
        dfact *= 2 * k - 1;
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i] * nodes[i] ** (2 * k);
        expect(Math.abs(s / dfact - 1)).toBeLessThan(1e-13);
      }
    }
  });

  it('the 200-point rule keeps relatively accurate tiny outer weights (Christoffel weights, not eigenvectors)', () => {
    const { nodes, weights } = gaussHermite(200);
    // Largest node of the 200-point probabilists' rule and its weight (mpmath, 30 digits).
    expect(nodes[199]).toBeCloseTo(27.349827752266123, 11);
    expect(weights[199] > 1e-165 && weights[199] < 1e-162).toBe(true);
  });

  it('Gauss–Legendre integrates polynomials of degree 2N−1 exactly and the composite rule handles a kink', () => {
    const { nodes, weights } = gaussLegendre(20);
    for (let k = 0; k < 40; k += 2) {
      let s = 0;
      for (let i = 0; i < 20; i++) s += weights[i] * nodes[i] ** k;
      expect(Math.abs(s - 2 / (k + 1))).toBeLessThan(1e-14);
    }
    const rule = compositeGaussLegendre([-12, 0, 12], 32, 8);
    let s = 0;
    for (let i = 0; i < rule.nodes.length; i++) {
      const x = rule.nodes[i];
      s += rule.weights[i] * Math.abs(x) * Math.exp(-x * x / 2);
    }
    expect(Math.abs(s - 2)).toBeLessThan(1e-13); // ∫|x| e^{−x²/2} dx = 2
  });

  it('tridiagonal QL: eigenvalues sum to the trace and first components are a unit vector', () => {
    const n = 50;
    const rng = new Rng(3);
    const d = Float64Array.from({ length: n }, () => rng.normal());
    const e = Float64Array.from({ length: n - 1 }, () => rng.normal());
    const { values, firstComponents } = symmetricTridiagonalEigen(d, e, { firstComponents: true });
    let tr = 0;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      tr += d[i];
      sum += values[i];
      sq += firstComponents![i] ** 2;
    }
    expect(Math.abs(tr - sum)).toBeLessThan(1e-12);
    expect(Math.abs(sq - 1)).toBeLessThan(1e-13);
    // Σ v0_k² λ_k = A_00
    let a00 = 0;
    for (let i = 0; i < n; i++) a00 += firstComponents![i] ** 2 * values[i];
    expect(Math.abs(a00 - d[0])).toBeLessThan(1e-12);
  });

  it('dense symmetric eigenvalues preserve trace and Frobenius norm (Σλ = tr A, Σλ² = ‖A‖²_F)', () => {
    const n = 120;
    const rng = new Rng(11);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const lam = symmetricEigenvalues(a, n);
    let tr = 0;
    let fro = 0;
    for (let i = 0; i < n; i++) tr += a[i * n + i];
    for (const v of a) fro += v * v;
    let s1 = 0;
    let s2 = 0;
    for (const l of lam) {
      s1 += l;
      s2 += l * l;
    }
    expect(Math.abs(s1 - tr)).toBeLessThan(1e-10);
    expect(Math.abs(s2 / fro - 1)).toBeLessThan(1e-12);
    for (let i = 1; i < n; i++) expect(lam[i] >= lam[i - 1]).toBe(true);
  });

  it('erf and erfc agree with 30-digit references to ≤ 1e-15 relative (erfc to 1e-13 below x = 2, where it is 1 − erf)', () => {
    const ref: [number, number, number][] = [
      [1e-10, 1.128379167095512615e-10, 0.99999999988716208329],
      [0.3, 0.32862675945912741619, 0.67137324054087258381],
      [1.0, 0.84270079294971486934, 0.15729920705028513066],
      [1.9, 0.99279042923525746724, 0.0072095707647425327628],
      [2.0, 0.99532226501895273416, 0.0046777349810472658379],
      [2.7, 0.99986566726005947581, 0.00013433273994052419237],
      [4.5, 0.99999999980338395585, 1.9661604415428874763e-10],
      [6.0, 0.99999999999999997848, 2.1519736712498913117e-17],
      [-0.8, -0.74210096470766051259, 1.7421009647076605126],
      [-3.3, -0.99999694229020356183, 1.9999969422902035618],
    ];
    for (const [x, e, c] of ref) {
      expect(Math.abs(erf(x) - e) / Math.abs(e)).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x) - c) / Math.abs(c)).toBeLessThan(x < 2 ? 1e-13 : 1e-15);
    }
  });
});

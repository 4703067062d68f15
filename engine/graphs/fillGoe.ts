import type { Rng } from '../random/Rng.js';

/**
 * Fills `out` (n×n, row-major) with a GOE(n) matrix: N(0, 1/n) off the diagonal and N(0, 2/n) on it
 * (MATH.md §9.1, §10.1), so that the spectrum fills the semicircle on [−2, 2]. Only the upper
 * triangle is drawn and mirrored: the matrix is exactly symmetric, as the eigensolvers expect.
 */
export function fillGoe(rng: Rng, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  if (out.length !== n * n) throw new RangeError(`fillGoe: out has ${out.length} entries, expected n² = ${n * n}`);
  const off = 1 / Math.sqrt(n);
  const diag = Math.SQRT2 / Math.sqrt(n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = diag * rng.normal();
    for (let j = i + 1; j < n; j++) {
      const v = off * rng.normal();
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

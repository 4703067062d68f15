import type { Rng } from '../random/Rng.js';

/** Uniformly random permutation of {0, …, n−1} (Fisher–Yates; `rng.int` has no modulo bias). */
export function randomPermutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

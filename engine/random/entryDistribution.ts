import type { Rng } from './Rng.js';

/** Zero-mean, unit-variance entry laws offered for random matrices (universality checks). */
export type EntryDistribution = 'gaussian' | 'rademacher' | 'uniform';

export const ENTRY_DISTRIBUTIONS: readonly EntryDistribution[] = ['gaussian', 'rademacher', 'uniform'];

/**
 * Fills `out` with iid draws of the chosen law, scaled by `scale`. All three laws have mean 0 and
 * variance 1 before scaling: uniform is on [−√3, √3].
 */
export function fillEntries(rng: Rng, law: EntryDistribution, out: Float64Array | Float32Array, scale = 1): void {
  switch (law) {
    case 'gaussian':
      for (let i = 0; i < out.length; i++) out[i] = scale * rng.normal();
      return;
    case 'rademacher':
      for (let i = 0; i < out.length; i++) out[i] = rng.nextUint32() & 1 ? scale : -scale;
      return;
    case 'uniform': {
      const s = scale * Math.sqrt(3);
      for (let i = 0; i < out.length; i++) out[i] = s * (2 * rng.uniform() - 1);
      return;
    }
  }
}

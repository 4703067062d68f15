import type { RunResult } from '../../../../electron/api';

/** The heavy-tail kind's result as the view reads it (engine/kinds/heavy-tail/index.ts). */
export interface HeavyTailResultView {
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  moments: { k: number[]; mean: number[]; stderr: number[] };
  firstMomentFromGains: number;
  topEigenvalues: number[];
  gains: { values: Float64Array; histogram: { edges: Float64Array; density: Float64Array }; log10?: boolean };
  weightEigenvalues: Float64Array;
  weightTail: { alpha: number; xmin: number; ks: number; nTail: number; hill: { k: number; tailIndex: number; densityExponent: number } | null; noHeavyTail: boolean } | null;
  kernelTail: { alpha: number; xmin: number; ks: number; nTail: number; noHeavyTail: boolean } | null;
  baseline: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][]; b: number; scale: number; weightScale: number };
  ksToBaseline: number;
  medianPreactivation: number;
}

export function heavyTailResultShape(result: RunResult): HeavyTailResultView | null {
  const r = result as unknown as HeavyTailResultView;
  if (!(r.eigenvalues instanceof Float64Array) || !r.histogram || !r.moments || !r.baseline || !(r.weightEigenvalues instanceof Float64Array)) return null;
  return r;
}

import type { RunResult } from '../../../../electron/api';

/** The spike kind's result as the view reads it (see engine/kinds/spike/index.ts SpikeResult). */
export interface SpikeLayerView {
  layer: number;
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  theory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][] };
  outliers: { mean: number[]; stderr: number[]; count: number; countPerRepeat: number[] };
  uninformative: { location: number; onesOverlap: number } | null;
  predicted: { lambda: number; overlap: number; cumulativeOverlap: number; edge: number; populationSpike: number; lost: boolean };
  alignment: { mean: number; stderr: number };
  subspaceOverlap: { mean: number[]; stderr: number[] };
  topEigenvalue: { mean: number; stderr: number };
}

export interface SpikeResultView {
  activation: { name: string; b: number; a: number; c2: number };
  thetas: number[];
  gammas: number[];
  layers: SpikeLayerView[];
  threshold: number;
  lostAtLayer: number | null;
}

/** Narrow an untyped stored result to the spike shape, or null when it does not fit (older runs). */
export function spikeResultShape(result: RunResult): SpikeResultView | null {
  const r = result as unknown as SpikeResultView;
  if (!Array.isArray(r.layers) || r.layers.length === 0 || !r.activation || !Array.isArray(r.thetas)) return null;
  for (const l of r.layers) if (!(l.eigenvalues instanceof Float64Array) || !l.histogram || !l.predicted || !l.alignment) return null;
  return r;
}

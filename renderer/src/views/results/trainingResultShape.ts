import type { RunResult } from '../../../../electron/api';

/**
 * The training result as the view reads it (mirrors engine/kinds/training's TrainingResult; checked,
 * not trusted, since stored runs may predate a change). Only the fields the view uses are listed.
 */
export interface KernelShape {
  eigenvalues: Float64Array;
  top: Float64Array;
  labelAlignment: number;
  varianceExplained: Float64Array;
  outliers: number;
  ksToInit: number;
}
export interface SnapshotShape {
  step: number;
  lr: number;
  trainLoss: number;
  testLoss: number;
  weights: { eigenvalues: Float64Array; top: Float64Array; outliers: number; ksToInit: number; betaAlignment: number }[];
  ck: KernelShape[];
  ckTest: KernelShape[];
  ntk: KernelShape | null;
  tail: { alpha: number; xmin: number; ks: number; nTail: number; standardError: number; heavyTail: boolean; hill: number; hillK: number }[];
}
export interface OneStepShape {
  singularValues: Float64Array;
  initialSingularValues: Float64Array;
  predicted: Record<'outlier' | 'threshold' | 'thetaW' | 'thetaWLimit' | 'outlierLimit' | 'etaThreshold' | 'bulkEdge' | 'u_beta' | 'uhat_u' | 'uhat_beta', number>;
  alignment: Record<'u_beta' | 'uhat_beta' | 'uhat_u' | 'ckSpike' | 'ckSpikeInit' | 'kernelTarget' | 'kernelTargetInit', number>;
  ck: { top: Float64Array; topInit: Float64Array; outlierCount: number; edgeInit: number };
  ridge: { lambda: number; testLoss: number; testLossInit: number; trainLoss: number };
}
export interface TrainingResultShape {
  mode: 'train' | 'one-step';
  n: number;
  nTest: number;
  d: number;
  widths: number[];
  activation: string;
  parameterisation: string;
  optimizer: string;
  snapshots: SnapshotShape[];
  losses: { step: Float64Array; train: Float64Array; kind: string };
  noiseFloor: { weights: number[]; ck: number[]; ckTest: number[]; ntk: number } | null;
  edges: { weights: number[]; ck: number[]; ckTest: number[]; ntk: number } | null;
  /** MP law of W_ℓᵀW_ℓ/d_ℓ at initialisation (absent in results from before it was added). */
  weightTheory?: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[] }[] | null;
  diverged: { step: number; message: string } | null;
  oneStep: OneStepShape | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;
const isNum = (v: unknown): v is number => typeof v === 'number';

function snapshotOk(s: unknown): boolean {
  if (!isObj(s) || !isNum(s.step) || !Array.isArray(s.weights) || !Array.isArray(s.ck) || !Array.isArray(s.ckTest) || !Array.isArray(s.tail)) return false;
  return s.weights.every((w) => isObj(w) && isF64(w.eigenvalues)) && s.ck.every((k) => isObj(k) && isF64(k.eigenvalues)) && (s.ntk === null || (isObj(s.ntk) && isF64(s.ntk.eigenvalues)));
}

export function trainingResultShape(r: RunResult): TrainingResultShape | null {
  if (r.mode !== 'train' && r.mode !== 'one-step') return null;
  if (!Array.isArray(r.snapshots) || !r.snapshots.every(snapshotOk)) return null;
  const l = r.losses;
  if (!isObj(l) || !isF64(l.step) || !isF64(l.train)) return null;
  if (r.mode === 'one-step') {
    const o = r.oneStep;
    if (!isObj(o) || !isF64(o.singularValues) || !isObj(o.predicted) || !isObj(o.alignment) || !isObj(o.ck) || !isObj(o.ridge)) return null;
  }
  return r as unknown as TrainingResultShape;
}

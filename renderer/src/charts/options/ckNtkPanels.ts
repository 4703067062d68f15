import type { RunResult } from '../../../../electron/api';
import type { SpectrumOptionParams } from './spectrumOption';

/**
 * The ck-ntk result as the view reads it (mirrors engine/kinds/ck-ntk's CkNtkResult; checked, not trusted,
 * since stored runs may predate a change), and pure builders from one layer / the NTK to the parameters of
 * the shared spectrum figure.
 */
export interface CkNtkOutlier {
  value: number;
  overlapOnes: number;
  overlapNorms: number;
  kind: 'c2-ones' | 'c2-norms' | 'beyond-edge';
  excluded: boolean;
  repeat: number;
}

export interface CkNtkSpectrum {
  eigenvalues: Float64Array;
  histogram: { edges: Float64Array; density: Float64Array };
  theory: { x: Float64Array; density: Float64Array; atoms: { x: number; mass: number }[]; edges: [number, number][]; epsilon: number; mass: number };
  ks: number;
  moments: { empirical: number[]; theory: number[] | null; curve: number[] };
  outliers: CkNtkOutlier[];
  rightEdge: number;
  maxEigenvalue: number;
}

export interface CkNtkLayer extends CkNtkSpectrum {
  layer: number;
  width: number;
  gamma: number;
}

export interface CkNtkResultShape {
  n: number;
  d0: number;
  widths: number[];
  L: number;
  regime: 'linear' | 'ultra-wide';
  precision: string;
  repeats: number;
  input: { type: string; description: string };
  activation: { name: string; b: number; a: number; c2: number };
  layers: CkNtkLayer[];
  ntk?: CkNtkSpectrum & { q: number[]; meanShift: number; ksMeanMatched: number; theoryApplies?: boolean };
  ultraWide?: CkNtkSpectrum;
  timings?: { theorySeconds: number; simulationSeconds: number };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isF64 = (v: unknown): v is Float64Array => v instanceof Float64Array;

function isSpectrum(s: unknown): s is CkNtkSpectrum {
  if (!isObj(s) || !isF64(s.eigenvalues) || !isNum(s.ks) || !isNum(s.rightEdge)) return false;
  const h = s.histogram;
  const t = s.theory;
  if (!isObj(h) || !isF64(h.edges) || !isF64(h.density) || h.edges.length !== h.density.length + 1) return false;
  if (!isObj(t) || !isF64(t.x) || !isF64(t.density) || t.x.length !== t.density.length || !Array.isArray(t.atoms) || !Array.isArray(t.edges)) return false;
  return Array.isArray(s.outliers) && isObj(s.moments) && Array.isArray(s.moments.empirical);
}

/** The result typed, or null when a field is missing or of the wrong type. */
export function ckNtkResultShape(r: RunResult): CkNtkResultShape | null {
  if (!isNum(r.n) || !isNum(r.d0) || !Array.isArray(r.widths) || !Array.isArray(r.layers)) return null;
  const a = r.activation;
  if (!isObj(a) || typeof a.name !== 'string' || !isNum(a.b) || !isNum(a.a)) return null;
  if (!r.layers.every((l) => isSpectrum(l) && isNum((l as Record<string, unknown>).layer))) return null;
  if (r.ntk !== undefined && !isSpectrum(r.ntk)) return null;
  if (r.ultraWide !== undefined && !isSpectrum(r.ultraWide)) return null;
  return r as unknown as CkNtkResultShape;
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x));

/** Outliers past the edge drawn as markers; the excluded c₂ one labelled. */
function markers(s: CkNtkSpectrum): { x: number; label?: string }[] {
  return s.outliers.filter((o) => o.repeat === 0).map((o) => ({ x: o.value, label: o.excluded ? 'c₂' : undefined }));
}

/** One CK layer as a spectrum panel: histogram (blue), theory (red), edges dashed, atoms, outliers. */
export function ckLayerPanel(layer: CkNtkLayer, opts: { logY: boolean; compact?: boolean }): SpectrumOptionParams {
  const title = layer.layer === 0 ? 'Layer 0: input Gram XᵀX' : `Layer ${layer.layer}: CK = X${sub(layer.layer)}ᵀX${sub(layer.layer)}`;
  return {
    title: opts.compact ? `ℓ = ${layer.layer}` : title,
    subtitle: opts.compact
      ? `γ = ${fmt(layer.gamma)}, KS ${fmt(layer.ks, 2)}`
      : `d${sub(layer.layer)} = ${layer.width}, γ = ${fmt(layer.gamma, 4)}, KS = ${fmt(layer.ks, 3)}, edge ${fmt(layer.rightEdge, 4)}`,
    histogram: layer.histogram,
    theory: layer.theory,
    atoms: layer.theory.atoms,
    edges: layer.theory.edges,
    outliers: markers(layer),
    labels: { histogram: 'empirical', theory: layer.layer === 0 ? 'μ₀' : `μ${sub(layer.layer)} (free-probability limit)`, atoms: 'atom', outliers: 'outliers' },
    logY: opts.logY,
    compact: opts.compact,
    // Long titles: the legend would sit on them; the card's caption explains the colours.
    showLegend: false,
  };
}

export function ntkPanel(ntk: NonNullable<CkNtkResultShape['ntk']>, opts: { logY: boolean }): SpectrumOptionParams {
  return {
    title: 'NTK = K_L + Σ (Δ_ℓᵀΔ_ℓ) ∘ K_ℓ₋₁',
    subtitle:
      (ntk.theoryApplies === false ? 'c₂ ≠ 0: the q-formula limit omits a 2c₂²K term — comparison indicative only. ' : '') +
      `KS = ${fmt(ntk.ks, 3)} (after matching means ${fmt(ntk.ksMeanMatched, 3)}), q = (${ntk.q.map((q) => fmt(q, 4)).join(', ')})`,
    histogram: ntk.histogram,
    theory: ntk.theory,
    atoms: ntk.theory.atoms,
    edges: ntk.theory.edges,
    outliers: markers(ntk),
    labels: { histogram: 'empirical', theory: 'q₋₁I + Σ q_ℓK_ℓ limit (t-recursion)' },
    logY: opts.logY,
    showLegend: false,
  };
}

export function ultraWidePanel(uw: CkNtkSpectrum, opts: { logY: boolean }): SpectrumOptionParams {
  return {
    title: 'Ultra-wide: √(d₁/n)(K − EK)',
    subtitle: `KS = ${fmt(uw.ks, 3)}; theory μ_s ⊠ ν with ν the spectrum of EK`,
    histogram: uw.histogram,
    theory: uw.theory,
    atoms: uw.theory.atoms,
    edges: uw.theory.edges,
    outliers: markers(uw),
    labels: { histogram: 'empirical', theory: 'deformed semicircle' },
    logY: opts.logY,
    showLegend: false,
  };
}

/** Subscript digits for layer indices. */
export function sub(k: number): string {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

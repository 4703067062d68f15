import type { CkChainOptions } from './ckChain.js';
import { ckChain } from './ckChain.js';
import { ckCriticalPoints } from './ckCriticalPoints.js';
import type { DensityCurve, DensityCurveOptions } from './densityCurve.js';
import { densityCurve } from './densityCurve.js';
import { mpAtomMass, mpDensity, mpEdges } from './marchenkoPastur.js';

/**
 * Density of μ_L (MATH.md §2) ready for a kind: the chain solver (ckChain), its exact right edge from the
 * forward map (ckCriticalPoints) for the scan range, the atom at 0 with its exact mass (§2.4), and the
 * generic inversion of densityCurve. Also returns the per-layer edges. b² < 1e-10: closed-form MP_{γ_L}.
 */
export function ckDensityCurve(
  options: CkChainOptions,
  curve: Omit<DensityCurveOptions, 'range' | 'atoms'> & { range?: [number, number] } = {},
): DensityCurve & { layerEdges: number[] } {
  const chain = ckChain(options);
  const L = chain.L;
  if (chain.pure) {
    const g = chain.gammas[L - 1];
    const [lo, hi] = mpEdges(g);
    const n = curve.points ?? 1000;
    const x = Float64Array.from({ length: n }, (_, j) => lo + ((hi - lo) * (1 - Math.cos((Math.PI * j) / (n - 1)))) / 2);
    const density = Float64Array.from(x, (v) => mpDensity(v, g));
    const atoms = g > 1 ? [{ x: 0, mass: mpAtomMass(g) }] : [];
    let mass = atoms.reduce((s, a) => s + a.mass, 0);
    for (let i = 1; i < n; i++) mass += 0.5 * (density[i] + density[i - 1]) * (x[i] - x[i - 1]);
    return { x, density, atoms, edges: [[lo, hi]], epsilon: 0, realPart: new Float64Array(n), mass, layerEdges: Array.from(chain.gammas, (v) => mpEdges(v)[1]) };
  }
  const crit = ckCriticalPoints(chain, options.mu0);
  const top = crit[L - 1].edge;
  const range = curve.range ?? [0, 1.02 * top];
  const atoms = chain.atomAtZero > 0 ? [{ x: 0, mass: chain.atomAtZero }] : [];
  const result = densityCurve(chain.evaluate, { ...curve, range, atoms });
  return { ...result, layerEdges: crit.map((c) => c.edge) };
}

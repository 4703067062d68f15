import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../electron/api';
import { histogramOfValues, spectraOf } from './spectraOf';
import { paramDiff } from './paramDiff';
import { runLegendLabels } from './runLegendLabels';

const f = (...x: number[]) => new Float64Array(x);
const comparison = () => ({
  eigenvalues: f(0.5, 1, 1.5),
  histogram: { edges: f(0, 1, 2), density: f(0.5, 0.5) },
  theory: { x: f(0, 1, 2), density: f(0, 1, 0), atoms: [{ x: 0, mass: 0.25 }], edges: [[0.1, 1.9]] },
});

describe('spectraOf', () => {
  it('reads an mp-sanity result as one spectrum with histogram, theory, atoms and support', () => {
    const [s, ...rest] = spectraOf('mp-sanity', { n: 3, ...comparison() } as unknown as RunResult);
    expect(rest).toHaveLength(0);
    expect(s.label).toBe('spectrum');
    expect(Array.from(s.histogram!.density)).toEqual([0.5, 0.5]);
    expect(s.atoms).toEqual([{ x: 0, mass: 0.25 }]);
    expect(s.edges).toEqual([[0.1, 1.9]]);
  });

  it('reads ck-ntk as one spectrum per layer, then the NTK', () => {
    const r = { layers: [{ layer: 0, ...comparison() }, { layer: 1, ...comparison() }], ntk: comparison() } as unknown as RunResult;
    expect(spectraOf('ck-ntk', r).map((s) => s.label)).toEqual(['CK layer 0', 'CK layer 1', 'NTK']);
  });

  it('histograms a bare top-level eigenvalues array of an unknown kind into a normalised density', () => {
    const values = new Float64Array(400).map((_, i) => i / 399);
    const [s] = spectraOf('new-kind', { eigenvalues: values });
    expect(s.theory).toBeNull();
    const h = histogramOfValues(values)!;
    let mass = 0;
    for (let i = 0; i < h.density.length; i++) mass += h.density[i] * (h.edges[i + 1] - h.edges[i]);
    expect(mass).toBeCloseTo(1, 12);
    expect(spectraOf('x', { note: 'nothing' })).toEqual([]);
  });
});

describe('paramDiff and legend labels', () => {
  const runs = [
    { id: 1, kind: 'mp-sanity', seed: 7, params: { n: 200, d: 300, entries: 'gaussian' } },
    { id: 2, kind: 'mp-sanity', seed: 8, params: { n: 200, d: 600, entries: 'gaussian' } },
  ];
  it('marks exactly the rows that differ', () => {
    const rows = paramDiff(runs);
    expect(rows.filter((r) => r.differs).map((r) => r.path)).toEqual(['seed', 'd']);
  });
  it('labels runs by the parameters that differ, else by seed, else by number', () => {
    expect(runLegendLabels(runs)).toEqual(['d=300', 'd=600']);
    expect(runLegendLabels(runs.map((r) => ({ ...r, params: { n: 1 } })))).toEqual(['seed=7', 'seed=8']);
    expect(runLegendLabels(runs.map((r) => ({ ...r, seed: 1, params: { n: 1 } })))).toEqual(['run #1', 'run #2']);
  });
  it('shows the engine version when it differs (same seed, different arrays across versions)', () => {
    const mixed = runs.map((r, i) => ({ ...r, seed: 1, engineVersion: i === 0 ? '0.1.0' : '0.2.0' }));
    expect(paramDiff(mixed).filter((r) => r.differs).map((r) => r.path)).toEqual(['engine', 'd']);
    expect(runLegendLabels(mixed)).toEqual(['engine=0.1.0 d=300', 'engine=0.2.0 d=600']);
    const same = runs.map((r) => ({ ...r, engineVersion: '0.2.0' }));
    expect(paramDiff(same).find((r) => r.path === 'engine')?.differs).toBe(false);
  });
});

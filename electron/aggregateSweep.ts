import type { SweepSeries } from './api.js';
import type { SweepMetric } from '../engine/kinds/ComputationModule.js';

/** One finished point of a sweep: the swept value and the metrics its result yielded. */
export interface SweepPoint {
  value: number;
  metrics: SweepMetric[];
}

/**
 * Mean ± standard error over repeats for each (series, role) at each swept value. The standard error
 * is s/√k with the sample standard deviation s (0 when k = 1). Theory values are deterministic given
 * the parameters, so their mean is the value and their spread only shows float noise.
 */
export function aggregateSweep(points: readonly SweepPoint[]): SweepSeries[] {
  const groups = new Map<string, { series: string; role: 'simulation' | 'theory'; byX: Map<number, number[]> }>();
  for (const p of points) {
    for (const m of p.metrics) {
      if (!Number.isFinite(m.value)) continue;
      const key = `${m.role}\u0000${m.series}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { series: m.series, role: m.role, byX: new Map() }));
      const list = g.byX.get(p.value) ?? [];
      list.push(m.value);
      g.byX.set(p.value, list);
    }
  }
  return [...groups.values()].map((g) => {
    const xs = [...g.byX.keys()].sort((a, b) => a - b);
    const mean: number[] = [], stderr: number[] = [], count: number[] = [];
    for (const x of xs) {
      const v = g.byX.get(x)!;
      const mu = v.reduce((a, b) => a + b, 0) / v.length;
      const s2 = v.length > 1 ? v.reduce((a, b) => a + (b - mu) ** 2, 0) / (v.length - 1) : 0;
      mean.push(mu);
      stderr.push(Math.sqrt(s2 / v.length));
      count.push(v.length);
    }
    return { series: g.series, role: g.role, x: xs, mean, stderr, count };
  });
}

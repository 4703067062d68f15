import { describe, expect, it } from 'vitest';
import { recoveryCurvesOption } from './recoveryCurvesOption';

describe('recoveryCurvesOption', () => {
  it('draws each method’s line in increasing x whatever the order of the sweep values', () => {
    const option = recoveryCurvesOption({ curves: [{ method: 'grampa', x: [0.2, 0.05, 0.1], mean: [0.9, 1, 0.99], stderr: [0, 0, 0] }], xLabel: 'sigma' });
    const line = (option.series as { name: string; data: [number, number][] }[]).find((s) => s.name === 'grampa')!;
    expect(line.data.map((d) => d[0])).toEqual([0.05, 0.1, 0.2]);
    expect(line.data.map((d) => d[1])).toEqual([1, 0.99, 0.9]);
  });
});

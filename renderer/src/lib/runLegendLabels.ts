import type { RunSummary } from '../../../electron/api';
import { paramDiff } from './paramDiff';

/**
 * Legend labels for runs drawn together: the parameters that differ ("n=200 d=800"), the seed when
 * only seeds differ, and the run number when nothing does. At most three parameters, to stay legible.
 */
export function runLegendLabels(runs: readonly (Pick<RunSummary, 'id' | 'kind' | 'seed' | 'params'> & { engineVersion?: string })[]): string[] {
  const rows = paramDiff(runs).filter((r) => r.differs);
  const params = rows.filter((r) => r.path !== 'seed');
  const shown = (params.length ? params : rows).slice(0, 3);
  return runs.map((run, i) => {
    const parts = shown.map((r) => (r.path === 'kind' ? r.values[i] : `${r.path.split('.').pop()}=${r.values[i]}`));
    return parts.length ? parts.join(' ') : `run #${run.id}`;
  });
}

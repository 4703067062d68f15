import type { FigureSpec, Id, RunDetail } from '../../../../electron/api';
import { figurePanels } from './figurePanels';

function cell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The plotted data, one row per histogram bin or theory point: panel, run, legend label, series,
 * x (bin left edge or curve abscissa), x_right (bin right edge; empty for curves) and density.
 * Numbers are written with full precision (shortest round-trip form).
 */
export function figureCsv(spec: FigureSpec, runs: ReadonlyMap<Id, RunDetail>): string {
  const lines = ['panel,run,label,quantity,series,x,x_right,density'];
  figurePanels(spec, runs).forEach((panel, i) => {
    const name = panel.letter || String(i + 1);
    panel.entries.forEach((e, k) => {
      const run = panel.runIds[k];
      const { histogram, theory } = e.spectrum;
      if (histogram) {
        for (let b = 0; b < histogram.density.length; b++) {
          lines.push([name, run, e.label, e.spectrum.label, 'simulation', histogram.edges[b], histogram.edges[b + 1], histogram.density[b]].map(cell).join(','));
        }
      }
      if (theory && spec.panels[i].showTheory) {
        for (let t = 0; t < theory.x.length; t++) lines.push([name, run, e.label, e.spectrum.label, 'theory', theory.x[t], '', theory.density[t]].map(cell).join(','));
      }
    });
  });
  return lines.join('\n') + '\n';
}

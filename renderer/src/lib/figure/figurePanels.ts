import type { FigureSpec, Id, RunDetail } from '../../../../electron/api';
import type { OverlayEntry } from '../../charts/options/overlayOption';
import { runLegendLabels } from '../runLegendLabels';
import { spectraOf } from '../spectraOf';

/** What one panel of a figure draws: its letter, title and the spectra of its runs. */
export interface ResolvedPanel {
  letter: string;
  title: string;
  entries: OverlayEntry[];
  runIds: Id[];
}

/** Resolves a spec's panels against loaded runs (runs that are missing or have no spectrum are skipped). */
export function figurePanels(spec: FigureSpec, runs: ReadonlyMap<Id, RunDetail>): ResolvedPanel[] {
  // A panel with one run is titled by what sets that run apart from the figure's other runs ("d=600").
  const figureRuns = [...new Set(spec.panels.flatMap((p) => p.runIds))].map((id) => runs.get(id)).filter((r): r is RunDetail => r !== undefined);
  const figureLabels = new Map(runLegendLabels(figureRuns).map((label, k) => [figureRuns[k].id, label]));
  return spec.panels.slice(0, spec.rows * spec.cols).map((panel, i) => {
    const present = panel.runIds.map((id) => runs.get(id)).filter((r): r is RunDetail => r !== undefined);
    const labels = runLegendLabels(present);
    const entries: OverlayEntry[] = [];
    let quantity = '';
    present.forEach((run, k) => {
      const list = spectraOf(run.kind, run.result);
      const s = list[Math.min(panel.spectrum, list.length - 1)];
      if (s) {
        entries.push({ label: labels[k], spectrum: s });
        quantity ||= s.label;
      }
    });
    return {
      letter: spec.panelLetters ? `(${String.fromCharCode(97 + i)})` : '',
      title:
        panel.title ||
        [quantity && quantity !== 'spectrum' ? quantity : '', present.length === 1 && figureRuns.length > 1 ? figureLabels.get(present[0].id) : '']
          .filter(Boolean)
          .join(', '),
      entries,
      runIds: present.map((r) => r.id),
    };
  });
}

import type { FigurePanelSpec, FigureSpec, Id } from '../../../../electron/api';

export function blankPanel(runIds: Id[] = [], title = ''): FigurePanelSpec {
  return { runIds, spectrum: 0, title, xLabel: 'λ', yLabel: 'density', logY: false, showTheory: true };
}

/**
 * A first composition for some runs: one panel per run (histogram against theory), plus an overlay
 * of all of them when there are several; laid out in the squarest grid that holds the panels.
 */
export function defaultFigureSpec(runIds: readonly Id[]): FigureSpec {
  const panels = runIds.map((id) => blankPanel([id]));
  if (runIds.length > 1) panels.push(blankPanel([...runIds], 'overlay'));
  if (panels.length === 0) panels.push(blankPanel(), blankPanel());
  const count = Math.min(panels.length, 16);
  const cols = count <= 3 ? count : Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  return { version: 1, rows, cols, size: 'double', fontSize: 8, palette: 'seeds', panelLetters: true, legend: true, panels: panels.slice(0, rows * cols) };
}

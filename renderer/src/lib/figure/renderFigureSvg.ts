import type { FigureSpec, Id, RunDetail } from '../../../../electron/api';
import { echarts } from '../../charts/echarts';
import { overlayOption } from '../../charts/options/overlayOption';
import type { ChartPalette } from '../../charts/options/chartPalette';
import { figureGeometry } from './figureGeometry';
import { figurePanels } from './figurePanels';

/** Print colours: black text and axes on white, whatever the app's theme. */
const PRINT: ChartPalette = {
  background: '#ffffff',
  text: '#000000',
  textMuted: '#222222',
  axis: '#000000',
  splitLine: '#dddddd',
  histogram: 'rgba(31, 119, 180, 0.35)',
  histogramBorder: '#1f77b4',
  theory: '#d62728',
  atom: '#d62728',
  edge: '#d62728',
  outlier: '#000000',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#cccccc',
};

/**
 * The figure as one standalone SVG document: every panel rendered by ECharts' SVG renderer in
 * server-side mode (text stays text), placed on a grid. Deterministic: zrender's per-instance ids and
 * hover CSS are rewritten or dropped, so the same spec and data always give the same bytes.
 */
export function renderFigureSvg(spec: FigureSpec, runs: ReadonlyMap<Id, RunDetail>): string {
  const g = figureGeometry(spec);
  const panels = figurePanels(spec, runs);
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const row = Math.floor(i / spec.cols);
    const col = i % spec.cols;
    const w = Math.round(g.panelWidth);
    const h = Math.round(g.panelHeight);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: w, height: h });
    try {
      const yLabel = spec.panels[i].yLabel;
      chart.setOption(
        overlayOption({
          entries: panel.entries,
          showTheory: spec.panels[i].showTheory,
          logY: spec.panels[i].logY,
          title: panel.title,
          letter: panel.letter,
          xLabel: spec.panels[i].xLabel,
          yLabel,
          legend: spec.legend && panel.entries.length > 0,
          fontSize: g.fontPx,
          fontFamily: 'Helvetica, Arial, sans-serif',
          palette: PRINT,
          colors: spec.palette === 'okabe-ito' ? 'okabe-ito' : 'seeds',
        }),
      );
      parts.push(`<g id="panel-${i + 1}" transform="translate(${Math.round(col * g.panelWidth)} ${Math.round(row * g.panelHeight)})">\n${inner(chart.renderToSVGString(), i)}\n</g>`);
    } finally {
      chart.dispose();
    }
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="0" y="0" width="${g.width}" height="${g.height}" fill="#ffffff"></rect>`,
    ...parts,
    `</svg>`,
    '',
  ].join('\n');
}

/** The body of one panel's SVG: no outer <svg>, no hover CSS or SSR metadata, ids unique per panel. */
function inner(svg: string, index: number): string {
  return svg
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\s(class|pointer-events|ecmeta_[\w]+)="[^"]*"/g, '')
    .replace(/zr\d+-/g, `p${index + 1}-`)
    .replace(/<defs\s*>\s*<\/defs>/g, '')
    .trim();
}

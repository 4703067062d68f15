import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * A similarity matrix as a heatmap (GRAMPA's X̂, ordered so that true matches lie on the diagonal).
 * Drawn with a custom series of rectangles (no visualMap component needed); matrices larger than
 * `maxCells` per side are block-averaged first, so an n = 200 matrix is 100×100 cells of SVG.
 * Colours: a diverging blue–white–red scale symmetric about 0, saturating at the 99th percentile of
 * |X|, so that one huge entry does not wash out the rest. Series name: 'similarity'. Pure.
 */
export interface SimilarityHeatmapParams {
  size: number;
  /** size×size, row-major. */
  values: ArrayLike<number>;
  rowLabel?: string;
  colLabel?: string;
  maxCells?: number;
  palette?: ChartPalette;
}

export function similarityHeatmapOption(p: SimilarityHeatmapParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const n = p.size;
  const block = Math.max(1, Math.ceil(n / (p.maxCells ?? 100)));
  const m = Math.ceil(n / block);
  const cells: [number, number, number][] = [];
  const mags: number[] = [];
  for (let bi = 0; bi < m; bi++) {
    for (let bj = 0; bj < m; bj++) {
      let s = 0;
      let c = 0;
      for (let i = bi * block; i < Math.min(n, (bi + 1) * block); i++) {
        for (let j = bj * block; j < Math.min(n, (bj + 1) * block); j++) {
          s += p.values[i * n + j];
          c++;
        }
      }
      const v = c ? s / c : 0;
      cells.push([bj, bi, v]);
      mags.push(Math.abs(v));
    }
  }
  mags.sort((a, b) => a - b);
  const scale = mags[Math.floor(0.99 * (mags.length - 1))] || mags[mags.length - 1] || 1;
  const color = (v: number) => diverging(Math.max(-1, Math.min(1, v / scale)));
  const render: CustomSeriesRenderItem = (_info, api) => {
    const x = api.value(0) as number;
    const y = api.value(1) as number;
    const [x0, y0] = api.coord([x, y]);
    const [x1, y1] = api.coord([x + 1, y + 1]);
    return {
      type: 'rect',
      shape: { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0) + 0.3, height: Math.abs(y1 - y0) + 0.3 },
      style: { fill: color(api.value(2) as number) },
    };
  };
  const axis = (name: string) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 26,
    min: 0,
    max: m,
    nameTextStyle: { color: pal.textMuted, fontSize: 12 },
    axisLine: { lineStyle: { color: pal.axis } },
    axisLabel: { color: pal.textMuted, fontSize: 10, formatter: (v: number) => String(Math.round(v * block)) },
    splitLine: { show: false },
  });
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: pal.text },
    grid: { left: 56, right: 16, top: 16, bottom: 44, containLabel: false },
    tooltip: {
      trigger: 'item',
      backgroundColor: pal.tooltipBackground,
      borderColor: pal.tooltipBorder,
      textStyle: { color: pal.text, fontSize: 12 },
      formatter: (item) => {
        const [x, y, v] = (item as unknown as { value: [number, number, number] }).value;
        const range = (k: number) => (block === 1 ? String(k) : `${k * block}–${Math.min(n, (k + 1) * block) - 1}`);
        return `row ${range(y)}, column ${range(x)}<br/>X̂ = ${v.toPrecision(4)}`;
      },
    },
    xAxis: axis(p.colLabel ?? 'vertex of B (true partner order)'),
    yAxis: { ...axis(p.rowLabel ?? 'vertex of A'), inverse: true },
    series: [{ type: 'custom', name: 'similarity', renderItem: render, data: cells, encode: { x: 0, y: 1 } }],
  };
}

/** t ∈ [−1, 1] → blue (#1f77b4) … white … red (#d62728). */
function diverging(t: number): string {
  const [r, g, b] = t >= 0 ? mix([255, 255, 255], [214, 39, 40], t) : mix([255, 255, 255], [31, 119, 180], -t);
  return `rgb(${r}, ${g}, ${b})`;
}

function mix(a: number[], b: number[], t: number): number[] {
  return a.map((x, k) => Math.round(x + (b[k] - x) * t));
}

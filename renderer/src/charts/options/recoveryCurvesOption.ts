import type { CustomSeriesRenderItem, EChartsOption, SeriesOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * Graph-matching recovery curves: recovered fraction against the swept parameter, one line per method
 * with ±1 standard-error bars over repeats. GRAMPA (the method under study) is drawn thick, in the
 * theory red and on top; baselines are thinner, in muted distinct colours with distinct symbols, so
 * the figure reads in greyscale too. A pure function of its inputs.
 * Series names are the method names (tests and the legend use them); error bars are "<method> ± s.e.".
 */
export interface RecoveryCurve {
  method: string;
  x: ArrayLike<number>;
  mean: ArrayLike<number>;
  stderr: ArrayLike<number>;
}

export interface RecoveryCurvesParams {
  curves: readonly RecoveryCurve[];
  /** The swept parameter ("sigma", "delta", …): the x-axis label. */
  xLabel: string;
  /** The method drawn emphasised. */
  highlight?: string;
  yLabel?: string;
  palette?: ChartPalette;
}

const BASELINE_COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
const GREEK: Record<string, string> = { sigma: 'σ', delta: 'δ', eta: 'η', q: 'q', n: 'n' };

export function recoveryCurvesOption(p: RecoveryCurvesParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const highlight = p.highlight ?? 'grampa';
  const series: SeriesOption[] = [];
  let baseline = 0;
  const xs: number[] = [];
  for (const c of p.curves) {
    const main = c.method === highlight;
    const color = main ? pal.theory : BASELINE_COLORS[baseline % BASELINE_COLORS.length];
    const symbol = main ? 'circle' : SYMBOLS[(baseline + 1) % SYMBOLS.length];
    if (!main) baseline++;
    const pts: [number, number | '-'][] = [];
    const bars: [number, number, number][] = [];
    // Sweep values may come in any order (the first is the one a table reports): draw lines in x order.
    const order = Array.from({ length: c.x.length }, (_, i) => i).sort((a, b) => c.x[a] - c.x[b]);
    for (const i of order) {
      const m = c.mean[i];
      xs.push(c.x[i]);
      pts.push([c.x[i], Number.isFinite(m) ? m : '-']);
      const se = c.stderr[i];
      if (Number.isFinite(m) && se > 0) bars.push([c.x[i], m - se, m + se]);
    }
    series.push({
      type: 'line',
      name: c.method,
      data: pts,
      symbol,
      symbolSize: main ? 8 : 6,
      lineStyle: { color, width: main ? 3 : 1.5, opacity: main ? 1 : 0.85 },
      itemStyle: { color },
      z: main ? 5 : 3,
      emphasis: { focus: 'series' },
    });
    if (bars.length > 0) {
      const renderBar: CustomSeriesRenderItem = (_info, api) => {
        const x = api.value(0) as number;
        const [cx, top] = api.coord([x, api.value(2) as number]);
        const bottom = api.coord([x, api.value(1) as number])[1];
        const stroke = { stroke: color, lineWidth: main ? 1.6 : 1.1 };
        const cap = main ? 5 : 3.5;
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: cx, y1: top, x2: cx, y2: bottom }, style: stroke },
            { type: 'line', shape: { x1: cx - cap, y1: top, x2: cx + cap, y2: top }, style: stroke },
            { type: 'line', shape: { x1: cx - cap, y1: bottom, x2: cx + cap, y2: bottom }, style: stroke },
          ],
        } as ReturnType<CustomSeriesRenderItem>;
      };
      series.push({
        type: 'custom',
        name: `${c.method} ± s.e.`,
        renderItem: renderBar,
        data: bars,
        encode: { x: 0, y: [1, 2] },
        z: main ? 4 : 2,
        silent: true,
        tooltip: { show: false },
      });
    }
  }
  const finite = xs.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  const xName = GREEK[p.xLabel] ?? p.xLabel;
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: pal.text },
    legend: {
      data: p.curves.map((c) => ({ name: c.method, icon: c.method === highlight ? 'circle' : undefined })),
      left: 66,
      top: 4,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: pal.textMuted, fontSize: 12 },
    },
    toolbox: {
      right: 8,
      top: 0,
      itemSize: 14,
      iconStyle: { borderColor: pal.textMuted },
      feature: { restore: { title: 'Reset view' }, saveAsImage: { title: 'Save as SVG', name: 'recovery-curves' } },
    },
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    tooltip: {
      trigger: 'axis',
      backgroundColor: pal.tooltipBackground,
      borderColor: pal.tooltipBorder,
      textStyle: { color: pal.text, fontSize: 12 },
      confine: true,
      valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(3) : String(v)),
    },
    xAxis: {
      type: 'value',
      name: xName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: pal.textMuted, fontSize: 12 },
      min: lo - pad,
      max: hi + pad,
      axisLine: { onZero: false, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11, showMinLabel: false, showMaxLabel: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: p.yLabel ?? 'recovered fraction',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: pal.textMuted, fontSize: 12 },
      min: 0,
      max: 1.02,
      axisLine: { show: true, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11, formatter: (v: number) => (v > 1 ? '' : String(Number(v.toFixed(2)))) },
      splitLine: { show: true, lineStyle: { color: pal.splitLine } },
    },
    series,
  };
}

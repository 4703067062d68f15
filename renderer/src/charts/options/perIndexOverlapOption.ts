import type { EChartsOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * The seed slides' per-index overlaps: ⟨u_i, v_j⟩² for a fixed i against j = i − w … i + w, averaged
 * over draws, as bars (one series, 'overlap'), with j = i marked. A pure function of its inputs.
 */
export interface PerIndexOverlapParams {
  i: number;
  j: ArrayLike<number>;
  overlap: ArrayLike<number>;
  title?: string;
  palette?: ChartPalette;
}

export function perIndexOverlapOption(p: PerIndexOverlapParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const data = Array.from({ length: p.j.length }, (_, k) => [p.j[k], p.overlap[k]]);
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: pal.text },
    title: p.title ? { text: p.title, left: 8, top: 2, textStyle: { fontSize: 13, fontWeight: 600, color: pal.text } } : undefined,
    grid: { left: 64, right: 24, top: p.title ? 36 : 16, bottom: 48 },
    tooltip: { trigger: 'item', backgroundColor: pal.tooltipBackground, borderColor: pal.tooltipBorder, textStyle: { color: pal.text, fontSize: 12 }, confine: true },
    xAxis: {
      type: 'value',
      name: 'j',
      nameLocation: 'middle',
      nameGap: 28,
      min: p.j.length ? p.j[0] - 1 : 0,
      max: p.j.length ? p.j[p.j.length - 1] + 1 : 1,
      minInterval: 1,
      axisLine: { onZero: false, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: `⟨u${sub(p.i)}, vⱼ⟩²`,
      nameLocation: 'middle',
      nameGap: 48,
      min: 0,
      axisLine: { show: true, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11 },
      splitLine: { show: true, lineStyle: { color: pal.splitLine } },
    },
    series: [
      {
        type: 'line',
        name: 'overlap',
        data,
        step: 'middle',
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: pal.histogramBorder, width: 1.5 },
        itemStyle: { color: pal.histogramBorder },
        areaStyle: { color: pal.histogram },
        markLine: { symbol: ['none', 'none'], lineStyle: { color: pal.theory, type: [4, 4] }, label: { formatter: `j = i = ${p.i}`, color: pal.textMuted }, data: [{ xAxis: p.i }] },
      },
    ],
  };
}

function sub(k: number): string {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

import type { EChartsOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * Heavy-tail figure: the empirical survival function S(λ) = #{λ_i ≥ λ}/m of an ESD on log–log axes,
 * with the fitted power law S(λ) = (k/m)(λ/xmin)^{1−α} drawn from xmin (MATH §7.2; a density exponent α
 * is a survival slope 1 − α). Series names: 'esd', 'power law', 'xmin'.
 */
export interface PowerLawTailParams {
  /** Eigenvalues, ascending. */
  eigenvalues: ArrayLike<number>;
  fit: { alpha: number; xmin: number; nTail: number };
  title?: string;
  palette?: ChartPalette;
}

export function powerLawTailOption(p: PowerLawTailParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const values: number[] = [];
  for (let i = 0; i < p.eigenvalues.length; i++) if (p.eigenvalues[i] > 0) values.push(p.eigenvalues[i]);
  const m = values.length;
  const points: [number, number][] = values.map((v, i) => [v, (m - i) / m]);
  const { alpha, xmin, nTail } = p.fit;
  const fitLine: [number, number][] = [];
  const ok = Number.isFinite(alpha) && xmin > 0 && m > 0;
  if (ok) {
    const top = values[m - 1];
    for (let i = 0; i <= 40; i++) {
      const x = xmin * (top / xmin) ** (i / 40);
      fitLine.push([x, (nTail / m) * (x / xmin) ** (1 - alpha)]);
    }
  }
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { color: pal.text },
    title: p.title ? { text: p.title, left: 8, top: 2, textStyle: { fontSize: 13, color: pal.text } } : undefined,
    legend: { data: ['esd', 'power law'], right: 8, top: 4, textStyle: { color: pal.textMuted }, formatter: (n: string) => (n === 'esd' ? 'empirical S(λ)' : ok ? `power law α = ${alpha.toFixed(2)}` : 'no fit') },
    grid: { left: 60, right: 20, top: 36, bottom: 44 },
    tooltip: { trigger: 'item', confine: true, backgroundColor: pal.tooltipBackground, borderColor: pal.tooltipBorder, textStyle: { color: pal.text, fontSize: 12 } },
    xAxis: { type: 'log', name: 'λ', nameLocation: 'middle', nameGap: 26, axisLabel: { color: pal.textMuted }, axisLine: { lineStyle: { color: pal.axis } }, splitLine: { show: false } },
    yAxis: { type: 'log', name: 'P(Λ ≥ λ)', nameLocation: 'middle', nameGap: 44, axisLabel: { color: pal.textMuted }, axisLine: { show: true, lineStyle: { color: pal.axis } }, splitLine: { lineStyle: { color: pal.splitLine } } },
    series: [
      { type: 'scatter', name: 'esd', data: points, symbolSize: 3, itemStyle: { color: pal.histogramBorder } },
      { type: 'line', name: 'power law', data: fitLine, showSymbol: false, lineStyle: { color: pal.theory, width: 2 }, itemStyle: { color: pal.theory } },
      ...(ok
        ? [{ type: 'line' as const, name: 'xmin', data: [], markLine: { symbol: ['none', 'none'], lineStyle: { color: pal.edge, type: [4, 4] as number[] }, label: { formatter: 'xmin', color: pal.textMuted }, data: [{ xAxis: xmin }] } }]
        : []),
    ],
  };
}

import type { EChartsOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * Log–log survival plot of a heavy-tailed spectrum with its fitted power law (MATH.md §7.2): the
 * empirical S(x) = #{λ ≥ x}/n as dots, and the CSN fit S(x) = (k/n)(x/x_min)^{1−α} for x ≥ x_min as a
 * red line. A straight tail on log–log axes is what a power law means; its slope is 1 − α.
 */
export interface TailFitParams {
  /** Positive values, any order. */
  values: ArrayLike<number>;
  fit: { alpha: number; xmin: number; nTail: number } | null;
  title?: string;
  xLabel?: string;
  palette?: ChartPalette;
  /** At most this many dots (evenly spaced in rank), so 10⁴ eigenvalues stay light. */
  maxPoints?: number;
}

export function tailFitOption(params: TailFitParams): EChartsOption {
  const p = params.palette ?? lightPalette;
  const sorted = Float64Array.from(params.values).filter((v) => v > 0).sort();
  const n = sorted.length;
  const maxPoints = params.maxPoints ?? 600;
  // The tail is the story: start at the 10% quantile so a few near-zero eigenvalues (rank
  // deficiency) do not stretch the log axis over ten decades.
  const start = Math.floor(0.1 * n);
  const step = Math.max(1, Math.floor((n - start) / maxPoints));
  const dots: [number, number][] = [];
  for (let i = start; i < n; i += step) dots.push([sorted[i], (n - i) / n]);
  if (n > 0 && dots[dots.length - 1][0] !== sorted[n - 1]) dots.push([sorted[n - 1], 1 / n]);
  const fitLine: [number, number][] = [];
  if (params.fit && n > 0 && Number.isFinite(params.fit.alpha)) {
    const { alpha, xmin, nTail } = params.fit;
    const top = sorted[n - 1];
    for (let j = 0; j <= 40; j++) {
      const x = xmin * Math.pow(top / xmin, j / 40);
      fitLine.push([x, (nTail / n) * Math.pow(x / xmin, 1 - alpha)]);
    }
  }
  return {
    backgroundColor: p.background,
    textStyle: { color: p.text },
    title: params.title ? { text: params.title, left: 8, top: 4, textStyle: { fontSize: 13, color: p.text } } : undefined,
    grid: { left: 64, right: 24, top: params.title ? 48 : 28, bottom: 48 },
    legend: { top: params.title ? 22 : 2, right: 8, textStyle: { color: p.textMuted } },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'log', name: params.xLabel ?? 'λ', nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: powerOfTen }, axisLine: { lineStyle: { color: p.axis } }, splitLine: { lineStyle: { color: p.splitLine } } },
    yAxis: { type: 'log', name: 'P(λ ≥ x)', nameLocation: 'middle', nameGap: 48, axisLabel: { formatter: powerOfTen }, axisLine: { lineStyle: { color: p.axis } }, splitLine: { lineStyle: { color: p.splitLine } } },
    series: [
      { name: 'empirical', type: 'scatter', data: dots, symbolSize: 4, itemStyle: { color: p.histogramBorder } },
      ...(fitLine.length
        ? [{ name: `power law α = ${params.fit!.alpha.toFixed(2)}`, type: 'line' as const, data: fitLine, showSymbol: false, lineStyle: { color: p.theory, width: 2 } }]
        : []),
    ],
  };
}

/** Log-axis ticks as 10ⁿ beyond [0.01, 1000], so wide ranges do not run their labels together. */
function powerOfTen(v: number): string {
  if (v >= 0.01 && v <= 1000) return String(Number(v.toPrecision(3)));
  const e = Math.round(Math.log10(v));
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${String(e).split('').map((c) => sup[c]).join('')}`;
}

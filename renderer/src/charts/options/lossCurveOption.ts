import type { EChartsOption, SeriesOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * Loss over training: the per-step training loss (full batch or minibatch) as a line, train and test
 * loss at the snapshots as dots, and the scrubbed snapshot as a vertical marker. Log y axis.
 * Series names: 'loss', 'train', 'test', 'current'.
 */
export interface LossCurveParams {
  steps: ArrayLike<number>;
  loss: ArrayLike<number>;
  lossLabel: string;
  snapshots: readonly { step: number; trainLoss: number; testLoss: number }[];
  currentStep?: number;
  divergedAt?: number | null;
  palette?: ChartPalette;
}

export function lossCurveOption(p: LossCurveParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const positive = (v: number) => (v > 0 && Number.isFinite(v) ? v : '-');
  const series: SeriesOption[] = [
    {
      type: 'line',
      name: 'loss',
      showSymbol: false,
      data: Array.from({ length: p.loss.length }, (_, i) => [p.steps[i], positive(p.loss[i])]),
      lineStyle: { color: pal.histogramBorder, width: 1.5 },
      itemStyle: { color: pal.histogramBorder },
    },
    {
      type: 'scatter',
      name: 'train',
      data: p.snapshots.map((s) => [s.step, positive(s.trainLoss)]),
      symbolSize: 8,
      itemStyle: { color: pal.histogramBorder },
    },
    {
      type: 'scatter',
      name: 'test',
      data: p.snapshots.map((s) => [s.step, positive(s.testLoss)]),
      symbol: 'diamond',
      symbolSize: 9,
      itemStyle: { color: pal.theory },
    },
  ];
  const marks: { xAxis: number; name: string }[] = [];
  if (p.currentStep !== undefined) marks.push({ xAxis: p.currentStep, name: `step ${p.currentStep}` });
  if (p.divergedAt !== undefined && p.divergedAt !== null) marks.push({ xAxis: p.divergedAt, name: `diverged at ${p.divergedAt}` });
  if (marks.length > 0) {
    series.push({
      type: 'line',
      name: 'current',
      data: [],
      markLine: {
        symbol: ['none', 'none'],
        lineStyle: { color: pal.textMuted, type: [4, 4] },
        label: { formatter: (item) => item.name ?? '', color: pal.textMuted, fontSize: 11 },
        data: marks,
      },
    });
  }
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { color: pal.text },
    legend: { data: ['loss', 'train', 'test'], top: 2, right: 8, textStyle: { color: pal.textMuted }, formatter: (n: string) => (n === 'loss' ? p.lossLabel : n === 'train' ? 'train loss (snapshots)' : 'test loss (snapshots)') },
    grid: { left: 64, right: 24, top: 34, bottom: 44 },
    tooltip: { trigger: 'item', confine: true, backgroundColor: pal.tooltipBackground, borderColor: pal.tooltipBorder, textStyle: { color: pal.text, fontSize: 12 } },
    xAxis: { type: 'value', name: 'step', nameLocation: 'middle', nameGap: 26, min: 0, axisLabel: { color: pal.textMuted }, axisLine: { lineStyle: { color: pal.axis } }, splitLine: { show: false } },
    yAxis: { type: 'log', name: 'loss (1/2n)‖f − y‖²', nameLocation: 'middle', nameGap: 48, axisLabel: { color: pal.textMuted }, axisLine: { show: true, lineStyle: { color: pal.axis } }, splitLine: { lineStyle: { color: pal.splitLine } } },
    series,
  };
}

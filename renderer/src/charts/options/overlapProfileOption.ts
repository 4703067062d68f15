import type { EChartsOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * The Dyson-Brownian-motion overlap profile: n·E⟨u_i, v_j⟩² against λ_i − μ_j, simulation as blue dots
 * and the Lorentzian prediction as a red line (the papers' convention). Series names: 'simulation',
 * 'theory'. Optional log y axis shows the t/Δ² tails. A pure function of its inputs.
 */
export interface OverlapProfileParams {
  x: ArrayLike<number>;
  simulation: ArrayLike<number>;
  theory: ArrayLike<number>;
  title?: string;
  subtitle?: string;
  logY?: boolean;
  palette?: ChartPalette;
}

export function overlapProfileOption(p: OverlapProfileParams): EChartsOption {
  const pal = p.palette ?? lightPalette;
  const logY = p.logY ?? false;
  const ok = (v: number) => Number.isFinite(v) && (!logY || v > 0);
  const sim: [number, number][] = [];
  const th: [number, number | '-'][] = [];
  for (let i = 0; i < p.x.length; i++) {
    if (ok(p.simulation[i])) sim.push([p.x[i], p.simulation[i]]);
    th.push([p.x[i], ok(p.theory[i]) ? p.theory[i] : '-']);
  }
  return {
    backgroundColor: pal.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: pal.text },
    title: p.title
      ? { text: p.title, subtext: p.subtitle, left: 8, top: 2, textStyle: { fontSize: 14, fontWeight: 600, color: pal.text }, subtextStyle: { fontSize: 11, color: pal.textMuted } }
      : undefined,
    legend: {
      data: [{ name: 'simulation', icon: 'circle' }, { name: 'theory', icon: 'path://M0,0 L24,0 L24,3 L0,3 Z' }],
      right: 110,
      top: 4,
      textStyle: { color: pal.textMuted, fontSize: 12 },
      formatter: (name: string) => (name === 'simulation' ? 'simulation' : 'Lorentzian prediction'),
    },
    toolbox: {
      right: 8,
      top: 0,
      itemSize: 14,
      iconStyle: { borderColor: pal.textMuted },
      feature: { restore: { title: 'Reset view' }, saveAsImage: { title: 'Save as SVG', name: 'overlap-profile' } },
    },
    grid: { left: 64, right: 24, top: p.title ? 56 : 36, bottom: 48 },
    tooltip: { trigger: 'axis', backgroundColor: pal.tooltipBackground, borderColor: pal.tooltipBorder, textStyle: { color: pal.text, fontSize: 12 }, confine: true },
    xAxis: {
      type: 'value',
      name: 'λᵢ − μⱼ',
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: pal.textMuted, fontSize: 12 },
      axisLine: { onZero: false, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11 },
      splitLine: { show: false },
    },
    yAxis: {
      type: logY ? 'log' : 'value',
      name: 'n·E⟨uᵢ, vⱼ⟩²',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: pal.textMuted, fontSize: 12 },
      axisLine: { show: true, lineStyle: { color: pal.axis } },
      axisLabel: { color: pal.textMuted, fontSize: 11 },
      splitLine: { show: true, lineStyle: { color: pal.splitLine } },
    },
    series: [
      { type: 'scatter', name: 'simulation', data: sim, symbolSize: 7, itemStyle: { color: pal.histogramBorder }, z: 3 },
      { type: 'line', name: 'theory', data: th, showSymbol: false, lineStyle: { color: pal.theory, width: 2 }, itemStyle: { color: pal.theory }, z: 2 },
    ],
  };
}

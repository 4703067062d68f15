import type { EChartsOption, SeriesOption } from 'echarts';
import type { Spectrum } from '../../lib/spectraOf';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * Spectra of one or several runs on one axis: the compare view's overlay and every panel of the
 * figure composer. A pure function of its parameters (the figure's SVG must be deterministic).
 *
 * One run: the seeds' convention, simulation histogram in blue (filled steps) against theory in red.
 * Several runs: each run one colour of the Okabe–Ito palette (colour-blind safe), its histogram as a
 * step line and its theory dashed in the same colour; the legend names the parameters that differ.
 */

/** Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
/** The seeds' convention (matplotlib tab10): simulation blue, theory red. */
export const SEEDS = { simulation: '#1f77b4', theory: '#d62728' };

export interface OverlayEntry {
  /** Legend label of the run ("n=200 d=800"). */
  label: string;
  spectrum: Spectrum;
}

export interface OverlayOptionParams {
  entries: readonly OverlayEntry[];
  showTheory?: boolean;
  logY?: boolean;
  title?: string;
  /** "(a)", drawn bold before the title. */
  letter?: string;
  xLabel?: string;
  yLabel?: string;
  legend?: boolean;
  /** Base font size in px. */
  fontSize?: number;
  fontFamily?: string;
  palette?: ChartPalette;
  /** 'okabe-ito' colours runs even when there is only one. */
  colors?: 'seeds' | 'okabe-ito';
  xRange?: readonly [number, number];
  /** Interactive views get zoom; exported figures do not. */
  interactive?: boolean;
}

/** Series names: `<label>` for the simulation, `<label> · theory` for theory (single run: "simulation"/"theory"). */
export function overlayOption(params: OverlayOptionParams): EChartsOption {
  const p = params.palette ?? lightPalette;
  const fs = params.fontSize ?? 11;
  const entries = params.entries;
  const single = entries.length === 1 && params.colors !== 'okabe-ito';
  const showTheory = params.showTheory ?? true;
  const logY = params.logY ?? false;
  const series: SeriesOption[] = [];
  let yTop = 0;
  let lo = Infinity;
  let hi = -Infinity;

  entries.forEach((entry, i) => {
    const color = single ? SEEDS.simulation : OKABE_ITO[i % OKABE_ITO.length];
    const theoryColor = single ? SEEDS.theory : color;
    const simName = single ? 'simulation' : entry.label;
    const { histogram, theory } = entry.spectrum;
    if (histogram) {
      // The histogram as one step polyline: (e0,0) (e0,d0) (e1,d0) (e1,d1) … (eK,0).
      const pts: [number, number][] = [[histogram.edges[0], 0]];
      for (let k = 0; k < histogram.density.length; k++) {
        const d = histogram.density[k];
        const y = logY ? Math.max(d, 1e-12) : d;
        pts.push([histogram.edges[k], y], [histogram.edges[k + 1], y]);
        if (d > yTop) yTop = d;
      }
      pts.push([histogram.edges[histogram.edges.length - 1], 0]);
      lo = Math.min(lo, histogram.edges[0]);
      hi = Math.max(hi, histogram.edges[histogram.edges.length - 1]);
      series.push({
        type: 'line',
        name: simName,
        data: logY ? pts.filter(([, y]) => y > 0) : pts,
        showSymbol: false,
        lineStyle: { color, width: single ? 0.8 : 1.4 },
        itemStyle: { color },
        areaStyle: single ? { color, opacity: 0.35 } : undefined,
        z: 1 + i,
      });
    }
    if (theory && showTheory) {
      const pts: [number, number | '-'][] = [];
      let curveMax = 0;
      for (let k = 0; k < theory.x.length; k++) {
        const d = theory.density[k];
        pts.push([theory.x[k], logY && !(d > 0) ? '-' : d]);
        if (d > 0) {
          lo = Math.min(lo, theory.x[k]);
          hi = Math.max(hi, theory.x[k]);
          if (Number.isFinite(d)) curveMax = Math.max(curveMax, d);
        }
      }
      if (!histogram) yTop = Math.max(yTop, curveMax);
      series.push({
        type: 'line',
        name: single ? 'theory' : `${entry.label} · theory`,
        data: pts,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: theoryColor, width: single ? 1.6 : 1.2, type: single ? 'solid' : [5, 3] },
        itemStyle: { color: theoryColor },
        z: 10 + i,
      });
    }
  });

  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const pad = (hi - lo || 1) * 0.03;
  const [xMin, xMax] = params.xRange ?? [lo - pad, hi + pad];
  // Hard-edge theory densities diverge; scale the axis to the histograms.
  const yMax = logY ? undefined : niceCeil(yTop * 1.1) || 1;
  const legendOn = params.legend ?? true;
  const titleText = [params.letter, params.title].filter(Boolean).join(' ');
  const top = (titleText ? fs * 1.9 : fs * 0.8) + (legendOn ? fs * 1.6 * Math.ceil(series.length / 3) : 0);

  return {
    backgroundColor: p.background,
    animation: false,
    textStyle: { fontFamily: params.fontFamily ?? 'Helvetica, Arial, sans-serif', color: p.text, fontSize: fs },
    title: titleText ? { text: titleText, left: 2, top: 0, textStyle: { fontSize: fs * 1.1, fontWeight: 'bold', color: p.text } } : undefined,
    legend: legendOn
      ? {
          top: titleText ? fs * 1.6 : 0,
          left: 'center',
          itemWidth: fs * 1.6,
          itemHeight: fs * 0.7,
          itemGap: fs,
          textStyle: { fontSize: fs * 0.9, color: p.text },
          // A short bar for every series: the default line-with-circle icon reads as a marker that is not there.
          data: series.map((s) => ({ name: s.name as string, icon: 'path://M0,0 L24,0 L24,4 L0,4 Z' })),
        }
      : undefined,
    tooltip: params.interactive ? { trigger: 'axis', confine: true, backgroundColor: p.tooltipBackground, borderColor: p.tooltipBorder, textStyle: { color: p.text, fontSize: 12 } } : undefined,
    dataZoom: params.interactive ? [{ type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseWheel: false }] : undefined,
    grid: { left: fs * 4.2, right: fs * 1.2, top, bottom: fs * 3.4 },
    xAxis: {
      type: 'value',
      name: params.xLabel ?? 'λ',
      nameLocation: 'middle',
      nameGap: fs * 1.9,
      nameTextStyle: { fontSize: fs, color: p.text },
      min: round6(xMin),
      max: round6(xMax),
      axisLine: { onZero: false, lineStyle: { color: p.axis } },
      axisTick: { lineStyle: { color: p.axis } },
      axisLabel: { fontSize: fs * 0.85, color: p.textMuted, showMinLabel: false, showMaxLabel: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: logY ? 'log' : 'value',
      name: params.yLabel ?? 'density',
      nameLocation: 'middle',
      nameGap: fs * 3,
      nameTextStyle: { fontSize: fs, color: p.text },
      min: logY ? undefined : 0,
      max: yMax,
      axisLine: { show: true, onZero: false, lineStyle: { color: p.axis } },
      axisTick: { show: true, lineStyle: { color: p.axis } },
      axisLabel: { fontSize: fs * 0.85, color: p.textMuted },
      splitLine: { show: false },
    },
    series,
  };
}

function round6(x: number): number {
  return Number(x.toPrecision(6));
}

function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * e >= x * 0.9999) return m * e;
  return 10 * e;
}

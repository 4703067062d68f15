import type { CustomSeriesRenderItem, EChartsOption, SeriesOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * The spectrum figure every kind reuses (bulk spectra of Wishart/CK/NTK matrices, spikes, heavy
 * tails): an empirical histogram against a theory density, Dirac atoms, support edges and outliers.
 * A pure function of its parameters, so small multiples are just several calls.
 */

export interface SpectrumHistogram {
  /** K+1 bin edges, ascending. */
  edges: ArrayLike<number>;
  /** K densities (bulk only: a zero atom is drawn separately, not as a tall bin). */
  density: ArrayLike<number>;
}

export interface SpectrumCurve {
  x: ArrayLike<number>;
  density: ArrayLike<number>;
}

export interface SpectrumAtom {
  x: number;
  mass: number;
}

export interface SpectrumMarker {
  x: number;
  label?: string;
}

export interface SpectrumOptionParams {
  histogram?: SpectrumHistogram | null;
  theory?: SpectrumCurve | null;
  atoms?: readonly SpectrumAtom[];
  /** Support intervals of the theory density; each endpoint becomes a thin dashed line. */
  edges?: readonly (readonly [number, number])[];
  /** Isolated eigenvalues to mark on the axis (spikes, heavy-tail outliers). */
  outliers?: readonly SpectrumMarker[];
  title?: string;
  subtitle?: string;
  logY?: boolean;
  palette?: ChartPalette;
  /** Small multiples: smaller type, no toolbox, legend only if asked. */
  compact?: boolean;
  showLegend?: boolean;
  /** Shared x range for panels that are compared side by side. */
  xRange?: readonly [number, number];
  xLabel?: string;
  labels?: Partial<Record<SpectrumSeriesName, string>>;
}

/** Series names are stable identifiers (tests and the legend's toggles use them); labels are for people. */
export const SPECTRUM_SERIES = ['histogram', 'theory', 'atoms', 'edges', 'outliers'] as const;
export type SpectrumSeriesName = (typeof SPECTRUM_SERIES)[number];

const DEFAULT_LABELS: Record<SpectrumSeriesName, string> = {
  histogram: 'empirical',
  theory: 'theory',
  atoms: 'atoms',
  edges: 'support edges',
  outliers: 'outliers',
};

export function spectrumOption(params: SpectrumOptionParams): EChartsOption {
  const p = params.palette ?? lightPalette;
  const logY = params.logY ?? false;
  const compact = params.compact ?? false;
  const labels = { ...DEFAULT_LABELS, ...params.labels };
  const hist = params.histogram ?? null;
  const theory = params.theory ?? null;
  const atoms = params.atoms ?? [];
  const edges = params.edges ?? [];
  const outliers = params.outliers ?? [];

  const histMax = maxOf(hist?.density);
  const theoryMax = maxOf(theory?.density);
  // A hard edge (γ = 1) makes the theory density blow up like 1/√λ; scale the axis to the data and
  // let the curve leave the frame rather than flatten the histogram into the floor.
  const yTop = hist && histMax > 0 ? Math.max(histMax, Math.min(theoryMax, 1.6 * histMax)) : theoryMax;
  const { yMin, yMax } = logY ? logRange(hist, theory, yTop) : { yMin: 0, yMax: niceCeil(yTop * 1.08) || 1 };
  const [xMin, xMax] = params.xRange ?? xExtent(hist, theory, atoms, edges, outliers);
  const fmt = (x: number) => formatTick(x);

  const series: SeriesOption[] = [];
  if (hist) {
    const bins: [number, number, number][] = [];
    for (let i = 0; i < hist.density.length; i++) bins.push([hist.edges[i], hist.edges[i + 1], hist.density[i]]);
    const renderBin: CustomSeriesRenderItem = (info, api) => {
      const x0 = api.value(0) as number;
      const x1 = api.value(1) as number;
      const y = api.value(2) as number;
      if (!(y > 0)) return null;
      const coordSys = info.coordSys as unknown as { x: number; y: number; width: number; height: number };
      const topLeft = api.coord([x0, Math.min(y, yMax)]);
      const topRight = api.coord([x1, Math.min(y, yMax)]);
      const bottom = coordSys.y + coordSys.height;
      return {
        type: 'rect',
        shape: { x: topLeft[0], y: topLeft[1], width: Math.max(0.5, topRight[0] - topLeft[0]), height: bottom - topLeft[1] },
        style: { fill: p.histogram, stroke: p.histogramBorder, lineWidth: compact ? 0.4 : 0.6 },
      };
    };
    series.push({
      type: 'custom',
      name: 'histogram',
      renderItem: renderBin,
      data: bins,
      encode: { x: [0, 1], y: 2 },
      clip: true,
      itemStyle: { color: p.histogramBorder },
      z: 1,
      tooltip: {
        formatter: (item) => {
          const [a, b, d] = (item as unknown as { value: [number, number, number] }).value;
          return `${labels.histogram}<br/>[${fmt(a)}, ${fmt(b)})  density ${fmt(d)}`;
        },
      },
    });
  }
  if (theory) {
    const points: [number, number | '-'][] = [];
    for (let i = 0; i < theory.x.length; i++) {
      const d = theory.density[i];
      // Log axes cannot show zero; outside the support the curve simply stops.
      points.push([theory.x[i], logY && !(d > 0) ? '-' : d]);
    }
    series.push({
      type: 'line',
      name: 'theory',
      data: points,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { color: p.theory, width: compact ? 1.5 : 2 },
      itemStyle: { color: p.theory },
      z: 3,
      tooltip: {
        formatter: (item) => {
          const [x, d] = (item as unknown as { value: [number, number] }).value;
          return `${labels.theory}<br/>λ = ${fmt(x)}  density ${fmt(d)}`;
        },
      },
    });
  }
  if (atoms.length > 0) {
    series.push({
      type: 'line',
      name: 'atoms',
      data: [],
      itemStyle: { color: p.atom },
      markLine: {
        silent: false,
        symbol: ['none', 'arrow'],
        symbolSize: compact ? 7 : 10,
        lineStyle: { color: p.atom, width: compact ? 2 : 2.5, type: 'solid' },
        label: {
          show: true,
          position: 'end',
          color: p.atom,
          fontSize: compact ? 10 : 11,
          formatter: (item) => `mass ${fmt((item.data as { mass?: number }).mass ?? Number.NaN)}`,
        },
        tooltip: { formatter: (item: unknown) => `atom at λ = ${fmt(markX(item))}` },
        data: atoms.map((a) => ({ xAxis: a.x, mass: a.mass })),
      },
    });
  }
  if (edges.length > 0) {
    const endpoints = [...new Set(edges.flatMap(([a, b]) => [a, b]))];
    series.push({
      type: 'line',
      name: 'edges',
      data: [],
      itemStyle: { color: p.edge },
      markLine: {
        silent: false,
        symbol: ['none', 'none'],
        lineStyle: { color: p.edge, width: 1, type: [4, 4] },
        label: { show: false },
        emphasis: { label: { show: true, formatter: (item: unknown) => fmt(markX(item)), color: p.textMuted } },
        tooltip: { formatter: (item: unknown) => `support edge λ = ${fmt(markX(item))}` },
        data: endpoints.map((x) => ({ xAxis: x })),
      },
    });
  }
  if (outliers.length > 0) {
    series.push({
      type: 'scatter',
      name: 'outliers',
      data: outliers.map((o) => ({ value: [o.x, yMin], name: o.label ?? '' })),
      symbol: 'triangle',
      symbolSize: compact ? 8 : 10,
      symbolOffset: [0, -6],
      clip: false,
      itemStyle: { color: p.outlier },
      label: {
        show: outliers.some((o) => o.label),
        position: 'top',
        distance: 8,
        fontSize: compact ? 10 : 11,
        color: p.text,
        formatter: (item) => item.name,
      },
      z: 4,
      tooltip: { formatter: (item) => `${labels.outliers}<br/>λ = ${fmt((item.value as [number, number])[0])}` },
    });
  }

  // Legend swatches that look like what they stand for: a bar, a line, an arrow, a triangle.
  const LINE = 'path://M0,0 L24,0 L24,3 L0,3 Z';
  const legendIcons: Record<SpectrumSeriesName, string> = { histogram: 'rect', theory: LINE, atoms: 'path://M5,0 L10,8 L6,8 L6,24 L4,24 L4,8 L0,8 Z', edges: 'path://M0,0 L7,0 L7,2 L0,2 Z M10,0 L17,0 L17,2 L10,2 Z M20,0 L27,0 L27,2 L20,2 Z', outliers: 'triangle' };
  const legendNames = series.map((s) => s.name as SpectrumSeriesName);
  const showLegend = params.showLegend ?? !compact;
  const top = (params.title ? (compact ? 26 : 34) : 10) + (params.subtitle ? 14 : 0) + (showLegend && !params.title ? 22 : 0);

  return {
    backgroundColor: p.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: p.text },
    title: params.title
      ? {
          text: params.title,
          subtext: params.subtitle,
          left: compact ? 4 : 8,
          top: 2,
          textStyle: { fontSize: compact ? 12 : 14, fontWeight: 600, color: p.text },
          subtextStyle: { fontSize: 11, color: p.textMuted },
        }
      : undefined,
    legend: showLegend
      ? {
          data: legendNames.map((name) => ({ name, icon: legendIcons[name] })),
          right: compact ? 4 : 150,
          top: 4,
          itemWidth: 18,
          itemHeight: 10,
          textStyle: { color: p.textMuted, fontSize: compact ? 10 : 12 },
          formatter: (name: string) => labels[name as SpectrumSeriesName] ?? name,
        }
      : undefined,
    toolbox: compact
      ? undefined
      : {
          right: 8,
          top: 0,
          itemSize: 14,
          iconStyle: { borderColor: p.textMuted },
          feature: {
            dataZoom: { yAxisIndex: 'none', title: { zoom: 'Zoom to a region', back: 'Undo zoom' } },
            restore: { title: 'Reset view' },
            saveAsImage: { title: 'Save as SVG', name: params.title ?? 'spectrum' },
          },
        },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseWheel: false }],
    grid: { left: compact ? 44 : 60, right: compact ? 12 : 24, top, bottom: compact ? 32 : 46 },
    tooltip: {
      trigger: 'item',
      backgroundColor: p.tooltipBackground,
      borderColor: p.tooltipBorder,
      textStyle: { color: p.text, fontSize: 12 },
      confine: true,
    },
    xAxis: {
      type: 'value',
      name: params.xLabel ?? 'λ',
      nameLocation: 'middle',
      nameGap: compact ? 20 : 28,
      nameTextStyle: { color: p.textMuted, fontSize: compact ? 11 : 12 },
      min: xMin,
      max: xMax,
      axisLine: { onZero: false, lineStyle: { color: p.axis } },
      axisTick: { lineStyle: { color: p.axis } },
      axisLabel: { color: p.textMuted, fontSize: compact ? 10 : 11, showMinLabel: false, showMaxLabel: false, formatter: fmt },
      splitLine: { show: false },
    },
    yAxis: {
      type: logY ? 'log' : 'value',
      // Anchored at the left of the grid, not at λ = 0 (which may lie inside the plot).
      name: compact ? undefined : 'density',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: p.textMuted, fontSize: 12 },
      min: yMin,
      max: yMax,
      logBase: 10,
      axisLine: { show: true, onZero: false, lineStyle: { color: p.axis } },
      axisTick: { show: true, lineStyle: { color: p.axis } },
      axisLabel: { color: p.textMuted, fontSize: compact ? 10 : 11, formatter: fmt },
      splitLine: { show: true, lineStyle: { color: p.splitLine } },
    },
    series,
  };
}

/** The x of a markLine item in a formatter callback. */
function markX(item: unknown): number {
  const data = (item as { data?: { xAxis?: unknown } }).data;
  return typeof data?.xAxis === 'number' ? data.xAxis : Number.NaN;
}

function maxOf(a: ArrayLike<number> | undefined): number {
  let m = 0;
  if (a) for (let i = 0; i < a.length; i++) if (a[i] > m && Number.isFinite(a[i])) m = a[i];
  return m;
}

/** Decades that hold the visible data: down to the smallest non-empty bin, at most 6 decades below the top. */
function logRange(hist: SpectrumHistogram | null, theory: SpectrumCurve | null, top: number): { yMin: number; yMax: number } {
  const yMax = (top || 1) * 1.6;
  let low = Infinity;
  if (hist) for (let i = 0; i < hist.density.length; i++) if (hist.density[i] > 0) low = Math.min(low, hist.density[i]);
  if (!Number.isFinite(low) && theory) for (let i = 0; i < theory.density.length; i++) if (theory.density[i] > 0) low = Math.min(low, theory.density[i]);
  if (!Number.isFinite(low)) low = yMax * 1e-3;
  const yMin = 10 ** Math.floor(Math.log10(Math.max(low / 2, yMax * 1e-6)));
  return { yMin, yMax };
}

function xExtent(
  hist: SpectrumHistogram | null,
  theory: SpectrumCurve | null,
  atoms: readonly SpectrumAtom[],
  edges: readonly (readonly [number, number])[],
  outliers: readonly SpectrumMarker[],
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (x: number) => {
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  };
  if (hist && hist.edges.length > 0) {
    take(hist.edges[0]);
    take(hist.edges[hist.edges.length - 1]);
  }
  if (theory) {
    // Only where the density lives: a theory grid padded far beyond the support would squash the plot.
    for (let i = 0; i < theory.x.length; i++) if (theory.density[i] > 0) take(theory.x[i]);
  }
  for (const a of atoms) take(a.x);
  for (const [a, b] of edges) {
    take(a);
    take(b);
  }
  for (const o of outliers) take(o.x);
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  return [lo - pad, hi + pad];
}

/** 1, 2, 2.5, 5 × 10^k at or above x. */
function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * e >= x * 0.9999) return m * e;
  return 10 * e;
}

function formatTick(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e4 || a < 1e-3) {
    const [m, e] = x.toExponential(1).split('e');
    return `${m.replace(/\.0$/, '')}e${Number(e)}`;
  }
  return String(Number(x.toPrecision(4)));
}

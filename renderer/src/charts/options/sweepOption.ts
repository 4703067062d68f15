import type { CustomSeriesRenderItem, EChartsOption, SeriesOption } from 'echarts';
import { lightPalette, type ChartPalette } from './chartPalette';

/**
 * One panel of a sweep figure: a scalar of the result against the swept parameter, simulation as
 * dots with ±1 standard-error bars (over repeats), theory as a line. Blue vs red plus dot vs line, so
 * the two roles stay apart in greyscale and for colour-blind readers. A pure function of its inputs.
 */

export interface SweepCurve {
  x: readonly number[];
  mean: readonly number[];
  /** Standard error of the mean; 0 (no bar) when one repeat finished. */
  stderr: readonly number[];
  /** Finished repeats behind each point. */
  count: readonly number[];
}

export interface SweepOptionParams {
  /** The series name ("largest eigenvalue"): the y-axis label and the stem of the series names. */
  series: string;
  /** The swept parameter's dotted path, the x-axis label. */
  xLabel: string;
  simulation?: SweepCurve | null;
  theory?: SweepCurve | null;
  /** Every value the sweep visits (finished or not), so the x range does not jump as points arrive. */
  xValues?: readonly number[];
  /** Ignored unless every x is positive. */
  logX?: boolean;
  palette?: ChartPalette;
}

/** Stable series names: "<series> (simulation)" and "<series> (theory)" (tests and the legend use them). */
export function sweepSeriesName(series: string, role: 'simulation' | 'theory'): string {
  return `${series} (${role})`;
}

export function sweepOption(params: SweepOptionParams): EChartsOption {
  const p = params.palette ?? lightPalette;
  const sim = params.simulation ?? null;
  const theory = params.theory ?? null;
  const simColor = p.histogramBorder;
  const theoryColor = p.theory;
  const xs = [...(params.xValues ?? []), ...(sim?.x ?? []), ...(theory?.x ?? [])].filter(Number.isFinite);
  const logX = (params.logX ?? false) && xs.length > 0 && xs.every((x) => x > 0);
  const [xMin, xMax] = xRange(xs, logX);
  const [yMin, yMax] = yRange(sim, theory);
  const simName = sweepSeriesName(params.series, 'simulation');
  const theoryName = sweepSeriesName(params.series, 'theory');
  const fmt = formatTick;

  const series: SeriesOption[] = [];
  // Simulation first: linked panels (echarts.connect) match tooltips by series index.
  if (sim && sim.x.length > 0) {
    const renderPoint: CustomSeriesRenderItem = (_info, api) => {
      const x = api.value(0) as number;
      const mean = api.value(1) as number;
      const lo = api.value(2) as number;
      const hi = api.value(3) as number;
      const [cx, cy] = api.coord([x, mean]);
      const children: object[] = [];
      if (hi > lo) {
        const top = api.coord([x, hi])[1];
        const bottom = api.coord([x, lo])[1];
        const cap = 4;
        const stroke = { stroke: simColor, lineWidth: 1.4 };
        children.push(
          { type: 'line', shape: { x1: cx, y1: top, x2: cx, y2: bottom }, style: stroke },
          { type: 'line', shape: { x1: cx - cap, y1: top, x2: cx + cap, y2: top }, style: stroke },
          { type: 'line', shape: { x1: cx - cap, y1: bottom, x2: cx + cap, y2: bottom }, style: stroke },
        );
      }
      children.push({ type: 'circle', shape: { cx, cy, r: 4 }, style: { fill: simColor, stroke: p.tooltipBackground, lineWidth: 1 } });
      return { type: 'group', children } as ReturnType<CustomSeriesRenderItem>;
    };
    series.push({
      type: 'custom',
      name: simName,
      renderItem: renderPoint,
      data: sim.x.map((x, i) => [x, sim.mean[i], sim.mean[i] - sim.stderr[i], sim.mean[i] + sim.stderr[i], sim.count[i], sim.stderr[i]]),
      encode: { x: 0, y: [1, 2, 3] },
      itemStyle: { color: simColor },
      clip: true,
      z: 3,
      tooltip: {
        formatter: (item) => {
          const [x, mean, , , count, se] = (item as unknown as { value: number[] }).value;
          const spread = count > 1 ? ` ± ${fmt(se)}` : '';
          return `${params.xLabel} = ${fmt(x)}<br/><b style="color:${simColor}">simulation</b> ${fmt(mean)}${spread}<br/><span style="opacity:.7">${count} repeat${count === 1 ? '' : 's'}${count > 1 ? ', mean ± s.e.' : ''}</span>`;
        },
      },
    });
  }

  if (theory && theory.x.length > 0) {
    series.push({
      type: 'line',
      name: theoryName,
      data: theory.x.map((x, i) => [x, theory.mean[i]]),
      // A single point has no line to draw: show it as a marker.
      showSymbol: theory.x.length === 1,
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { color: theoryColor, width: 2 },
      itemStyle: { color: theoryColor },
      emphasis: { disabled: true },
      z: 2,
      tooltip: {
        formatter: (item) => {
          const [x, y] = (item as unknown as { value: [number, number] }).value;
          return `${params.xLabel} = ${fmt(x)}<br/><b style="color:${theoryColor}">theory</b> ${fmt(y)}`;
        },
      },
    });
  }
  const LINE = 'path://M0,0 L24,0 L24,3 L0,3 Z';
  const legendData = [
    ...(sim && sim.x.length > 0 ? [{ name: simName, icon: 'circle' }] : []),
    ...(theory && theory.x.length > 0 ? [{ name: theoryName, icon: LINE }] : []),
  ];
  const valueTicks = logX && new Set(xs).size <= 12 ? [...new Set(xs)].sort((a, b) => a - b) : undefined;

  return {
    backgroundColor: p.background,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', color: p.text },
    legend: {
      data: legendData,
      // Left-aligned with the plot: the toolbox owns the right corner.
      left: 66,
      top: 4,
      itemWidth: 18,
      itemHeight: 10,
      textStyle: { color: p.textMuted, fontSize: 12 },
      // The names carry the series for tests and linked charts; the panel's heading already says it.
      formatter: (name: string) => (name === simName ? 'simulation (mean ± s.e.)' : name === theoryName ? 'theory' : name),
    },
    toolbox: {
      right: 8,
      top: 0,
      itemSize: 14,
      iconStyle: { borderColor: p.textMuted },
      feature: {
        dataZoom: { yAxisIndex: 'none', title: { zoom: 'Zoom to a region', back: 'Undo zoom' } },
        restore: { title: 'Reset view' },
        saveAsImage: { title: 'Save as SVG', name: `sweep-${params.series}` },
      },
    },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseWheel: false }],
    grid: { left: 72, right: 24, top: 36, bottom: 48 },
    tooltip: {
      trigger: 'item',
      backgroundColor: p.tooltipBackground,
      borderColor: p.tooltipBorder,
      textStyle: { color: p.text, fontSize: 12 },
      confine: true,
    },
    xAxis: {
      type: logX ? 'log' : 'value',
      logBase: 10,
      name: params.xLabel,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: p.textMuted, fontSize: 12, fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, monospace' },
      min: xMin,
      max: xMax,
      axisLine: { onZero: false, lineStyle: { color: p.axis } },
      // A log axis over less than a decade has one power-of-ten label at most: label the swept values.
      axisTick: { lineStyle: { color: p.axis }, ...(valueTicks ? { customValues: valueTicks } : {}) },
      axisLabel: {
        color: p.textMuted,
        fontSize: 11,
        formatter: fmt,
        ...(valueTicks ? { customValues: valueTicks } : { showMinLabel: false, showMaxLabel: false }),
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: params.series,
      nameLocation: 'middle',
      nameGap: 52,
      nameTextStyle: { color: p.textMuted, fontSize: 12 },
      min: yMin,
      max: yMax,
      axisLine: { show: true, onZero: false, lineStyle: { color: p.axis } },
      axisTick: { show: true, lineStyle: { color: p.axis } },
      axisLabel: { color: p.textMuted, fontSize: 11, formatter: fmt, showMinLabel: false, showMaxLabel: false },
      splitLine: { show: true, lineStyle: { color: p.splitLine } },
    },
    series,
  };
}

/** The swept values with 5% of margin on each side (multiplicative on a log axis). */
function xRange(xs: readonly number[], log: boolean): [number, number] {
  if (xs.length === 0) return [0, 1];
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (log) {
    const f = lo === hi ? 1.5 : (hi / lo) ** 0.05;
    return [lo / f, hi * f];
  }
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/** Error bars and theory both inside, with 8% of margin; a flat series gets a visible band around it. */
function yRange(sim: SweepCurve | null, theory: SweepCurve | null): [number, number] {
  const ys: number[] = [];
  if (sim) sim.mean.forEach((m, i) => ys.push(m - sim.stderr[i], m + sim.stderr[i]));
  if (theory) ys.push(...theory.mean);
  const finite = ys.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  // Simulation and theory that agree to rounding (an atom mass of exactly 1/3) differ by ~1e-16:
  // an axis that thin has no ticks, so treat it as flat.
  if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
    const mid = (lo + hi) / 2;
    const pad = Math.abs(mid) * 0.1 || 0.1;
    return [mid - pad, mid + pad];
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

function formatTick(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = x.toExponential(2).split('e');
    return `${m.replace(/\.?0+$/, '')}e${Number(e)}`;
  }
  return String(Number(x.toPrecision(4)));
}

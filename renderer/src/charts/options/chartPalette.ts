/**
 * Colours of the scientific convention the papers use: empirical histogram in blue, theory in red
 * (matplotlib's tab10 #1f77b4 / #d62728), on a light or dark background.
 */
export interface ChartPalette {
  background: string;
  text: string;
  textMuted: string;
  axis: string;
  splitLine: string;
  histogram: string;
  histogramBorder: string;
  theory: string;
  atom: string;
  edge: string;
  outlier: string;
  tooltipBackground: string;
  tooltipBorder: string;
}

export const lightPalette: ChartPalette = {
  background: 'transparent',
  text: '#1d2330',
  textMuted: '#5b6472',
  axis: '#8a93a1',
  splitLine: '#e7e9ee',
  histogram: 'rgba(31, 119, 180, 0.55)',
  histogramBorder: '#1f77b4',
  theory: '#d62728',
  atom: '#d62728',
  edge: 'rgba(214, 39, 40, 0.65)',
  outlier: '#111827',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#d5d9e0',
};

export const darkPalette: ChartPalette = {
  background: 'transparent',
  text: '#e4e7ec',
  textMuted: '#9aa3b2',
  axis: '#6b7484',
  splitLine: '#2c323d',
  histogram: 'rgba(72, 150, 214, 0.55)',
  histogramBorder: '#4a9be0',
  theory: '#ff5a5a',
  atom: '#ff5a5a',
  edge: 'rgba(255, 90, 90, 0.7)',
  outlier: '#f5d76e',
  tooltipBackground: '#1f242d',
  tooltipBorder: '#3a414d',
};

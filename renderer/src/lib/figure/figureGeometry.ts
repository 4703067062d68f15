import type { FigureSpec } from '../../../../electron/api';

/** Figure widths in inches: one journal column, two columns, and a 16:9 slide (10 × 5.625 in). */
export const FIGURE_WIDTH_IN = { single: 3.5, double: 7, slide: 10 } as const;
/** CSS pixels per inch: SVG user units, and the scale at which PNG pixelRatio = dpi / 96. */
export const PX_PER_IN = 96;

export interface FigureGeometry {
  widthIn: number;
  heightIn: number;
  /** In CSS px (= SVG user units). */
  width: number;
  height: number;
  panelWidth: number;
  panelHeight: number;
  /** Font size in px (the spec says points). */
  fontPx: number;
}

/** Journal sizes keep panels at a 4:3 aspect; a slide is 16:9 whatever the grid. */
export function figureGeometry(spec: Pick<FigureSpec, 'rows' | 'cols' | 'size' | 'fontSize'>): FigureGeometry {
  const widthIn = FIGURE_WIDTH_IN[spec.size];
  const width = Math.round(widthIn * PX_PER_IN);
  const panelWidth = width / spec.cols;
  const panelHeight = spec.size === 'slide' ? (width * 9) / 16 / spec.rows : panelWidth * 0.75;
  const height = Math.round(panelHeight * spec.rows);
  return { widthIn, heightIn: height / PX_PER_IN, width, height, panelWidth, panelHeight: height / spec.rows, fontPx: (spec.fontSize * PX_PER_IN) / 72 };
}

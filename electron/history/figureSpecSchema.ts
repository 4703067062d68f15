import { z } from 'zod';
import type { FigureSpec } from '../api.js';

const label = z.string().max(200, 'must be at most 200 characters');

/** The one validation of a figure spec: used when saving a figure and when importing a project. */
export const figureSpecSchema: z.ZodType<FigureSpec> = z.strictObject({
  version: z.literal(1),
  rows: z.number().int().min(1).max(4),
  cols: z.number().int().min(1).max(4),
  size: z.enum(['single', 'double', 'slide']),
  fontSize: z.number().min(5).max(24),
  palette: z.enum(['seeds', 'okabe-ito']),
  panelLetters: z.boolean(),
  legend: z.boolean(),
  panels: z
    .array(
      z.strictObject({
        runIds: z.array(z.number().int().positive()).max(8, 'at most 8 runs per panel'),
        spectrum: z.number().int().min(0).max(100),
        title: label,
        xLabel: label,
        yLabel: label,
        logY: z.boolean(),
        showTheory: z.boolean(),
      }),
    )
    .max(16, 'at most 16 panels'),
});

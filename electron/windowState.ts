import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Window position and size, remembered between launches (desktop convention, issue 9). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT: WindowState = { width: 1400, height: 900, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const ok = (v: unknown, min: number) => typeof v === 'number' && Number.isFinite(v) && v >= min;
    if (!ok(s.width, 400) || !ok(s.height, 300)) return DEFAULT;
    return {
      width: Math.min(s.width!, 10_000),
      height: Math.min(s.height!, 10_000),
      x: ok(s.x, -10_000) ? s.x : undefined,
      y: ok(s.y, -10_000) ? s.y : undefined,
      maximized: s.maximized === true,
    };
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is harmless; never fail a quit over it.
  }
}

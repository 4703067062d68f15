import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWindowState, saveWindowState } from './windowState.js';

describe('window state', () => {
  it('round-trips, and falls back to defaults for a missing, corrupt or absurd file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-win-'));
    try {
      expect(loadWindowState(dir)).toEqual({ width: 1400, height: 900, maximized: false });
      saveWindowState(dir, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
      expect(loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
      writeFileSync(join(dir, 'window-state.json'), '{not json');
      expect(loadWindowState(dir).width).toBe(1400);
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ width: 5, height: 1e9 }));
      expect(loadWindowState(dir).width).toBe(1400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

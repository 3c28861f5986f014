import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  fitToDisplays,
  parseWindowState,
  readWindowState,
  writeWindowState,
  type Rect,
} from '../../src/main/window/window-state';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitor: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('window state', () => {
  it('reopens where it was on a screen that is still there', () => {
    const s = fitToDisplays({ x: 1600, y: 100, width: 1800, height: 1000, maximized: false }, [laptop, monitor]);
    expect(s).toEqual({ x: 1600, y: 100, width: 1800, height: 1000, maximized: false });
  });

  it('comes back centred on the main screen when the monitor it was on is gone', () => {
    const s = fitToDisplays({ x: 1600, y: 100, width: 1800, height: 1000, maximized: true }, [laptop]);
    expect(s).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: true });
    const small = fitToDisplays({ x: 3000, y: 100, width: 1000, height: 700, maximized: false }, [laptop]);
    expect(small).toEqual({ x: 220, y: 113, width: 1000, height: 700, maximized: false });
  });

  it('pulls a window hanging off the edge back inside, and keeps the minimum size', () => {
    expect(fitToDisplays({ x: 900, y: 300, width: 1000, height: 700, maximized: false }, [laptop])).toMatchObject({ x: 440, y: 200 });
    expect(fitToDisplays({ width: 200, height: 100, maximized: false }, [laptop])).toEqual({ ...MIN_WINDOW_SIZE, maximized: false });
  });

  it('always gives a window inside some screen, whatever was saved', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -10_000, max: 10_000 }),
          y: fc.integer({ min: -10_000, max: 10_000 }),
          width: fc.integer({ min: 1, max: 10_000 }),
          height: fc.integer({ min: 1, max: 10_000 }),
          maximized: fc.boolean(),
        }),
        fc.boolean(),
        (saved, both) => {
          const screens = both ? [laptop, monitor] : [laptop];
          const s = fitToDisplays(saved, screens);
          const inside = screens.some(
            (a) => s.x! >= a.x && s.y! >= a.y && s.x! + s.width <= a.x + a.width && s.y! + s.height <= a.y + a.height,
          );
          expect(inside).toBe(true);
          expect(s.width).toBeGreaterThanOrEqual(Math.min(MIN_WINDOW_SIZE.width, laptop.width));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a missing or broken file as the default and round-trips a saved one', () => {
    dir = mkdtempSync(join(tmpdir(), 'ed-window-'));
    const file = join(dir, 'sub', 'window-state.json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(file, { x: 10, y: 20, width: 1300, height: 900, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 900, maximized: true });
    writeFileSync(file, '{"width": "wide"');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": 1000, "height": 700, "x": "left"}')).toEqual({ width: 1000, height: 700, maximized: false });
    expect(readFileSync(file, 'utf8')).toContain('wide');
  });
});

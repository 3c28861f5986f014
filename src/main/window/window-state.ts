import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where and how big the main window was, remembered across starts (window-state.json in userData). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

function isFiniteInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Parses a saved state; anything unreadable gives the default (a broken file never stops the app). */
export function parseWindowState(raw: string): WindowState {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (!v || typeof v !== 'object') return DEFAULT_WINDOW_STATE;
  const o = v as Record<string, unknown>;
  if (!isFiniteInt(o.width) || !isFiniteInt(o.height)) return DEFAULT_WINDOW_STATE;
  const state: WindowState = {
    width: Math.round(o.width),
    height: Math.round(o.height),
    maximized: o.maximized === true,
  };
  if (isFiniteInt(o.x) && isFiniteInt(o.y)) {
    state.x = Math.round(o.x);
    state.y = Math.round(o.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The saved state made safe for today's screens: at least the minimum size, no larger than the
 * largest work area, and placed where it can be seen. A window saved on a screen that is no longer
 * attached (the laptop left its desk monitor at the office) comes back centred on the primary one.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const atLeastMin = (w: number, h: number) => ({ width: Math.max(w, MIN_WINDOW_SIZE.width), height: Math.max(h, MIN_WINDOW_SIZE.height) });
  // Sized for the screen it will be on: never larger than that screen's work area.
  const sizedFor = (area: Rect) => {
    const s = atLeastMin(state.width, state.height);
    return { width: Math.min(s.width, area.width), height: Math.min(s.height, area.height) };
  };
  const centredOn = (area: Rect): WindowState => {
    const { width, height } = sizedFor(area);
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      maximized: state.maximized,
    };
  };
  if (state.x === undefined || state.y === undefined) return { ...sizedFor(primary), maximized: state.maximized };
  const wanted = { x: state.x, y: state.y, ...atLeastMin(state.width, state.height) };
  // Visible enough: a quarter of the window on a screen, with its top edge (the title bar) on it.
  const host = workAreas.find(
    (a) => overlap(wanted, a) >= (wanted.width * wanted.height) / 4 && wanted.y >= a.y && wanted.y < a.y + a.height,
  );
  if (!host) return centredOn(primary);
  // Pull it fully inside the screen it is mostly on.
  const { width, height } = sizedFor(host);
  const x = Math.min(Math.max(wanted.x, host.x), host.x + host.width - width);
  const y = Math.min(Math.max(wanted.y, host.y), host.y + host.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

export function readWindowState(file: string, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): WindowState {
  try {
    return parseWindowState(read(file));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Writes atomically (temp file + rename), so a crash mid-write keeps the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch (err) {
    console.warn(`could not remember the window position: ${err instanceof Error ? err.message : String(err)}`);
  }
}

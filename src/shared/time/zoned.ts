/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: instants are stored in UTC,
 * but "today", "tomorrow at the same time" and "in a week" are the user's local days, across DST.
 */
export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone this runtime knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
export function wallTime(instantMs: number, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function asUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of `timeZone` from UTC at an instant, in ms (east positive). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  return asUtc(wallTime(instantMs, timeZone)) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time that does not exist (skipped by a
 * DST change) moves forward by the gap; an ambiguous one (repeated) takes the earlier instant.
 */
export function instantOf(w: WallTime, timeZone: string): number {
  const guess = asUtc(w);
  const first = guess - zoneOffsetMs(guess, timeZone);
  const second = guess - zoneOffsetMs(first, timeZone);
  if (first === second) {
    // Ambiguous hour: an hour earlier may show the same wall time; prefer the earlier instant.
    const earlier = first - 3_600_000;
    return asUtc(wallTime(earlier, timeZone)) === guess ? earlier : first;
  }
  // Skipped hour: neither candidate shows the wall time; take the later (after the jump).
  return asUtc(wallTime(second, timeZone)) === guess ? second : Math.max(first, second);
}

/** Midnight that starts the local day of an instant. */
export function startOfLocalDay(instantMs: number, timeZone: string): number {
  const w = wallTime(instantMs, timeZone);
  return instantOf({ ...w, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The same wall-clock time `days` local days later (23 or 25 hours across a DST change). */
export function addLocalDays(instantMs: number, days: number, timeZone: string): number {
  const w = wallTime(instantMs, timeZone);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return instantOf({ ...w, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }, timeZone);
}

/** The time zone of this machine (the process's or the page's). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of an instant as YYYY-MM-DD. */
export function localDayKey(instantMs: number, timeZone: string): string {
  const w = wallTime(instantMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

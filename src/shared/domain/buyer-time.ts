import { z } from 'zod';
import { instantOf, wallTime, zoneOffsetMs, type WallTime } from '../time/zoned';

/**
 * The buyer's local time: their wall clock, whether it is inside their working hours, and the
 * next good time to call them (the next working-hours minute that is not a public holiday of
 * their country). Pure: the time zone and the holidays come from main (services/customers/
 * buyer-zone.ts, which holds the offline libraries); the clock ticks here, in the page.
 */

/** A public holiday of the buyer's country on a local day (YYYY-MM-DD). */
export const buyerHolidaySchema = z.object({ date: z.string(), name: z.string(), nameZh: z.string().nullable() });
export type BuyerHoliday = z.infer<typeof buyerHolidaySchema>;

/**
 * How the zone was found: from the customer's city (a country with several zones), from a
 * single-zone country, or a guess (the country's most populous zone, the city not known).
 * `none`: no country, so no local time.
 */
export const buyerZoneSourceSchema = z.enum(['city', 'country', 'guess', 'none']);
export type BuyerZoneSource = z.infer<typeof buyerZoneSourceSchema>;

export const buyerZoneSchema = z.object({
  zone: z.string().nullable(),
  source: buyerZoneSourceSchema,
  /** The place shown beside the time: the matched city, else the zone's city ("New York"). */
  place: z.string().nullable(),
  /** Working days of the buyer's country, 0 = Sunday … 6 = Saturday. */
  workDays: z.array(z.number().int().min(0).max(6)),
  /** Public holidays from today (the buyer's day) for HOLIDAY_LOOKAHEAD_DAYS days, by date. */
  holidays: z.array(buyerHolidaySchema),
});
export type BuyerZone = z.infer<typeof buyerZoneSchema>;

/** Holidays main looks up (the next good time skips them); the panel lists the first 14 days. */
export const HOLIDAY_LOOKAHEAD_DAYS = 45;
export const HOLIDAYS_SHOWN_DAYS = 14;

export interface WorkingHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** Minutes after local midnight: start inclusive, end exclusive. */
  start: number;
  end: number;
}

export const MON_FRI = [1, 2, 3, 4, 5] as const;
const SUN_THU = [0, 1, 2, 3, 4] as const;
const SAT_WED = [6, 0, 1, 2, 3] as const;

/**
 * Countries whose working week is not Monday–Friday. Sunday–Thursday (Friday–Saturday weekend):
 * Saudi Arabia, Qatar, Kuwait, Bahrain, Oman, Jordan, Egypt, Iraq, Yemen, Algeria, Syria, Libya,
 * Sudan, Israel, Bangladesh. Saturday–Wednesday (Thursday–Friday off): Iran, Afghanistan. The UAE
 * moved to Monday–Friday in 2022.
 */
const WORK_WEEKS: Record<string, readonly number[]> = {
  SA: SUN_THU,
  QA: SUN_THU,
  KW: SUN_THU,
  BH: SUN_THU,
  OM: SUN_THU,
  JO: SUN_THU,
  EG: SUN_THU,
  IQ: SUN_THU,
  YE: SUN_THU,
  DZ: SUN_THU,
  SY: SUN_THU,
  LY: SUN_THU,
  SD: SUN_THU,
  IL: SUN_THU,
  BD: SUN_THU,
  IR: SAT_WED,
  AF: SAT_WED,
};

/** The working days of a country (ISO 3166-1 alpha-2). */
export function workDaysOf(country: string | null): readonly number[] {
  return (country && WORK_WEEKS[country.toUpperCase()]) || MON_FRI;
}

/** Working hours: the country's working days, 09:00–18:00 local. */
export function workingHoursOf(workDays: readonly number[]): WorkingHours {
  return { days: workDays, start: 9 * 60, end: 18 * 60 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (w: Pick<WallTime, 'year' | 'month' | 'day'>) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;
const weekday = (w: Pick<WallTime, 'year' | 'month' | 'day'>) => new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();

export type OutsideReason = 'weekend' | 'holiday' | 'before' | 'after';

/** Why an instant is outside the buyer's working hours, or null when it is inside them. */
export function outsideReason(
  instantMs: number,
  zone: string,
  hours: WorkingHours,
  holidayDates: ReadonlySet<string>,
): OutsideReason | null {
  const w = wallTime(instantMs, zone);
  if (!hours.days.includes(weekday(w))) return 'weekend';
  if (holidayDates.has(dayKey(w))) return 'holiday';
  const minute = w.hour * 60 + w.minute;
  if (minute < hours.start) return 'before';
  if (minute >= hours.end) return 'after';
  return null;
}

/** How many local days ahead the next good time is looked for (a long holiday plus weekends). */
const SEARCH_DAYS = 40;

/**
 * The first instant at or after `fromMs` (rounded up to the minute) inside the buyer's working
 * hours and not on one of their holidays; null when none in the next SEARCH_DAYS days.
 */
export function nextGoodTime(fromMs: number, zone: string, hours: WorkingHours, holidayDates: ReadonlySet<string>): number | null {
  const from = Math.ceil(fromMs / 60_000) * 60_000;
  if (outsideReason(from, zone, hours, holidayDates) === null) return from;
  const w = wallTime(from, zone);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day + i));
    const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (!hours.days.includes(d.getUTCDay()) || holidayDates.has(dayKey(day))) continue;
    const start = instantOf({ ...day, hour: Math.floor(hours.start / 60), minute: hours.start % 60, second: 0 }, zone);
    // A DST jump can move the start; only a start that is still inside the hours counts.
    if (start >= from && outsideReason(start, zone, hours, holidayDates) === null) return start;
  }
  return null;
}

export interface BuyerTimeNow {
  /** The buyer's wall clock, "14:05". */
  localTime: string;
  /** The buyer's weekday, 0 = Sunday. */
  weekday: number;
  /** Offset from UTC in minutes (east positive). */
  offsetMinutes: number;
  inWorkingHours: boolean;
  reason: OutsideReason | null;
  /** The next good time to call (now when inside the hours), as an instant in ms. */
  nextGood: number | null;
}

/** The buyer's clock and working-hours state at `nowMs`. */
export function buyerTimeAt(nowMs: number, zone: string, workDays: readonly number[], holidays: readonly BuyerHoliday[]): BuyerTimeNow {
  const hours = workingHoursOf(workDays);
  const dates = new Set(holidays.map((h) => h.date));
  const w = wallTime(nowMs, zone);
  const reason = outsideReason(nowMs, zone, hours, dates);
  return {
    localTime: `${pad(w.hour)}:${pad(w.minute)}`,
    weekday: weekday(w),
    offsetMinutes: Math.round(zoneOffsetMs(nowMs, zone) / 60_000),
    inWorkingHours: reason === null,
    reason,
    nextGood: nextGoodTime(nowMs, zone, hours, dates),
  };
}

/** "UTC+1", "UTC-3:30", "UTC". */
export function utcOffsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad(m)}` : ''}`;
}

/** The holidays on the buyer's days from `fromDay` (YYYY-MM-DD) for `days` days. */
export function holidaysWithin(holidays: readonly BuyerHoliday[], fromDay: string, days: number): BuyerHoliday[] {
  const [y, m, d] = fromDay.split('-').map(Number) as [number, number, number];
  const end = dayKey(
    ((x) => ({ year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() }))(new Date(Date.UTC(y, m - 1, d + days))),
  );
  return holidays.filter((h) => h.date >= fromDay && h.date < end);
}

/** The buyer's local day (YYYY-MM-DD) at an instant. */
export function buyerDay(instantMs: number, zone: string): string {
  return dayKey(wallTime(instantMs, zone));
}

import type { ManagerPeriod } from '../../../../shared/ipc/channels/manager';
import { localTimeZone } from '../../lib/local-time';

/** The period choices above the table: four named ones, and a range of months picked by hand. */
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type PeriodChoice = PeriodPreset | 'months';

/** A month as the engine takes it: "2026-11". */
export type Month = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The month of a local date ("2026-11"). */
export function monthOf(date: Date): Month {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The month `delta` months from `month` ("2026-01", -1 → "2025-12"). */
export function addMonths(month: Month, delta: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The whole months of a preset around `now` (local time): a quarter and a year are whole, future months included, as their targets are. */
export function presetMonths(preset: PeriodPreset, now: Date = new Date()): { fromMonth: Month; toMonth: Month } {
  const current = monthOf(now);
  const year = now.getFullYear();
  switch (preset) {
    case 'thisMonth':
      return { fromMonth: current, toMonth: current };
    case 'lastMonth': {
      const last = addMonths(current, -1);
      return { fromMonth: last, toMonth: last };
    }
    case 'thisQuarter': {
      const first = Math.floor(now.getMonth() / 3) * 3 + 1;
      return { fromMonth: `${year}-${pad(first)}`, toMonth: `${year}-${pad(first + 2)}` };
    }
    case 'thisYear':
      return { fromMonth: `${year}-01`, toMonth: `${year}-12` };
  }
}

/** The engine's period for months, read in the user's time zone. */
export function periodOf(months: { fromMonth: Month; toMonth: Month }): ManagerPeriod {
  return { fromMonth: months.fromMonth, toMonth: months.toMonth, tz: localTimeZone() };
}

/** The first day of a month as a date at noon UTC (so a UTC formatter shows that month whatever the zone). */
function monthDate(month: Month): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15, 12));
}

/** The months of a period in words: "Nov 2026", "Nov – Dec 2026", "2026年11月至12月". */
export function periodLabel(period: { fromMonth: Month; toMonth: Month }, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const from = monthDate(period.fromMonth);
  if (period.fromMonth === period.toMonth) return format.format(from);
  return format.formatRange(from, monthDate(period.toMonth));
}

/** One month in words, for the targets table ("January", "1月"). */
export function monthName(month: Month, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(monthDate(month));
}

/** The twelve months of a year ("2026-01" … "2026-12"). */
export function monthsOfYear(year: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
}

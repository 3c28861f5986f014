import type { Page } from '@playwright/test';
import { nextGoodTime, workingHoursOf } from '../../src/shared/domain/buyer-time';
import { instantOf, wallTime } from '../../src/shared/time/zoned';
import { api } from './engine-api';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a due field shows it in `zone`: "2026-12-08 16:00". */
export function fieldText(instantMs: number, zone: string): string {
  const w = wallTime(instantMs, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Tomorrow 09:00 in `zone` (a new follow-up's default before the buyer's hours move it). */
export function tomorrowNineIn(zone: string, now = Date.now()): number {
  const w = wallTime(now, zone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return instantOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 9, minute: 0, second: 0 }, zone);
}

/** The due time Plan follow-up proposes for a buyer: the first minute of their working hours from tomorrow 09:00 (the user's), off their holidays. */
export async function proposedDue(page: Page, country: string, city: string, appZone: string): Promise<number> {
  const zone = await api(page, 'customers.buyerTime', { country, city });
  if (!zone.zone) throw new Error(`no zone for ${country}`);
  const at = nextGoodTime(tomorrowNineIn(appZone), zone.zone, workingHoursOf(zone.workDays), new Set(zone.holidays.map((h) => h.date)));
  if (at === null) throw new Error('no good time');
  return at;
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { buyerTimeAt, nextGoodTime, workingHoursOf, type BuyerTimeNow, type BuyerZone } from '../../../shared/domain/buyer-time';
import { call } from './ipc';

/**
 * A customer's zone, working days and holidays (from the engine's offline libraries), and the
 * clock computed here from them: the customer panel and follow-up planning share it.
 */
export function useBuyerZone(country: string | null, city: string | null) {
  return useQuery({
    queryKey: ['buyerTime', country ?? '', city ?? ''],
    queryFn: () => call('customers.buyerTime', { country, city }),
    // The holidays ahead move with the day; a zone never changes without the customer changing.
    staleTime: 60 * 60_000,
  });
}

/** The time now, ticking every `everyMs`. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The buyer's clock now, or null without a zone. */
export function buyerNow(zone: BuyerZone | undefined, now: number): BuyerTimeNow | null {
  return zone?.zone ? buyerTimeAt(now, zone.zone, zone.workDays, zone.holidays) : null;
}

/** The first good time to call the buyer at or after `fromMs` (in their working hours, not a holiday), or null. */
export function proposedCallTime(zone: BuyerZone | undefined, fromMs: number): number | null {
  if (!zone?.zone) return null;
  return nextGoodTime(fromMs, zone.zone, workingHoursOf(zone.workDays), new Set(zone.holidays.map((h) => h.date)));
}

/** "Tue 09:00" in a zone (the user's when `zone` is undefined). */
export function weekdayTime(ms: number, lang: string, zone?: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(
    ms,
  );
}

/** A holiday's day (YYYY-MM-DD, the buyer's calendar day) as "Fri, Dec 25" / "12月25日周五". */
export function holidayDay(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

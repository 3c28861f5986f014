import type { Language } from '../language';

/** Formatters by language and zone (Intl.DateTimeFormat is slow to make, quick to use). */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A buyer's wall clock as the customer grid's "Local time" column shows it and the export writes
 * it: weekday and time in their country's main zone ("Tue 15:04", "周二 15:04"), "≈" before it
 * when the country has zones of other offsets (the customer panel settles it by the city); '' for
 * no zone.
 */
export function buyerClockText(nowMs: number, zone: { zone: string; several: boolean } | null, language: Language): string {
  if (!zone) return '';
  const key = `${language}\u0001${zone.zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone.zone,
    });
    formats.set(key, format);
  }
  const text = format.format(nowMs);
  return zone.several ? `≈ ${text}` : text;
}

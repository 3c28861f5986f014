/**
 * Local date-time helpers for follow-ups: the engine stores UTC instants and computes its lists in
 * the user's IANA zone; a date-time field (components/date-field.tsx, as a datetime-local input did)
 * speaks "YYYY-MM-DDTHH:mm" in the same local zone.
 */

/** The user's IANA time zone ("Asia/Shanghai"), as the engine's lists and counts need it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const pad = (n: number, width = 2) => String(Math.abs(Math.trunc(n))).padStart(width, '0');

/** An instant as the value of a date-time field ("2025-03-14T09:00"), in local time. */
export function toLocalInput(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A date-time field's value as an ISO instant with the local offset ("2025-03-14T09:00:00+08:00"), or null. */
export function fromLocalInput(value: string): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const d = new Date(year, month - 1, day, hour, minute, second);
  // Reject dates the calendar does not have (2025-02-30) rather than rolling them over.
  if (Number.isNaN(d.getTime()) || d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** Tomorrow at 09:00 local time: the default due time of a new follow-up. */
export function tomorrowAtNine(now: Date = new Date()): Date {
  return tomorrowAt(9, now);
}

/** Tomorrow at `hours`:00 local time. */
export function tomorrowAt(hours: number, now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, 0, 0, 0);
}

/** Whole local days from the day of `iso` to today (0 when due today or later). */
export function localDaysOverdue(iso: string, now: Date = new Date()): number {
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) return 0;
  const dueDay = Date.UTC(due.getFullYear(), due.getMonth(), due.getDate());
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((today - dueDay) / 86_400_000));
}

import { wallTime } from '../../shared/time/zoned';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A stored UTC instant as the wall-clock time in the user's zone, "YYYY-MM-DD HH:mm": what the
 * app shows for it, in a form every spreadsheet reads as a date and the importer reads back (a
 * time without a zone is local there too). An inquiry received 2026-11-12T18:11Z is
 * "2026-11-13 02:11" in Asia/Shanghai. '' for no time; text that is no instant is kept as it is.
 */
export function localDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

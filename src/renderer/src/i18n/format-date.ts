const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = map.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    map.set(lang, f);
  }
  return f;
}

/** An ISO timestamp as a date in the user's time zone ("2025/3/14", "Mar 14, 2025"). */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : cached(dateFormats, lang, { dateStyle: 'medium' }).format(d);
}

/** An ISO timestamp as date and time in the user's time zone. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : cached(dateTimeFormats, lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

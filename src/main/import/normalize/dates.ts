/**
 * Date cells → ISO 8601 UTC strings (`2025-03-18T00:00:00.000Z`).
 *
 * The day/month order is decided once per column from all its values ({@link detectDateOrder}),
 * never per cell: `03/04/2025` means the same thing in every row of a file.
 * A year of four digits written first (`2025-3-18`, `2025/03/18 08:05`, `2025年3月18日`) is
 * always year-month-day whatever the column order says.
 * Times without a zone are wall-clock times in `timeZone` ('local': this machine's zone, or 'utc').
 */

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface DateParseOptions {
  /** Zone of naive (zone-less) times and of Excel serials. Default 'local'. */
  timeZone?: 'local' | 'utc';
}

export interface DateColumnOptions extends DateParseOptions {
  /** Skip detection and use this order. */
  order?: DateOrder;
}

export type DateCell = string | number | Date | null | undefined;

/** Excel's largest date (9999-12-31) in the 1900 date system. */
const EXCEL_MAX_SERIAL = 2958465;
const MS_PER_DAY = 86_400_000;
/** Excel day 0 is 1899-12-30 once the phantom 1900-02-29 (serial 60) is behind us. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC when the text carried a zone; undefined for a naive time. */
  offset?: number;
}

/** Leading numeric date `a/b/c` (any of - / . as separator) of a text, after width folding. */
const NUMERIC_DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?=$|[\sT])/;
/** What any text NUMERIC_DATE can match after prepare() has, before it: digits, a separator, digits. */
const NUMERIC_DATE_HINT = /[0-9０-９]\s*[-/.年－／．]\s*[0-9０-９]/;

/** Printable ASCII without brackets: no full-width digits, 年月日 or weekday marks to rewrite. */
const PLAIN_ASCII = /^[\x20-\x27\x2a-\x7e]*$/;

function prepare(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.trim().replace(/\s+/g, ' ');
  return text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(
      /(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
      (_, y: string, m: string, d: string) => `${y.length === 2 ? expandYear(y) : y}-${m}-${d} `,
    )
    .replace(
      /(\d{1,2})\s*[时點点時]\s*(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?/,
      (_, h: string, mi: string, s?: string) => `${h}:${mi.padStart(2, '0')}${s ? ':' + s.padStart(2, '0') : ''}`,
    )
    .replace(/星期[一二三四五六日天]|周[一二三四五六日天]|\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Day/month order of a column, from all its (string) values. */
export function detectDateOrder(samples: readonly string[]): DateOrder {
  const tally = new DateOrderTally();
  for (const sample of samples) tally.add(sample);
  return tally.order();
}

/** detectDateOrder over a column read in parts: add every (string) value, then ask the order. */
export class DateOrderTally {
  private sawOther = false;
  private firstOver12 = 0;
  private secondOver12 = 0;
  private twoDigitYears = 0;
  private fourDigitYears = 0;

  add(sample: unknown): void {
    if (typeof sample !== 'string') return;
    // Cheap refusal first (this runs over every cell of a file): a numeric date has digits, a
    // separator and more digits (half- or full-width) somewhere.
    if (!NUMERIC_DATE_HINT.test(sample)) return;
    const text = prepare(sample);
    if (!text) return;
    const m = NUMERIC_DATE.exec(text);
    if (!m) return;
    const [, a = '', b = '', c = ''] = m;
    if (a.length === 4) return; // year first: says nothing about the others
    this.sawOther = true;
    if (Number(a) > 12) this.firstOver12++;
    if (Number(b) > 12) this.secondOver12++;
    if (c.length <= 2) this.twoDigitYears++;
    else this.fourDigitYears++;
  }

  order(): DateOrder {
    if (!this.sawOther) return 'ymd';
    if (this.firstOver12 > 0 || this.secondOver12 > 0) return this.firstOver12 >= this.secondOver12 ? 'dmy' : 'mdy';
    return this.twoDigitYears > this.fourDigitYears ? 'mdy' : 'dmy';
  }
}

/** POSIX %y: 69–99 → 1969–1999, 00–68 → 2000–2068. */
function expandYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n >= 69 ? 1900 + n : 2000 + n;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validParts(p: Parts): boolean {
  return (
    Number.isInteger(p.y) &&
    p.y >= 1000 &&
    p.y <= 9999 &&
    p.m >= 1 &&
    p.m <= 12 &&
    p.d >= 1 &&
    p.d <= daysInMonth(p.y, p.m) &&
    p.h >= 0 &&
    p.h <= 23 &&
    p.mi >= 0 &&
    p.mi <= 59 &&
    p.s >= 0 &&
    p.s <= 59 &&
    p.ms >= 0 &&
    p.ms <= 999
  );
}

/** `8:26`, `08:05:09`, `10:33:21.250`, `8:26 PM`, `下午 8:26`, with an optional zone after. */
const TIME =
  /^(?:(上午|下午|凌晨|早上|中午|晚上)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?|(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?)?$/i;

function applyTime(p: Parts, rest: string): boolean {
  if (rest === '') return true;
  const t = TIME.exec(rest);
  if (!t) return false;
  const [, zhPeriod, hh = '', mm = '', ss, frac, ampm, zone] = t;
  let h = Number(hh);
  const pm = ampm ? ampm.toLowerCase().startsWith('p') : zhPeriod ? /下午|晚上|中午/.test(zhPeriod) : undefined;
  if (pm !== undefined) {
    if (h < 1 || h > 12) {
      // 24-hour clocks with a Chinese period word ("下午 14:00") are common; accept them as they are.
      if (!(zhPeriod && h > 12 && h <= 23)) return false;
    } else if (pm && h < 12) h += 12;
    else if (!pm && h === 12) h = 0;
  }
  p.h = h;
  p.mi = Number(mm);
  p.s = ss ? Number(ss) : 0;
  p.ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  if (zone) {
    const z = zone.toLowerCase();
    if (z === 'z' || z === 'utc' || z === 'gmt') p.offset = 0;
    else {
      const zm = /([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
      if (!zm) return false;
      const [, sign, zh = '0', zmin = '0'] = zm;
      const minutes = Number(zh) * 60 + Number(zmin);
      if (Number(zh) > 14 || Number(zmin) > 59) return false;
      p.offset = sign === '-' ? -minutes : minutes;
    }
  }
  return true;
}

function blank(): Parts {
  return { y: 0, m: 0, d: 0, h: 0, mi: 0, s: 0, ms: 0 };
}

function parseText(raw: string, order: DateOrder): Parts | null {
  const text = prepare(raw);
  const p = blank();

  // ISO 8601 basic date without separators: 20250318
  const compact = /^(\d{4})(\d{2})(\d{2})(?:[T ](.*))?$/.exec(text);
  if (compact) {
    const [, y = '', m = '', d = '', rest = ''] = compact;
    Object.assign(p, { y: Number(y), m: Number(m), d: Number(d) });
    return applyTime(p, rest.trim()) ? p : null;
  }

  const numeric = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:(?:T|\s+)(.*))?$/i.exec(text);
  if (numeric) {
    const [, a = '', b = '', c = '', rest = ''] = numeric;
    if (a.length === 4) {
      if (c.length > 2) return null;
      Object.assign(p, { y: Number(a), m: Number(b), d: Number(c) });
    } else if (a.length === 3 || c.length === 3) {
      return null;
    } else if (order === 'ymd' && c.length <= 2) {
      Object.assign(p, { y: expandYear(a), m: Number(b), d: Number(c) });
    } else if (order === 'mdy') {
      Object.assign(p, { y: expandYear(c), m: Number(a), d: Number(b) });
    } else {
      Object.assign(p, { y: expandYear(c), m: Number(b), d: Number(a) });
    }
    return applyTime(p, rest.trim()) ? p : null;
  }

  // 18 Mar 2025, 18-Mar-25, Mar 18, 2025, March 18 2025 10:00
  const dayMonth = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})(?:,?\s+(.*))?$/i.exec(text);
  const monthDay = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(.*))?$/i.exec(text);
  const named = dayMonth
    ? { d: dayMonth[1], mon: dayMonth[2], y: dayMonth[3], rest: dayMonth[4] }
    : monthDay
      ? { d: monthDay[2], mon: monthDay[1], y: monthDay[3], rest: monthDay[4] }
      : null;
  if (named) {
    const month = MONTHS[(named.mon ?? '').toLowerCase()];
    if (!month) return null;
    Object.assign(p, { y: expandYear(named.y ?? ''), m: month, d: Number(named.d) });
    return applyTime(p, (named.rest ?? '').trim()) ? p : null;
  }
  return null;
}

function fromExcelSerial(serial: number): Parts | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return null;
  const day = Math.floor(serial);
  if (day === 60) return null; // 1900-02-29 exists only in Excel (a Lotus 1-2-3 bug)
  const base = day < 60 ? day + 1 : day; // before the phantom day the epoch is one day later
  const ms = Math.round((serial - day) * MS_PER_DAY);
  return utcParts(new Date(EXCEL_EPOCH_UTC + base * MS_PER_DAY + ms));
}

/** A date's UTC fields as wall-clock parts. */
function utcParts(t: Date): Parts {
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
  };
}

function toIso(p: Parts, timeZone: 'local' | 'utc'): string | null {
  if (!validParts(p)) return null;
  let ms: number;
  if (p.offset !== undefined) {
    ms = utcMs(p) - p.offset * 60_000;
  } else if (timeZone === 'utc') {
    ms = utcMs(p);
  } else {
    // Years are 1000–9999 here, so the constructor takes them literally (no 0–99 → 19xx mapping).
    ms = new Date(p.y, p.m - 1, p.d, p.h, p.mi, p.s, p.ms).getTime();
  }
  const out = new Date(ms);
  return Number.isNaN(out.getTime()) ? null : out.toISOString();
}

function utcMs(p: Parts): number {
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s, p.ms);
}

/**
 * One date cell → ISO 8601 UTC string; undefined for an empty cell, null for one that is not
 * a possible date (unparseable text, 2025-02-30, month 13…).
 * Numbers are Excel serials (1900 date system, fraction = time of day). Date objects come from
 * XLSX readers: SheetJS 0.20 (`cellDates`) puts the sheet's wall-clock time in their UTC fields,
 * whatever the machine's zone, so they are naive times like any other (a Date within 1 ms of a
 * whole second, float drift from the serial, is snapped to it).
 */
export function parseDateCell(value: DateCell, order: DateOrder, opts?: DateParseOptions): string | null | undefined {
  const timeZone = opts?.timeZone ?? 'local';
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    let ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    // SheetJS derives Dates from float serials and can land a millisecond off a whole second.
    const offSecond = ((ms % 1000) + 1000) % 1000;
    if (offSecond === 1) ms -= 1;
    else if (offSecond === 999) ms += 1;
    return toIso(utcParts(new Date(ms)), timeZone);
  }
  if (typeof value === 'number') {
    const p = fromExcelSerial(value);
    return p ? toIso(p, timeZone) : null;
  }
  const text = value.normalize('NFKC').trim();
  if (!text) return undefined;
  // Serials that reached us as text ("45734.35"): five-digit day numbers only, so a bare year is not one.
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const p = fromExcelSerial(Number(text));
    return p ? toIso(p, timeZone) : null;
  }
  const p = parseText(text, order);
  return p ? toIso(p, timeZone) : null;
}

/** A whole column: detect its order from its text values, then parse every cell with it. */
export function parseDateColumn(
  values: readonly DateCell[],
  opts?: DateColumnOptions,
): { order: DateOrder; parsed: (string | null | undefined)[] } {
  const order = opts?.order ?? detectDateOrder(values.filter((v): v is string => typeof v === 'string'));
  const cellOpts: DateParseOptions = { timeZone: opts?.timeZone ?? 'local' };
  return { order, parsed: values.map((v) => parseDateCell(v, order, cellOpts)) };
}

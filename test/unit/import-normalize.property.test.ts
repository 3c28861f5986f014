import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import zhLocale from 'i18n-iso-countries/langs/zh.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../src/main/import/normalize/country';
import { detectDateOrder, parseDateCell, type DateOrder } from '../../src/main/import/normalize/dates';
import { currencyExponent, parseAmount } from '../../src/main/import/normalize/money';
import { isHiddenOrMasked, normaliseEmail, toHalfWidth } from '../../src/main/import/normalize/text';

const RUNS = { numRuns: 300 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Thousands groups of a digit string: '1234567' → ['1', '234', '567']. */
function groups(digits: string): string[] {
  const out: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out;
}

describe('parseAmount (properties)', () => {
  const SYMBOLS: Record<string, { prefix: string[]; suffix: string[] }> = {
    USD: { prefix: ['', '$', 'US$', 'USD ', 'usd'], suffix: ['', ' USD', ' 美元'] },
    EUR: { prefix: ['', '€', 'EUR '], suffix: ['', ' €', '€', ' EUR', ' 欧元'] },
    GBP: { prefix: ['', '£', 'GBP '], suffix: ['', ' GBP'] },
    CNY: { prefix: ['', '¥', '￥', 'RMB ', '人民币'], suffix: ['', '元', ' CNY'] },
    JPY: { prefix: ['', '¥', 'JPY '], suffix: ['', ' 円', ' JPY'] },
    KWD: { prefix: ['', 'KWD '], suffix: ['', ' KWD'] },
  };

  const amountCase = fc.record({
    minor: fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 })),
    currency: fc.constantFrom(...Object.keys(SYMBOLS)),
    style: fc.constantFrom('plain', 'comma-groups', 'dot-groups-comma-decimal', 'space-groups-comma-decimal', 'apostrophe-groups'),
    negative: fc.constantFrom('minus', 'parens', 'minus-before-symbol'),
    prefixIndex: fc.nat(),
    suffixIndex: fc.nat(),
    fullWidth: fc.boolean(),
  });

  it('round-trips any integer minor amount, with or without separators and currency marks', () => {
    fc.assert(
      fc.property(amountCase, (c) => {
        const exponent = currencyExponent(c.currency);
        const abs = String(Math.abs(c.minor)).padStart(exponent + 1, '0');
        const intDigits = abs.slice(0, abs.length - exponent);
        const fracDigits = abs.slice(abs.length - exponent);
        // A lone decimal comma with three digits after it (or none at all) reads as grouping: only 2-digit currencies use it.
        const style = exponent !== 2 && c.style.includes('comma-decimal') ? 'comma-groups' : c.style;
        let body: string;
        switch (style) {
          case 'comma-groups':
            body = groups(intDigits).join(',') + (exponent ? '.' + fracDigits : '');
            break;
          case 'dot-groups-comma-decimal':
            body = groups(intDigits).join('.') + ',' + fracDigits;
            break;
          case 'space-groups-comma-decimal':
            body = groups(intDigits).join(' ') + ',' + fracDigits;
            break;
          case 'apostrophe-groups':
            body = groups(intDigits).join("'") + (exponent ? '.' + fracDigits : '');
            break;
          default:
            body = intDigits + (exponent ? '.' + fracDigits : '');
        }
        if (c.fullWidth) body = fullWidthDigits(body);
        const marks = SYMBOLS[c.currency] ?? { prefix: [''], suffix: [''] };
        const prefix = marks.prefix[c.prefixIndex % marks.prefix.length] ?? '';
        const suffix = prefix ? '' : (marks.suffix[c.suffixIndex % marks.suffix.length] ?? '');
        let text = prefix + body + suffix;
        if (c.minor < 0) {
          if (c.negative === 'parens') text = `(${text})`;
          else if (c.negative === 'minus-before-symbol' || !prefix) text = '-' + text;
          else text = prefix + '-' + body + suffix;
        }
        expect(parseAmount(text, c.currency), text).toBe(c.minor);
      }),
      RUNS,
    );
  });

  it('reads JS numbers exactly as their shortest decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (cents) => {
        expect(parseAmount(cents / 100, 'USD')).toBe(cents);
        expect(parseAmount(cents, 'JPY')).toBe(cents);
      }),
      RUNS,
    );
  });
});

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A valid date and time; years 1969–2068 so that two-digit years map back. */
const dateTime = fc
  .record({
    y: fc.integer({ min: 1969, max: 2068 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map((t) => ({ ...t, d: Math.min(t.d, daysIn(t.y, t.m)) }));

type DT = { y: number; m: number; d: number; h: number; mi: number; s: number };
interface Style {
  print: (t: DT) => string;
  /** Which parts the text carries. */
  time: 'none' | 'hm' | 'hms';
  zone?: 'Z' | 'offset';
}

const YMD_STYLES: Style[] = [
  { print: (t) => `${t.y}-${t.m}-${t.d}`, time: 'none' },
  { print: (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}`, time: 'none' },
  { print: (t) => `${t.y}/${pad(t.m)}/${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}`, time: 'hm' },
  { print: (t) => `${t.y}-${pad(t.m)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, time: 'hms' },
  { print: (t) => `${t.y}年${t.m}月${t.d}日`, time: 'none' },
  { print: (t) => `${t.y}年${t.m}月${t.d}日 ${pad(t.h)}:${pad(t.mi)}`, time: 'hm' },
  { print: (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.000Z`, time: 'hms', zone: 'Z' },
  { print: (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}+08:00`, time: 'hms', zone: 'offset' },
];
const DMY_STYLES: Style[] = [
  { print: (t) => `${t.d}/${t.m}/${t.y}`, time: 'none' },
  { print: (t) => `${pad(t.d)}.${pad(t.m)}.${t.y} ${pad(t.h)}:${pad(t.mi)}`, time: 'hm' },
  { print: (t) => `${t.d}-${t.m}-${pad(t.y % 100)} ${t.h}:${pad(t.mi)}:${pad(t.s)}`, time: 'hms' },
];
const MDY_STYLES: Style[] = [
  { print: (t) => `${t.m}/${t.d}/${pad(t.y % 100)} ${t.h}:${pad(t.mi)}`, time: 'hm' },
  { print: (t) => `${pad(t.m)}/${pad(t.d)}/${t.y}`, time: 'none' },
  { print: (t) => `${t.m}/${t.d}/${t.y} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, time: 'hms' },
];
const STYLES: Record<DateOrder, Style[]> = {
  ymd: YMD_STYLES,
  dmy: [...DMY_STYLES, ...YMD_STYLES],
  mdy: [...MDY_STYLES, ...YMD_STYLES],
};

function expected(t: DT, style: Style, timeZone: 'local' | 'utc'): string {
  const h = style.time === 'none' ? 0 : t.h;
  const mi = style.time === 'none' ? 0 : t.mi;
  const s = style.time === 'hms' ? t.s : 0;
  if (style.zone === 'Z') return new Date(Date.UTC(t.y, t.m - 1, t.d, h, mi, s)).toISOString();
  if (style.zone === 'offset') return new Date(Date.UTC(t.y, t.m - 1, t.d, h, mi, s) - 8 * 3_600_000).toISOString();
  if (timeZone === 'utc') return new Date(Date.UTC(t.y, t.m - 1, t.d, h, mi, s)).toISOString();
  return new Date(t.y, t.m - 1, t.d, h, mi, s).toISOString();
}

describe('dates (properties)', () => {
  const order = fc.constantFrom<DateOrder>('ymd', 'dmy', 'mdy');

  it('round-trips valid dates printed in every style of every order', () => {
    fc.assert(
      fc.property(order, dateTime, fc.nat(), fc.constantFrom<'local' | 'utc'>('local', 'utc'), (o, t, pick, timeZone) => {
        const styles = STYLES[o];
        const style = styles[pick % styles.length];
        if (!style) throw new Error('no style');
        const text = style.print(t);
        expect(parseDateCell(text, o, { timeZone }), `${o} ${text}`).toBe(expected(t, style, timeZone));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips Excel serials and XLSX Dates (wall-clock in the UTC fields)', () => {
    fc.assert(
      fc.property(dateTime, fc.constantFrom(-1, 0, 1), (t, drift) => {
        const ms = Date.UTC(t.y, t.m - 1, t.d, t.h, t.mi, t.s);
        const serial = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
        const local = new Date(t.y, t.m - 1, t.d, t.h, t.mi, t.s).toISOString();
        expect(parseDateCell(serial, 'dmy', { timeZone: 'utc' })).toBe(new Date(ms).toISOString());
        expect(parseDateCell(serial, 'ymd', { timeZone: 'local' })).toBe(local);
        expect(parseDateCell(new Date(ms + drift), 'mdy', { timeZone: 'utc' })).toBe(new Date(ms).toISOString());
        expect(parseDateCell(new Date(ms + drift), 'mdy')).toBe(local);
      }),
      RUNS,
    );
  });

  it('rejects impossible dates in every order', () => {
    const impossible = fc.oneof(
      fc.record({ y: fc.integer({ min: 1969, max: 2068 }), m: fc.constant(2), d: fc.integer({ min: 30, max: 31 }) }),
      fc
        .integer({ min: 1969, max: 2068 })
        .filter((y) => !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))
        .map((y) => ({ y, m: 2, d: 29 })),
      fc.record({ y: fc.integer({ min: 1969, max: 2068 }), m: fc.constantFrom(4, 6, 9, 11), d: fc.constant(31) }),
      fc.record({ y: fc.integer({ min: 1969, max: 2068 }), m: fc.integer({ min: 13, max: 99 }), d: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ y: fc.integer({ min: 1969, max: 2068 }), m: fc.integer({ min: 1, max: 12 }), d: fc.constantFrom(0, 32, 45) }),
    );
    fc.assert(
      fc.property(order, impossible, (o, t) => {
        const texts = [`${t.y}-${t.m}-${t.d}`, `${t.y}/${pad(t.m)}/${pad(t.d)} 08:05`, `${t.y}年${t.m}月${t.d}日`];
        if (o === 'dmy') texts.push(`${t.d}/${t.m}/${t.y}`);
        if (o === 'mdy') texts.push(`${t.m}/${t.d}/${pad(t.y % 100)} 8:26`);
        for (const text of texts) expect(parseDateCell(text, o, { timeZone: 'utc' }), `${o} ${text}`).toBeNull();
      }),
      RUNS,
    );
  });

  it('never contradicts a column holding an unambiguous value', () => {
    const column = fc.record({
      order: fc.constantFrom<'dmy' | 'mdy'>('dmy', 'mdy'),
      dates: fc.array(dateTime, { minLength: 1, maxLength: 30 }),
      yearFirst: fc.array(dateTime, { maxLength: 5 }),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(column, ({ order: o, dates, yearFirst, pick }) => {
        const styles = o === 'dmy' ? DMY_STYLES : MDY_STYLES;
        const values = dates.map((t, i) => styles[(pick + i) % styles.length]?.print(t) ?? '');
        values.push(...yearFirst.map((t) => `${t.y}-${t.m}-${t.d}`));
        const detected = detectDateOrder(values);
        if (dates.some((t) => t.d > 12)) expect(detected).toBe(o);
        // Whatever the order chosen, every value of the column is read as some valid date,
        // and as the right one when the order is the column's own.
        dates.forEach((t, i) => {
          const style = styles[(pick + i) % styles.length];
          const got = parseDateCell(values[i] ?? '', detected, { timeZone: 'utc' });
          expect(got, values[i]).toEqual(expect.any(String));
          if (detected === o && style) expect(got).toBe(expected(t, style, 'utc'));
        });
        expect(detectDateOrder(yearFirst.map((t) => `${t.y}/${pad(t.m)}/${pad(t.d)}`))).toBe('ymd');
      }),
      RUNS,
    );
  });
});

describe('text (properties)', () => {
  const localPart = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/).filter((s) => !s.includes('..'));
  const domain = fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,8})?\.[a-z]{2,6}$/);
  const simpleEmail = fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`);
  const masked = fc
    .tuple(fc.stringMatching(/^[a-z0-9]$/), fc.stringMatching(/^\*{2,5}$/), fc.stringMatching(/^[a-z0-9]?$/), domain)
    .map(([a, stars, b, d]) => `${a}${stars}${b}@${d}`);
  const decorated = fc
    .tuple(fc.oneof(simpleEmail, masked, fc.emailAddress()), fc.constantFrom('', 'mailto:', ' ', 'Name <'), fc.boolean(), fc.boolean())
    .map(([e, pre, upper, fullWidth]) => {
      let s = pre + e + (pre === 'Name <' ? '>' : '');
      if (upper) s = s.toUpperCase();
      if (fullWidth) s = s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      return s;
    });
  const anyEmailText = fc.oneof(
    decorated,
    fc.array(decorated, { minLength: 2, maxLength: 3 }).map((xs) => xs.join('; ')),
    fc.constantFrom('客户隐藏', '***', 'N/A', '-', ''),
    fc.string({ maxLength: 40 }),
  );

  it('normaliseEmail is idempotent and never returns a masked address', () => {
    fc.assert(
      fc.property(anyEmailText, (text) => {
        const once = normaliseEmail(text);
        expect(normaliseEmail(once)).toBe(once);
        if (once) {
          expect(isHiddenOrMasked(once)).toBe(false);
          expect(once).not.toContain('*');
          expect(once).toBe(once.toLowerCase());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('normaliseEmail keeps every plain address, in lower case', () => {
    fc.assert(
      fc.property(simpleEmail, fc.boolean(), (email, upper) => {
        expect(normaliseEmail(`  ${upper ? email.toUpperCase() : email} `)).toBe(email);
      }),
      RUNS,
    );
  });

  it('toHalfWidth is idempotent and leaves no full-width ASCII', () => {
    const fullWidth = fc.string({ unit: fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)) });
    const mixed = fc
      .array(fc.oneof(fullWidth, fc.string({ unit: 'binary' }), fc.constant('\u3000')), { maxLength: 5 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(mixed, (text) => {
        const once = toHalfWidth(text);
        expect(toHalfWidth(once)).toBe(once);
        expect(/[\uFF01-\uFF5E\u3000]/.test(once)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('resolveCountry (every code)', () => {
  const codes = Object.keys(countries.getAlpha2Codes());
  const names = (file: { countries: Record<string, string | string[]> }, code: string): string[] => {
    const n = file.countries[code];
    return n === undefined ? [] : Array.isArray(n) ? n : [n];
  };

  it('round-trips every alpha-2 code, in any case, and every alpha-3 code', () => {
    expect(codes.length).toBeGreaterThan(240);
    for (const code of codes) {
      expect(resolveCountry(code)).toBe(code);
      expect(resolveCountry(code.toLowerCase())).toBe(code);
      const alpha3 = countries.alpha2ToAlpha3(code);
      if (alpha3) expect(resolveCountry(alpha3.toLowerCase()), alpha3).toBe(code);
    }
  });

  it("round-trips every code's English and Chinese names", () => {
    for (const code of codes) {
      const en = names(enLocale as { countries: Record<string, string | string[]> }, code);
      const zh = names(zhLocale as { countries: Record<string, string | string[]> }, code);
      // The first English name and the Chinese name are the official ones and must resolve; other
      // English alternatives must resolve too unless shared by two countries (e.g. "Congo").
      expect(resolveCountry(en[0] ?? ''), `${code} ${en[0]}`).toBe(code);
      expect(resolveCountry(zh[0] ?? ''), `${code} ${zh[0]}`).toBe(code);
      for (const alt of en.slice(1)) {
        const got = resolveCountry(alt);
        if (got !== null) expect(got, `${code} ${alt}`).toBe(code);
      }
      const intlZh = new Intl.DisplayNames(['zh-Hans'], { type: 'region' }).of(code);
      if (intlZh && intlZh !== code) expect(resolveCountry(intlZh), `${code} ${intlZh}`).toBe(code);
    }
  });
});

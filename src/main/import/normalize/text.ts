/**
 * Contact and free-text cells: width folding, phones, e-mails, masked values, quantities.
 * Alibaba exports hide contacts (`客户隐藏`) or mask them (`j***n@gmail.com`); such values
 * identify nobody, so they never become an e-mail or phone and never merge customers.
 */

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space → ASCII. Everything else is kept. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Placeholders that mean "no value" or "hidden by the platform". Compared lower case, half-width, trimmed. */
const PLACEHOLDERS = new Set([
  '客户隐藏',
  '隐藏',
  '已隐藏',
  '保密',
  'hidden',
  'masked',
  'private',
  'n/a',
  '#n/a',
  'none',
  'null',
  '-',
  '--',
  '---',
  '/',
  '无',
  '暂无',
  '未填写',
  '未知',
  '?',
]);

/** True for hidden, masked or placeholder values: 客户隐藏, hidden, ***, j***n@gmail.com, +86 138****1234, N/A, -, 无. */
export function isHiddenOrMasked(text: string): boolean {
  const s = toHalfWidth(text).normalize('NFKC').trim().toLowerCase();
  if (!s) return false;
  if (PLACEHOLDERS.has(s)) return true;
  if (s.includes('隐藏') || /\bhidden\b/.test(s)) return true;
  if (/[*•●＊]{2,}|^[*•●]+$/.test(s)) return true; // j***n@…, 138****1234, ***
  if (/\d[x×]{3,}\d/i.test(s)) return true; // 138xxxx1234
  if (/^[x]{3,}$/.test(s)) return true;
  return false;
}

/** A phone as typed, half-width, spaces collapsed, '+' and leading zeros kept; '' for hidden or masked values. */
export function normalisePhone(text: string): string {
  const s = toHalfWidth(text)
    .replace(/^\s*tel:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || isHiddenOrMasked(s)) return '';
  return s;
}

const EMAIL = /^[\p{L}\p{N}._%+'!#$&*=?^`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

/** The common case, checked without Unicode property classes (which are slow in V8). */
const ASCII_EMAIL = /^[a-z0-9._%+'!#$&*=?^`{|}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

function plausibleEmail(s: string): boolean {
  if (s.length > 254 || !(ASCII_EMAIL.test(s) || EMAIL.test(s))) return false;
  const [local = ''] = s.split('@');
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && !s.includes('*');
}

/**
 * An e-mail address, lower case, or '' when empty, hidden, masked or not plausible.
 * Strips `mailto:` and `Name <addr>`; of several addresses (`;` `,` or spaces) keeps the first usable one.
 */
/** Already a plain lower-case address: nothing to convert, split or unwrap. */
const SIMPLE_EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/;

export function normaliseEmail(text: string): string {
  if (SIMPLE_EMAIL.test(text)) return plausibleEmail(text) ? text : '';
  const s = toHalfWidth(text).normalize('NFKC').trim().toLowerCase();
  if (!s) return '';
  for (let part of s.split(/[;,；，、\s]+/)) {
    part = part.replace(/^mailto:/, '').replace(/^[<("'[]+|[>)"'\].]+$/g, '');
    const angled = /<([^<>]+)>/.exec(part);
    if (angled?.[1]) part = angled[1];
    part = part.replace(/^mailto:/, '').split('?')[0] ?? '';
    if (!part || isHiddenOrMasked(part)) continue;
    if (plausibleEmail(part)) return part;
  }
  return '';
}

/** The domain of an e-mail address ('' when there is none). */
/** Digits a phone must have before it is compared; the last nine are compared (country codes vary). */
const MIN_PHONE_DIGITS = 7;

/** A phone as the contacts' phone_key/mobile_key columns hold it (db/migrations/0007_leads.ts): its last nine digits. */
export function phoneKey(phone: string): string {
  const key = normalisePhone(phone)
    .replace(/[ \-().+/]/g, '')
    .slice(-9);
  return /^\d+$/.test(key) && key.length >= MIN_PHONE_DIGITS ? key : '';
}

export function emailDomain(email: string): string {
  const s = normaliseEmail(email);
  const at = s.lastIndexOf('@');
  return at >= 0 ? s.slice(at + 1) : '';
}

/** Public webmail providers (shared with the team server). */
export { isFreeMailDomain } from '../../../shared/domain/free-mail';

/**
 * A quantity cell → number, or null: `100`, `1,000`, `2000 pcs`, `5 000`, `１０００件`, `-1`, `12.5`.
 * A number must stand alone or be followed by a unit word; dates, ranges and other text give null.
 */
export function parseQuantity(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  const s = toHalfWidth(text)
    .normalize('NFKC')
    .replace(/[\u2212\uFE63]/g, '-')
    .trim();
  const m = /^([-+]?)(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?:\.(\d+))?\s*([\p{L}/.()\s]*)$/u.exec(s);
  if (!m) return null;
  const [, sign, int = '', frac, unit = ''] = m;
  if (unit && !/\p{L}/u.test(unit)) return null;
  const n = Number(`${sign === '-' ? '-' : ''}${int.replace(/[, \u00a0\u202f]/g, '')}${frac ? '.' + frac : ''}`);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

export interface CleanTextOptions {
  /** Keep line breaks (messages, notes): spaces are collapsed inside lines, runs of blank lines become one. */
  multiline?: boolean;
}

/**
 * A cell as clean text: trimmed, control characters dropped, internal whitespace collapsed
 * (line breaks kept when `multiline`), cut to at most `max` characters (code points).
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]|\s\s|^\s|\s$/;

export function cleanText(value: string | number | boolean | Date | null | undefined, max: number, opts?: CleanTextOptions): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (value instanceof Date) s = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else s = String(value);
  // Most cells are already clean: single spaces inside, nothing to strip, short enough.
  if (s.length <= max && !NEEDS_CLEANING.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  s = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '');
  if (opts?.multiline) {
    s = s
      .split('\n')
      .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    s = s.replace(/\s+/g, ' ').trim();
  }
  // Code points never outnumber UTF-16 units: only a long string needs counting.
  if (max >= 0 && s.length > max) {
    const chars = Array.from(s);
    if (chars.length > max) s = chars.slice(0, Math.max(0, max)).join('').trimEnd();
  }
  return s;
}

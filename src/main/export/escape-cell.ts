/**
 * Spreadsheet formula injection guard: a cell that starts with = + - @ tab or CR (also after
 * leading spaces) gets a leading apostrophe, so Excel and LibreOffice show it as text and never
 * run it. A value that already starts with apostrophes before such a character gets one more, so
 * the importer (import/normalize/spreadsheet-text.ts) takes exactly one off and reads every value
 * back as it was.
 */
export const FORMULA_START = /^'*\s*[=+\-@\t\r]/;

export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Digits, optionally led by +, with the punctuation phone numbers are written with. */
const NUMBER_LIKE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*$/;
/** Excel's formula string literals stop at 255 characters. */
const MAX_WRAPPED = 255;

/**
 * True for an ID or phone number Excel would read as a number or a formula: digits with phone
 * punctuation (+86 138 0013 8000, (0755) 8888-1234, 500001234567890).
 */
export function isNumberLikeCode(value: string): boolean {
  return value.length <= MAX_WRAPPED && NUMBER_LIKE.test(value);
}

/**
 * A code (an ID, a phone number) as a CSV cell Excel keeps as text. Excel reads a long digit string
 * as a number (500001234567890 becomes 5.00001E+13 and loses its last digits when saved again),
 * drops leading zeros (0086…) and runs +86… as a formula; `="…"` is a formula whose value is the
 * text itself, so Excel shows the digits as written. Short digit strings without a leading zero
 * (Excel shows them unchanged) and other text are written plainly, text guarded as usual.
 */
export function csvCodeCell(value: string): string {
  if (!isNumberLikeCode(value)) return escapeSpreadsheetCell(value);
  if (/^\d+$/.test(value) && value.length < 12 && !(value.length > 1 && value.startsWith('0'))) return value;
  return `="${value}"`;
}

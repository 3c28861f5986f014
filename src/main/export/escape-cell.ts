/**
 * Spreadsheet formula injection guard: a cell that starts with = + - @ tab or CR (also after
 * leading spaces) gets a leading apostrophe, so Excel and LibreOffice show it as text and never
 * run it. Phone numbers such as +86 138… stay text the same way.
 */
const FORMULA_START = /^[\s]*[=+\-@\t\r]/;

export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

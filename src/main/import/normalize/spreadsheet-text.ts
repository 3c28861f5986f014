/**
 * Cells as a spreadsheet shows them, from the forms exports write so that a spreadsheet keeps them
 * as text (ExportDesk's own, export/escape-cell.ts, and many other systems'):
 * - `="500001234567890"`: a formula whose value is the text inside (a long ID, a phone with +);
 *   quotes inside are doubled.
 * - `'=SUM(A1)`, `'+86 138…`: the formula-injection guard's apostrophe before = + - @ tab or CR.
 * Each is taken off exactly once, so a value written by the export reads back as it was stored.
 */
import { FORMULA_START } from '../../export/escape-cell';

const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

export function unwrapSpreadsheetText(cell: string): string {
  const first = cell.charCodeAt(0);
  if (first === 0x3d /* = */) {
    const m = TEXT_FORMULA.exec(cell);
    return m ? (m[1] as string).replaceAll('""', '"') : cell;
  }
  if (first === 0x27 /* ' */ && FORMULA_START.test(cell.slice(1))) return cell.slice(1);
  return cell;
}

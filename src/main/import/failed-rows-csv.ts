import Papa from 'papaparse';
import type { RowError } from '../../shared/domain/import';
import { escapeSpreadsheetCell } from '../export/escape-cell';
import type { Cell, ParsedTable } from './types';

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * The rows that could not be imported, as they were in the file plus a column saying why, in
 * UTF-8 with BOM so Excel opens Chinese correctly: fix them and import this file again.
 */
export function failedRowsCsv(table: ParsedTable, errors: readonly RowError[], errorHeader = 'Import error / 导入错误'): string {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${e.column}: ${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const rows: string[][] = [];
  table.rows.forEach((cells, i) => {
    const problems = byRow.get(table.rowNumbers[i] ?? -1);
    if (!problems) return;
    const values = table.headers.map((_, c) => escapeSpreadsheetCell(table.texts?.[i]?.[c] ?? text(cells[c])));
    // A row with extra fields keeps them, so nothing the user typed is lost.
    for (let c = table.headers.length; c < cells.length; c++) values.push(escapeSpreadsheetCell(text(cells[c])));
    rows.push([...values, problems.join('; ')]);
  });
  return '\ufeff' + Papa.unparse({ fields: [...table.headers, errorHeader], data: rows }, { newline: '\r\n' });
}

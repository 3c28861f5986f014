import Papa from 'papaparse';
import type { RowError } from '../../shared/domain/import';
import { escapeSpreadsheetCell } from '../export/escape-cell';
import type { Cell, TableChunk } from './types';

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * The rows that could not be imported, as they were in the file plus a column saying why, in
 * UTF-8 with BOM so Excel opens Chinese correctly: fix them and import this file again. Filled a
 * chunk at a time (only the failed rows are kept).
 */
export class FailedRows {
  private readonly lines: string[] = [];
  count = 0;

  constructor(
    private readonly headers: readonly string[],
    private readonly errorHeader = 'Import error / 导入错误',
  ) {}

  /** The failed rows of one chunk; `errors` those of its rows (by file row number). */
  add(chunk: Pick<TableChunk, 'rows' | 'rowNumbers' | 'texts'>, errors: readonly RowError[]): void {
    if (errors.length === 0) return;
    const byRow = new Map<number, string[]>();
    for (const e of errors) {
      const list = byRow.get(e.row) ?? [];
      list.push(e.column ? `${e.column}: ${e.message}` : e.message);
      byRow.set(e.row, list);
    }
    const rows: string[][] = [];
    chunk.rows.forEach((cells, i) => {
      const problems = byRow.get(chunk.rowNumbers[i] ?? -1);
      if (!problems) return;
      const values = this.headers.map((_, c) => escapeSpreadsheetCell(chunk.texts?.[i]?.[c] ?? text(cells[c])));
      // A row with extra fields keeps them, so nothing the user typed is lost.
      for (let c = this.headers.length; c < cells.length; c++) values.push(escapeSpreadsheetCell(text(cells[c])));
      rows.push([...values, problems.join('; ')]);
    });
    this.count += rows.length;
    if (rows.length > 0) this.lines.push(Papa.unparse(rows, { newline: '\r\n' }));
  }

  csv(): string {
    const header = Papa.unparse([[...this.headers, this.errorHeader]], { newline: '\r\n' });
    return '\ufeff' + [header, ...this.lines].join('\r\n');
  }
}

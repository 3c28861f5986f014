import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { escapeSpreadsheetCell } from './escape-cell';

export type ExportCell = string | number | null;

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
}

/**
 * Writes a table as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or XLSX. Text cells are
 * guarded against formula injection; numbers stay numbers. In XLSX every text cell is a string
 * cell, so phone numbers and long IDs stay exactly as they are.
 */
export function writeTable(table: ExportTable, format: 'csv' | 'xlsx', sheetName = 'ExportDesk'): Buffer {
  const rows = table.rows.map((r) => r.map((v) => (typeof v === 'string' ? escapeSpreadsheetCell(v) : v)));
  if (format === 'csv') {
    const text = Papa.unparse({ fields: table.headers, data: rows.map((r) => r.map((v) => (v === null ? '' : v))) }, { newline: '\r\n' });
    return Buffer.from('\ufeff' + text, 'utf8');
  }
  const sheet = XLSX.utils.aoa_to_sheet([table.headers, ...rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array);
}

export function exportFileName(base: string, format: 'csv' | 'xlsx', now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${base}-${stamp}.${format}`;
}

export const MIME = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

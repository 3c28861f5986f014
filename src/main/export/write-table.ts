import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { csvCodeCell, escapeSpreadsheetCell, isNumberLikeCode } from './escape-cell';
import { freezeHeaderRows } from './xlsx-frozen-header';

/**
 * What a column holds, which decides how each format writes it:
 * - text: the user's text, guarded against formula injection;
 * - code: IDs, phone numbers, WeChat IDs… that must stay exactly as written (text cells; in CSV the
 *   ones Excel would turn into numbers are written as `="…"`);
 * - number: a plain number;
 * - money: a decimal amount (a MoneyCell), shown with its currency's decimals;
 * - datetime: a local wall-clock time "YYYY-MM-DD HH:mm" (see local-time.ts), a date cell in XLSX;
 * - date: a day "YYYY-MM-DD", a date cell in XLSX.
 */
export type ColumnKind = 'text' | 'code' | 'number' | 'money' | 'datetime' | 'date';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}

/** An amount in a currency's decimal units, with the currency's number of decimals (USD 2, JPY 0). */
export interface MoneyCell {
  amount: number;
  digits: number;
}

export type ExportCell = string | number | MoneyCell | null;

export interface ExportSheet {
  /** The XLSX sheet's name (cut to Excel's 31 characters); CSV has no sheets. */
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

/** Excel's widest useful column, in characters; wider content wraps into the cell's tooltip width anyway. */
const MAX_WIDTH = 50;
const MIN_WIDTH = 6;
/** Rows measured for the widths: enough to see the content, without measuring 100,000 rows. */
const MEASURED_ROWS = 2000;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
/** Excel's day 0 (1899-12-30) in the 1900 date system, as a UTC epoch. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A table of text and numbers under plain headings (the surveys' response sheet). */
export interface ExportTable {
  headers: string[];
  rows: (string | number | null)[][];
}

/** One table as CSV or as an XLSX file of one sheet; every column holds text or numbers. */
export function writeTable(table: ExportTable, format: 'csv' | 'xlsx', sheetName = 'ExportDesk'): Buffer {
  return writeSheets([{ name: sheetName, columns: table.headers.map((header) => ({ header, kind: 'text' })), rows: table.rows }], format);
}

/**
 * Writes sheets as CSV (the first sheet only: UTF-8 with BOM, so Excel opens Chinese correctly) or
 * XLSX (every sheet, each with its header row frozen and its columns as wide as their content).
 * User text is guarded against formula injection; numbers stay numbers; codes stay text.
 */
export function writeSheets(sheets: readonly ExportSheet[], format: 'csv' | 'xlsx'): Buffer {
  const [first] = sheets;
  if (!first) throw new Error('writeSheets needs a sheet');
  if (format === 'csv') {
    const data = first.rows.map((row) => row.map((v, i) => csvCell(v, first.columns[i]?.kind ?? 'text')));
    const text = Papa.unparse({ fields: first.columns.map((c) => c.header), data }, { newline: '\r\n' });
    return Buffer.from('\ufeff' + text, 'utf8');
  }
  const book = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(book, worksheet(s), s.name.slice(0, 31));
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Uint8Array;
  return freezeHeaderRows(Buffer.from(bytes), sheets.length);
}

function csvCell(v: ExportCell, kind: ColumnKind): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return v.amount;
  return kind === 'code' ? csvCodeCell(v) : escapeSpreadsheetCell(v);
}

function worksheet(s: ExportSheet): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  s.columns.forEach((c, col) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c: col })] = { t: 's', v: c.header };
  });
  s.rows.forEach((row, r) => {
    row.forEach((v, col) => {
      const cell = xlsxCell(v, s.columns[col]?.kind ?? 'text');
      if (cell) sheet[XLSX.utils.encode_cell({ r: r + 1, c: col })] = cell;
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: s.rows.length, c: Math.max(0, s.columns.length - 1) } });
  sheet['!cols'] = s.columns.map((c, col) => ({ wch: columnWidth(c, s.rows, col) }));
  return sheet;
}

function xlsxCell(v: ExportCell, kind: ColumnKind): XLSX.CellObject | null {
  if (v === null || v === '') return null;
  if (typeof v === 'object') return { t: 'n', v: v.amount, z: v.digits > 0 ? `#,##0.${'0'.repeat(v.digits)}` : '#,##0' };
  if (typeof v === 'number') return { t: 'n', v };
  if (kind === 'datetime' || kind === 'date') {
    const serial = excelSerial(v);
    if (serial !== null) return { t: 'n', v: serial, z: kind === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
  }
  // A text-formatted ('@') cell stays text even when the user edits it, so a phone or an ID is
  // written as it is; anything else in a code column is guarded like user text.
  if (kind === 'code') return { t: 's', v: isNumberLikeCode(v) ? v : escapeSpreadsheetCell(v), z: '@' };
  return { t: 's', v: escapeSpreadsheetCell(v) };
}

/** "2026-11-13 02:11" or "2026-11-13" as an Excel serial of that wall-clock time; null for other text. */
function excelSerial(local: string): number | null {
  const m = LOCAL_DATETIME.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return (Date.UTC(y, mo - 1, d, h, mi) - EXCEL_EPOCH_UTC) / 86_400_000;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Characters a text takes in a cell: CJK and other wide characters count twice. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** The text a cell shows (amounts with their separators and decimals). */
function shownText(v: ExportCell): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.amount.toLocaleString('en', { minimumFractionDigits: v.digits, maximumFractionDigits: v.digits });
  if (typeof v === 'number') return String(v);
  return v;
}

/** Fitted to the header and the content (the longest line of a cell), within MIN_WIDTH..MAX_WIDTH. */
function columnWidth(c: ExportColumn, rows: readonly ExportCell[][], col: number): number {
  let widest = displayWidth(c.header);
  for (let r = 0; r < rows.length && r < MEASURED_ROWS; r++) {
    const text = shownText(rows[r]?.[col] ?? null);
    if (text.length * 2 <= widest) continue;
    for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
    if (widest >= MAX_WIDTH) break;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

export const MIME = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

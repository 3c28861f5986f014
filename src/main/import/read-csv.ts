import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { decodeText } from './encoding';
import { HEADER_SEARCH_ROWS, locateHeaderRow } from './header-aliases';
import type { ParsedTable, ReadOptions } from './types';

/** Delimiters a CSV export uses: comma, semicolon (European Excel), tab ("xls" that is text). */
const DELIMITERS = [',', ';', '\t'];
/** How much of the file the delimiter is sniffed on. */
const SNIFF_RECORDS = 20;
const SNIFF_CHARS = 256 * 1024;

interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/**
 * Reads a CSV file: decodes it (BOM, UTF-8 or GB18030), sniffs the delimiter, finds the header
 * row and returns every non-blank record after it as strings, untouched. A record with more or
 * fewer fields than the header comes through as it is; the import reports it as a bad row.
 * Row caps: only `options.maxRows` (readTable applies the defaults).
 */
export function readCsv(bytes: Uint8Array, options: ReadOptions = {}): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const { records, delimiter } = parseRecords(text, maxRows + HEADER_SEARCH_ROWS);

  const headerIndex = (options.locateHeader ?? locateHeaderRow)(records.map((r) => r.cells));
  const header = records[headerIndex] as CsvRecord;
  const data = records.slice(headerIndex + 1);
  if (data.length > maxRows) throw tooManyRows(maxRows);
  if (data.length === 0) throw new AppError('IMPORT_EMPTY', 'The file has a header but no data rows.');
  return {
    format: 'csv',
    encoding,
    delimiter,
    sheetNames: [],
    sheet: '',
    headerRowIndex: header.line - 1,
    headers: header.cells.map((h) => h.trim()),
    rows: data.map((r) => r.cells),
    rowNumbers: data.map((r) => r.line),
  };
}

/**
 * Every non-blank record with the line it starts on. Line endings are unified to \n first
 * (a CR LF inside a quoted cell becomes LF), so no cell keeps a stray \r. Stops with
 * IMPORT_TOO_MANY_ROWS past `limit` records.
 */
function parseRecords(raw: string, limit: number): { records: CsvRecord[]; delimiter: string } {
  // Papaparse drops a leading U+FEFF on its own (a second BOM after ours), which would shift
  // its cursor against our text: drop it first.
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF+/, '');
  const delimiter = sniffDelimiter(text);
  const records: CsvRecord[] = [];
  let pos = 0; // where the next record starts
  let line = 1; // the line `pos` is on
  let failure: AppError | null = null;

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = pos;
      const startLine = line;
      const end = Math.min(Math.max(result.meta.cursor, start), text.length);
      line += countNewlines(text, start, end);
      pos = end;

      const cells = result.data;
      if (isBlank(cells)) return;
      const spansLines = countNewlines(text, start, end) - (text[end - 1] === '\n' ? 1 : 0) > 0;
      if (spansLines && result.errors.some((e) => e.type === 'Quotes')) {
        // An unclosed or malformed quote swallowed the lines after it: records would be lost.
        failure = new AppError('IMPORT_UNREADABLE', `Unbalanced quotes in the record starting on line ${startLine}.`, { line: startLine });
        parser.abort();
        return;
      }
      records.push({ cells, line: startLine });
      if (records.length > limit) {
        failure = tooManyRows(limit - HEADER_SEARCH_ROWS);
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return { records, delimiter };
}

/**
 * The delimiter that splits the first records into the most rows of one same width (at least
 * 2). Papaparse's own guess counts blank and title lines against a candidate, so a two-column
 * file with a trailing blank line or a title row would fall back to a comma.
 */
function sniffDelimiter(text: string): string {
  const sample = text.slice(0, SNIFF_CHARS);
  let best = { delimiter: DELIMITERS[0] as string, rows: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(sample, { delimiter, newline: '\n', quoteChar: '"', preview: SNIFF_RECORDS, skipEmptyLines: 'greedy' });
    const byWidth = new Map<number, number>();
    for (const row of data) if (row.length >= 2) byWidth.set(row.length, (byWidth.get(row.length) ?? 0) + 1);
    for (const [width, rows] of byWidth) {
      if (rows > best.rows || (rows === best.rows && width > best.width)) best = { delimiter, rows, width };
    }
  }
  return best.delimiter;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function tooManyRows(maxRows: number): AppError {
  return new AppError('IMPORT_TOO_MANY_ROWS', `The file has more than ${maxRows} rows.`, { maxRows });
}

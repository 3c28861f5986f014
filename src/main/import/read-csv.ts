import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { decodeText } from './encoding';
import { HEADER_SEARCH_ROWS, locateHeaderRow } from './header-aliases';
import { unwrapSpreadsheetText } from './normalize/spreadsheet-text';
import type { ParsedTable, ReadOptions, TableChunk, TableSource } from './types';

/** Delimiters a CSV export uses: comma, semicolon (European Excel), tab ("xls" that is text). */
const DELIMITERS = [',', ';', '\t'];
/** How much of the file the delimiter is sniffed on. */
const SNIFF_RECORDS = 20;
const SNIFF_CHARS = 256 * 1024;
/** Characters parsed at a time: records are cut where the parser itself ends one. */
const PIECE_CHARS = 1 << 20;

interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/** Where a pass over the records starts: a character offset and the line it is on. */
interface Position {
  pos: number;
  line: number;
}

/**
 * Opens a CSV file for reading in chunks: decodes it (BOM, UTF-8 or GB18030), sniffs the
 * delimiter and finds the header row; each pass of `chunks` parses the data records after it
 * again, as strings, untouched but for the text forms exports write for spreadsheets
 * (normalize/spreadsheet-text.ts). A record with more or fewer fields than the header comes through
 * as it is; the import reports it as a bad row. Only the decoded text stays in memory between
 * passes. A pass throws IMPORT_TOO_MANY_ROWS past `options.maxRows` (readTable applies the
 * defaults) and IMPORT_UNREADABLE on quotes that swallow the lines after them.
 */
export function openCsv(bytes: Uint8Array, options: ReadOptions = {}): TableSource {
  const decoded = decodeText(bytes);
  // Line endings unified to \n first (a CR LF inside a quoted cell becomes LF), so no cell keeps a
  // stray \r; a leading U+FEFF (a second BOM after ours) is dropped, as spreadsheets do.
  const text = decoded.text.replace(/\r\n?/g, '\n').replace(/^\uFEFF+/, '');
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const delimiter = sniffDelimiter(text);

  // The header among the first records; at least one record after it.
  const head: (CsvRecord & Position & { start: number })[] = [];
  const piece = options.pieceChars ?? PIECE_CHARS;
  for (const r of records(text, delimiter, { pos: 0, line: 1 }, piece)) {
    head.push(r);
    if (head.length > HEADER_SEARCH_ROWS) break;
  }
  if (head.length === 0) throw new AppError('IMPORT_EMPTY', 'The file has a header but no data rows.');
  const headerIndex = (options.locateHeader ?? locateHeaderRow)(head.map((r) => r.cells));
  const header = head[headerIndex] as CsvRecord & Position & { start: number };
  if (head.length <= headerIndex + 1) throw new AppError('IMPORT_EMPTY', 'The file has a header but no data rows.');
  const dataStart: Position = { pos: header.pos, line: header.line + countNewlines(text, header.start, header.pos) };

  return {
    format: 'csv',
    encoding: decoded.encoding,
    delimiter,
    sheetNames: [],
    sheet: '',
    headerRowIndex: header.line - 1,
    headers: header.cells.map((h) => h.trim()),
    *chunks(size: number): Generator<TableChunk, void, undefined> {
      let rows: string[][] = [];
      let rowNumbers: number[] = [];
      let count = 0;
      for (const r of records(text, delimiter, dataStart, piece)) {
        if (++count > maxRows) throw tooManyRows(maxRows);
        rows.push(r.cells);
        rowNumbers.push(r.line);
        if (rows.length >= size) {
          yield { rows, rowNumbers, read: r.pos / Math.max(1, text.length) };
          rows = [];
          rowNumbers = [];
        }
      }
      if (rows.length > 0) yield { rows, rowNumbers, read: 1 };
    },
  };
}

/** Reads a whole CSV file into a table (openCsv's chunks, collected). */
export function readCsv(bytes: Uint8Array, options: ReadOptions = {}): ParsedTable {
  const source = openCsv(bytes, options);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const chunk of source.chunks(10_000)) {
    for (const r of chunk.rows) rows.push(r as string[]);
    for (const n of chunk.rowNumbers) rowNumbers.push(n);
  }
  const { chunks: _chunks, ...head } = source;
  return { ...head, rows, rowNumbers };
}

/**
 * Every non-blank record from `from` on, with the line it starts on, where it starts (`start`)
 * and where the next one starts (`pos`). The text is parsed a piece at a time; each piece ends
 * where the parser last completed a record (papaparse's own rule, quotes included), so records
 * come out exactly as one parse of the whole text gives them.
 */
function* records(
  text: string,
  delimiter: string,
  from: Position,
  pieceChars: number,
): Generator<CsvRecord & Position & { start: number }, void, undefined> {
  let start = from.pos;
  let line = from.line;
  let size = pieceChars;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    const last = end === text.length;
    const piece = text.slice(start, end);
    const found: (CsvRecord & Position & { start: number })[] = [];
    let cursor = 0; // where the next record starts, within the piece
    let failure: AppError | null = null;
    const parser = new Papa.Parser({
      delimiter,
      newline: '\n',
      quoteChar: '"',
      step: (result: Papa.ParseStepResult<string[]>) => {
        if (failure) return;
        const recordStart = cursor;
        const recordEnd = Math.min(Math.max(result.meta.cursor, recordStart), piece.length);
        const startLine = line;
        const newlines = countNewlines(piece, recordStart, recordEnd);
        line += newlines;
        cursor = recordEnd;
        // Cells as a spreadsheet shows them: `="0086…"` and the formula guard's apostrophe taken off.
        const cells = ((result.data as unknown as string[][])[0] ?? []).map(unwrapSpreadsheetText);
        if (isBlank(cells)) return;
        const spansLines = newlines - (piece[recordEnd - 1] === '\n' ? 1 : 0) > 0;
        if (spansLines && result.errors.some((e) => e.type === 'Quotes')) {
          // An unclosed or malformed quote swallowed the lines after it: records would be lost.
          failure = new AppError('IMPORT_UNREADABLE', `Unbalanced quotes in the record starting on line ${startLine}.`, {
            line: startLine,
          });
          return;
        }
        found.push({ cells, line: startLine, start: start + recordStart, pos: start + recordEnd });
      },
    });
    parser.parse(piece, 0, !last);
    if (failure) throw failure;
    if (!last && cursor === 0) {
      // Not one whole record in the piece (a very long quoted cell): read further.
      size *= 2;
      continue;
    }
    yield* found;
    if (last) return;
    start += cursor;
    size = pieceChars;
  }
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
    const { data } = Papa.parse<string[]>(sample, {
      delimiter,
      newline: '\n',
      quoteChar: '"',
      preview: SNIFF_RECORDS,
      skipEmptyLines: 'greedy',
    });
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

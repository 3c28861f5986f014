import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { checked, decodePieces, detectEncoding, type TextPiece } from './encoding';
import { detached } from './detached-string';
import { bufferBytes, type FileBytes } from './file-bytes';
import { HEADER_SEARCH_ROWS, locateHeaderRow } from './header-aliases';
import { unwrapSpreadsheetText } from './normalize/spreadsheet-text';
import type { ParsedTable, ReadOptions, TableChunk, TableSource } from './types';

/** Delimiters a CSV export uses: comma, semicolon (European Excel), tab ("xls" that is text). */
const DELIMITERS = [',', ';', '\t'];
/** How much of the file the delimiter is sniffed on. */
const SNIFF_RECORDS = 20;
const SNIFF_CHARS = 256 * 1024;
/** Bytes decoded and parsed at a time: records are cut where the parser itself ends one. */
const PIECE_BYTES = 1 << 20;

interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

/**
 * Opens a CSV file for reading in chunks: finds its encoding (BOM, UTF-8 or GB18030), sniffs the
 * delimiter and finds the header row; each pass of `chunks` decodes and parses the file again, a
 * piece at a time, and hands out the data records after the header, as strings, untouched but for
 * the text forms exports write for spreadsheets (normalize/spreadsheet-text.ts). A record with
 * more or fewer fields than the header comes through as it is; the import reports it as a bad row.
 * Only the file (as the caller gave it: bytes, or base64 text) stays in memory between passes,
 * never its decoded text. A pass throws IMPORT_TOO_MANY_ROWS past `options.maxRows` (readTable
 * applies the defaults) and IMPORT_UNREADABLE on quotes that swallow the lines after them.
 */
export function openCsv(input: Uint8Array | FileBytes, options: ReadOptions = {}): TableSource {
  const file = input instanceof Uint8Array ? bufferBytes(input) : input;
  const encoding = detectEncoding(file);
  const pieceBytes = options.pieceChars ?? PIECE_BYTES;
  const text = () => normalisedText(decodePieces(file, encoding, pieceBytes), file.length);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let sample = '';
  for (const piece of text()) {
    sample += piece.text;
    if (sample.length >= SNIFF_CHARS) break;
  }
  // Binary junk decodes to control and replacement characters: refused.
  checked({ text: sample });
  const delimiter = sniffDelimiter(sample);

  // The header among the first records; at least one record after it.
  const head: CsvRecord[] = [];
  for (const r of records(text(), delimiter)) {
    head.push(r);
    if (head.length > HEADER_SEARCH_ROWS) break;
  }
  if (head.length === 0) throw new AppError('IMPORT_EMPTY', 'The file has a header but no data rows.');
  const headerIndex = (options.locateHeader ?? locateHeaderRow)(head.map((r) => r.cells));
  const header = head[headerIndex] as CsvRecord;
  if (head.length <= headerIndex + 1) throw new AppError('IMPORT_EMPTY', 'The file has a header but no data rows.');

  return {
    format: 'csv',
    encoding,
    delimiter,
    sheetNames: [],
    sheet: '',
    headerRowIndex: header.line - 1,
    headers: header.cells.map((h) => detached(h.trim())),
    *chunks(size: number): Generator<TableChunk, void, undefined> {
      let rows: string[][] = [];
      let rowNumbers: number[] = [];
      let count = 0;
      // The records up to the header's (title rows and the header) are not data.
      let skip = headerIndex + 1;
      for (const r of records(text(), delimiter)) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (++count > maxRows) throw tooManyRows(maxRows);
        rows.push(r.cells);
        rowNumbers.push(r.line);
        if (rows.length >= size) {
          yield { rows, rowNumbers, read: r.read };
          rows = [];
          rowNumbers = [];
        }
      }
      if (rows.length > 0) yield { rows, rowNumbers, read: 1 };
    },
  };
}

/** Reads a whole CSV file into a table (openCsv's chunks, collected). */
export function readCsv(bytes: Uint8Array | FileBytes, options: ReadOptions = {}): ParsedTable {
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

/** A piece of the text the records are parsed from, and how much of the file is read once it is (0..1). */
interface Piece {
  text: string;
  read: number;
}

/**
 * The decoded pieces with line endings unified to \n (a CR LF inside a quoted cell becomes LF, so
 * no cell keeps a stray \r; a CR at the end of a piece waits for the next one) and a leading
 * U+FEFF (a second BOM after ours) dropped, as spreadsheets do.
 */
function* normalisedText(pieces: Iterable<TextPiece>, length: number): Generator<Piece, void, undefined> {
  let held = '';
  let started = false;
  for (const piece of pieces) {
    let t = held + piece.text;
    held = '';
    if (piece.end < length && t.endsWith('\r')) {
      held = '\r';
      t = t.slice(0, -1);
    }
    t = t.replace(/\r\n?/g, '\n');
    if (!started) {
      t = t.replace(/^\uFEFF+/, '');
      if (t === '') continue;
      started = true;
    }
    yield { text: t, read: length > 0 ? piece.end / length : 1 };
  }
  if (held) yield { text: '\n', read: 1 };
}

/**
 * Every non-blank record of the text, with the line it starts on and how much of the file is
 * read. The text is parsed as it comes, a piece at a time; each parse ends where the parser last
 * completed a record (papaparse's own rule, quotes included) and the rest waits for the next
 * piece, so records come out exactly as one parse of the whole text gives them.
 */
function* records(pieces: Iterator<Piece>, delimiter: string): Generator<CsvRecord & { read: number }, void, undefined> {
  let text = '';
  let line = 1;
  let read = 0;
  let last = false;
  while (!last) {
    const next = pieces.next();
    if (next.done) last = true;
    else {
      text += next.value.text;
      read = next.value.read;
    }
    if (text.length === 0) continue;
    const found: (CsvRecord & { read: number })[] = [];
    let cursor = 0; // where the next record starts, within the text
    let failure: AppError | null = null;
    const piece = text;
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
        found.push({ cells, line: startLine, read });
      },
    });
    parser.parse(piece, 0, !last);
    if (failure) throw failure;
    // Not one whole record yet (a long quoted cell): read further.
    if (!last && cursor === 0) continue;
    yield* found;
    text = text.slice(cursor);
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

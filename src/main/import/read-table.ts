import { AppError } from '../../shared/errors';
import { bufferBytes, type FileBytes } from './file-bytes';
import { openCsv, readCsv } from './read-csv';
import { isZip, readXlsx } from './read-xlsx';
import type { ParsedTable, ReadOptions, TableChunk, TableSource } from './types';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1_000_000;

/**
 * Reads an import file into a table: XLSX/XLS by content (zip or OLE signature) or by name,
 * else CSV. Caps the file size and the rows read; finds the header row below any title rows.
 * Throws AppError IMPORT_* only (anything else a reader throws becomes IMPORT_UNREADABLE).
 */
export function readTable(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ParsedTable {
  return opening(bytes, fileName, options, (limits) =>
    formatOf(bytes, fileName) === 'xlsx' ? readXlsx(bytes, limits) : readCsv(bytes, limits),
  );
}

/**
 * Opens an import file for reading in chunks (readTable's checks and errors): a CSV file is
 * parsed afresh on every pass, chunk by chunk; a workbook is read whole by SheetJS and handed out
 * in chunks.
 */
export function openTable(input: Uint8Array | FileBytes, fileName: string, options: ReadOptions = {}): TableSource {
  const file = input instanceof Uint8Array ? bufferBytes(input) : input;
  return opening(file, fileName, options, (limits) =>
    // A workbook is read whole (SheetJS needs every byte at once); a CSV file a piece at a time.
    formatOf(file.read(0, SNIFF_BYTES), fileName) === 'xlsx'
      ? tableSource(readXlsx(file.read(0, file.length), limits))
      : openCsv(file, limits),
  );
}

/** Bytes enough to tell a workbook from text (formatOf). */
const SNIFF_BYTES = 8192;

function opening<T>(bytes: Pick<FileBytes, 'length'>, fileName: string, options: ReadOptions, read: (limits: ReadOptions) => T): T {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (bytes.length > maxBytes) {
    throw new AppError('IMPORT_FILE_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`, { bytes: bytes.length, maxBytes });
  }
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY', 'The file is empty.');
  try {
    return read({ ...options, maxBytes, maxRows });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_UNREADABLE', 'The file could not be read.', { reason: err instanceof Error ? err.message : String(err) });
  }
}

/** A table already in memory, handed out in chunks. */
function tableSource(table: ParsedTable): TableSource {
  const { rows, rowNumbers, texts, ...head } = table;
  return {
    ...head,
    *chunks(size: number): Generator<TableChunk, void, undefined> {
      for (let i = 0; i < rows.length; i += size) {
        const end = Math.min(rows.length, i + size);
        yield {
          rows: rows.slice(i, end),
          rowNumbers: rowNumbers.slice(i, end),
          ...(texts ? { texts: texts.slice(i, end) } : {}),
          read: end / rows.length,
        };
      }
    },
  };
}

/**
 * A workbook by signature (zip: XLSX; OLE: XLS), or by extension (`bytes`: the file, or its first
 * SNIFF_BYTES) unless the bytes are plain text
 * that is not markup (many "xls" downloads are tab-separated text, which the CSV reader decodes
 * properly). Binary that is neither zip nor OLE under a workbook name is refused.
 */
export function formatOf(bytes: Uint8Array, fileName: string): 'csv' | 'xlsx' {
  if (isZip(bytes) || isOle(bytes)) return 'xlsx';
  if (!/\.(xlsx|xlsm|xls)$/i.test(fileName.trim())) return 'csv';
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return 'csv'; // Excel's "Unicode text", tab-separated
  if (head.includes(0)) throw new AppError('IMPORT_UNREADABLE', 'The file is not a workbook.', { fileName });
  return looksLikeMarkup(head) ? 'xlsx' : 'csv';
}

function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return sig.every((b, i) => bytes[i] === b);
}

/** HTML or SpreadsheetML saved under an .xls name: SheetJS reads those. */
function looksLikeMarkup(head: Uint8Array): boolean {
  const start = new TextDecoder('latin1')
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  return start.startsWith('<');
}

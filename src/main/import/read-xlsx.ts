import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../shared/errors';
import { HEADER_SEARCH_ROWS, locateHeaderRow } from './header-aliases';
import { unwrapSpreadsheetText } from './normalize/spreadsheet-text';
import type { Cell, ParsedTable, ReadOptions } from './types';

/** Wider than any customer list; a sheet this wide is junk or a bomb. */
const MAX_COLUMNS = 1000;
/** Zip bomb guard: what the zip may declare it inflates to, per entry and in all. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

interface SheetRecord {
  cells: Cell[];
  texts: (string | null)[];
  /** 1-based spreadsheet row number. */
  row: number;
}

/**
 * Reads one sheet of an XLSX (or XLS) workbook with SheetJS: typed values in `rows`, the text
 * Excel displays in `texts` (long IDs and leading zeros stay exact there). Date cells come as
 * JS Dates whose UTC fields hold the wall-clock time written in the sheet (SheetJS 0.20 reads
 * them so, whatever the machine's zone). Row caps: only `options.maxRows` (readTable applies
 * the defaults); the zip's declared sizes are checked before anything is inflated.
 */
/**
 * Runs the SheetJS reader with what it prints (warnings about number formats and the like in
 * files LibreOffice or WPS wrote) collected instead of written to stderr: they belong in the
 * import's record, not in the CLI's output or the app's console.
 */
function capturingConsole<T>(into: string[], read: () => T): T {
  const { warn, error, log } = console;
  const keep = (...args: unknown[]) => {
    if (into.length < 20) into.push(args.map(String).join(' ').slice(0, 300));
  };
  console.warn = keep;
  console.error = keep;
  console.log = keep;
  try {
    return read();
  } finally {
    console.warn = warn;
    console.error = error;
    console.log = log;
  }
}

export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): ParsedTable {
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  // SheetJS's own inflate can loop forever on a damaged deflate stream: inflate with zlib
  // (sizes capped, CRCs checked) and hand SheetJS the entries stored uncompressed.
  const input = isZip(bytes) ? storedZip(unzip(bytes)) : bytes;
  // Rows read at most: the data cap, titles above the header, and one more to notice overflow.
  const sheetRows = Number.isFinite(maxRows) ? maxRows + HEADER_SEARCH_ROWS + 1 : 0;

  let workbook: XLSX.WorkBook;
  const warnings: string[] = [];
  try {
    workbook = capturingConsole(warnings, () =>
      XLSX.read(input, {
        type: 'array',
        cellDates: true,
        dense: true,
        sheetRows,
        sheets: options.sheet ?? 0,
        cellNF: true,
        raw: true, // HTML saved as .xls: keep cell text as written (leading zeros, long IDs)
        cellFormula: false,
        cellHTML: false,
        cellStyles: false,
        bookVBA: false,
      }),
    );
  } catch (err) {
    throw new AppError('IMPORT_UNREADABLE', 'The workbook is damaged or not a spreadsheet.', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }

  const sheetNames = [...(workbook.SheetNames ?? [])];
  const sheet = options.sheet ?? sheetNames[0];
  if (sheet === undefined || sheetNames.length === 0) throw new AppError('IMPORT_EMPTY', 'The workbook has no sheets.');
  if (!sheetNames.includes(sheet)) {
    throw new AppError('IMPORT_UNKNOWN_SHEET', `No sheet named "${sheet}".`, { sheet, sheetNames });
  }
  const worksheet = workbook.Sheets[sheet];
  const records = worksheet ? sheetRecords(worksheet, sheetRows) : [];

  const headerIndex = (options.locateHeader ?? locateHeaderRow)(records.map((r) => r.texts));
  const header = records[headerIndex] as SheetRecord;
  const headers = trimEnd(header.texts).map((t) => (t ?? '').trim());
  const data = records.slice(headerIndex + 1);
  if (data.length > maxRows) throw tooManyRows(maxRows);
  if (data.length === 0) throw new AppError('IMPORT_EMPTY', 'The sheet has a header but no data rows.', { sheet });
  const width = (r: SheetRecord) => Math.max(headers.length, trimEnd(r.texts).length);
  return {
    format: 'xlsx',
    encoding: '',
    delimiter: '',
    sheetNames,
    sheet,
    headerRowIndex: header.row - 1,
    headers,
    rows: data.map((r) => pad(r.cells, width(r), null)),
    rowNumbers: data.map((r) => r.row),
    texts: data.map((r) => pad(r.texts, width(r), null)),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Non-blank rows of a dense worksheet, from its first used column on. */
function sheetRecords(ws: XLSX.WorkSheet, sheetRows: number): SheetRecord[] {
  const data: (XLSX.CellObject[] | undefined)[] = ws['!data'] ?? [];
  if (sheetRows > 0 && data.length >= sheetRows) throw tooManyRows(sheetRows - HEADER_SEARCH_ROWS - 1);
  const firstColumn = ws['!ref'] ? Math.max(0, XLSX.utils.decode_range(ws['!ref']).s.c) : 0;
  const records: SheetRecord[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    if (row.length > MAX_COLUMNS + firstColumn) {
      throw new AppError('IMPORT_UNREADABLE', `Row ${r + 1} has more than ${MAX_COLUMNS} columns.`, {
        row: r + 1,
        maxColumns: MAX_COLUMNS,
      });
    }
    const cells: Cell[] = [];
    const texts: (string | null)[] = [];
    for (let c = firstColumn; c < row.length; c++) {
      const [value, text] = readCell(row[c]);
      cells.push(value);
      texts.push(text);
    }
    if (texts.some((t) => t !== null && t.trim() !== '')) records.push({ cells, texts, row: r + 1 });
  }
  return records;
}

/** A cell's typed value and displayed text. */
function readCell(cell: XLSX.CellObject | undefined): [Cell, string | null] {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return [null, null];
  const v = cell.v;
  switch (cell.t) {
    case 's': {
      // The formula guard's apostrophe (ExportDesk's own XLSX export writes it) taken off, as in CSV.
      const text = unwrapSpreadsheetText(String(v));
      return [text, cell.w === undefined || cell.w === String(v) ? text : cell.w];
    }
    case 'n': {
      const n = Number(v);
      return [n, numberText(n, cell)];
    }
    case 'b':
      return [Boolean(v), cell.w ?? (v ? 'TRUE' : 'FALSE')];
    case 'd': {
      const d = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(d.getTime())) return [null, cell.w ?? null];
      return [d, cell.w ?? d.toISOString()];
    }
    case 'e':
      return [null, cell.w ?? null];
    default:
      return [null, null];
  }
}

/**
 * Excel's "General" shows a 14-digit inquiry ID as 5.00001E+13; the ID is the integer itself.
 * Explicit number formats (leading zeros "00000", dates, currency) keep their display text.
 */
function numberText(n: number, cell: XLSX.CellObject): string {
  const general = cell.z === undefined || cell.z === 'General' || cell.z === 0;
  if (general && Number.isSafeInteger(n)) return String(n);
  if (general && /e[+-]?\d/i.test(cell.w ?? '') && Math.abs(n) < 1e21) return String(n);
  return cell.w ?? String(n);
}

function trimEnd<T extends string | null>(values: readonly T[]): T[] {
  let end = values.length;
  while (end > 0) {
    const v = values[end - 1];
    if (v !== null && v !== undefined && v.trim() !== '') break;
    end--;
  }
  return values.slice(0, end);
}

function pad<T>(values: readonly T[], length: number, fill: T): T[] {
  const out = values.slice(0, length);
  while (out.length < length) out.push(fill);
  return out;
}

function tooManyRows(maxRows: number): AppError {
  return new AppError('IMPORT_TOO_MANY_ROWS', `The sheet has more than ${maxRows} rows.`, { maxRows });
}

// ---- The zip container, read safely -------------------------------------------------------

export interface ZipFile {
  name: string;
  data: Uint8Array;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Every file in a zip, inflated with zlib. Refuses a zip that declares it inflates to more than
 * we could hold (IMPORT_FILE_TOO_LARGE) and one that is truncated, damaged (bad directory,
 * deflate stream, size or CRC), zip64 or encrypted (IMPORT_UNREADABLE).
 */
export function unzip(bytes: Uint8Array): ZipFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (reason: string) => new AppError('IMPORT_UNREADABLE', 'The workbook is truncated or damaged.', { reason });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw damaged('zip64 archives are not supported');

  const entries: { name: string; flags: number; method: number; crc: number; packed: number; size: number; local: number }[] = [];
  let total = 0;
  for (let n = 0, p = dirOffset; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged('broken central directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) throw damaged('broken central directory');
    const entry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      packed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    };
    if (entry.size === 0xffffffff || entry.packed === 0xffffffff || entry.local === 0xffffffff)
      throw damaged('zip64 entries are not supported');
    total += entry.size;
    if (entry.size > MAX_ENTRY_BYTES || total > MAX_INFLATED_BYTES) {
      throw new AppError('IMPORT_FILE_TOO_LARGE', 'The workbook inflates to more than can be read.', {
        inflatedBytes: total,
        maxInflatedBytes: MAX_INFLATED_BYTES,
      });
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }

  return entries
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => {
      if (e.flags & 1) throw damaged(`${e.name} is encrypted`);
      if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) throw damaged(`no local header for ${e.name}`);
      const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
      if (start + e.packed > bytes.length) throw damaged(`${e.name} is cut off`);
      const packed = bytes.subarray(start, start + e.packed);
      let data: Uint8Array;
      if (e.method === 0) data = packed;
      else if (e.method === 8) {
        try {
          data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
        } catch (err) {
          throw damaged(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      } else throw damaged(`${e.name} uses compression method ${e.method}`);
      if (data.length !== e.size || crc32(data) !== e.crc) throw damaged(`${e.name} fails its size or CRC check`);
      return { name: e.name, data };
    });
}

/** A zip holding the files uncompressed ("stored"), names in UTF-8. */
export function storedZip(files: readonly ZipFile[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = files.map((f) => encoder.encode(f.name));
  const localSize = files.reduce((n, f, i) => n + 30 + (names[i] as Uint8Array).length + f.data.length, 0);
  const dirSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + dirSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs = files.map((f) => crc32(f.data));
  let p = 0;
  files.forEach((f, i) => {
    const name = names[i] as Uint8Array;
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true); // names in UTF-8
    view.setUint32(p + 14, crcs[i] as number, true);
    view.setUint32(p + 18, f.data.length, true);
    view.setUint32(p + 22, f.data.length, true);
    view.setUint16(p + 26, name.length, true);
    out.set(name, p + 30);
    out.set(f.data, p + 30 + name.length);
    p += 30 + name.length + f.data.length;
  });
  const dirOffset = p;
  files.forEach((f, i) => {
    const name = names[i] as Uint8Array;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint32(p + 16, crcs[i] as number, true);
    view.setUint32(p + 20, f.data.length, true);
    view.setUint32(p + 24, f.data.length, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint32(p + 42, offsets[i] as number, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, files.length, true);
  view.setUint16(p + 10, files.length, true);
  view.setUint32(p + 12, p - dirOffset, true);
  view.setUint32(p + 16, dirOffset, true);
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

import type { ColumnMapping, ImportKind } from '../../shared/domain/import';

/** A cell as a reader hands it over: CSV gives text; XLSX may give numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** A file read into rows, before any mapping. */
export interface ParsedTable {
  format: 'csv' | 'xlsx';
  /** CSV: the detected encoding ('utf-8', 'utf-8-bom', 'utf-16le', 'gb18030'); XLSX: ''. */
  encoding: string;
  /** CSV: the sniffed delimiter; XLSX: ''. */
  delimiter: string;
  /** XLSX: every sheet name, in order; CSV: []. */
  sheetNames: string[];
  /** XLSX: the sheet read; CSV: ''. */
  sheet: string;
  /** 0-based index of the header row among the file's rows (title rows above it are skipped). */
  headerRowIndex: number;
  headers: string[];
  /** Data rows after the header (blank rows dropped); each as long as the file row was. */
  rows: Cell[][];
  /** For each data row, the 1-based row number the user sees (spreadsheet row; CSV line of the record's start). */
  rowNumbers: number[];
  /** XLSX: per data row, the displayed text of each cell (keeps long IDs and leading zeros exact); CSV: none. */
  texts?: (string | null)[][];
  /** What the spreadsheet reader noted while reading (kept with the import, never printed). */
  warnings?: string[];
}

/** What a reader knows of a file before its data rows: everything of ParsedTable but the rows. */
export type TableHead = Omit<ParsedTable, 'rows' | 'rowNumbers' | 'texts'>;

/** Consecutive data rows of a file (the same fields as ParsedTable's, for these rows only). */
export interface TableChunk {
  rows: Cell[][];
  rowNumbers: number[];
  texts?: (string | null)[][];
  /** How much of the file has been read once this chunk is handed over, 0..1. */
  read: number;
}

/**
 * A file opened for reading in chunks: the header is known; the data rows are read again, chunk
 * by chunk, on every pass, so no pass holds more than one chunk of parsed rows.
 */
export interface TableSource extends TableHead {
  chunks(size: number): Generator<TableChunk, void, undefined>;
}

export interface ReadOptions {
  sheet?: string;
  /** Finds the header row among the first rows (default: the one with the most known import headers). */
  locateHeader?: (rows: readonly (readonly (string | null)[])[]) => number;
  maxBytes?: number;
  maxRows?: number;
  /** CSV: bytes decoded and parsed at a time (tests make it tiny, so that records and characters cross pieces). */
  pieceChars?: number;
}

/** What the engine recognised in a file: its kind and the column → field mapping. */
export interface Recognition {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** 0..1: how sure the kind detection is. */
  confidence: number;
}

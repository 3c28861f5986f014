/**
 * Import vocabulary shared by the engine, the wizard and the CLI: the kinds of file ExportDesk
 * recognises and the fields a column can be mapped to. Zod-free, so the renderer imports it cheaply.
 */
export const IMPORT_KINDS = ['inquiries', 'customers', 'orders', 'leads', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Every field a column can map to. A column mapped to nothing is ignored. */
export const IMPORT_FIELDS = [
  // the customer (company)
  'company',
  'country',
  'city',
  'website',
  'industry',
  'businessType',
  'scale',
  'source',
  'owner',
  'customerGroup',
  'importance',
  'customerCreatedAt',
  'customerNo',
  'buyerLevel',
  'registeredAt',
  'notes',
  // the person
  'contactName',
  'firstName',
  'lastName',
  'title',
  'email',
  'phone',
  'mobile',
  'rating',
  // an inquiry
  'inquiryId',
  'subject',
  'inquiryType',
  'inquirySource',
  'receivedAt',
  'lastReplyAt',
  'product',
  'productRef',
  'quantity',
  'unit',
  'message',
  'inquiryStatus',
  // an order (or one line of it)
  'orderNo',
  'orderedAt',
  'unitPrice',
  'currency',
  'amount',
  'orderStatus',
  // a catalogue product (kind 'products'; it also reads unit, currency, unitPrice and notes)
  'sku',
  'nameEn',
  'nameZh',
  'category',
  'moq',
  'priceTiers',
  'tierPrice',
  'cost',
  'costCurrency',
  'hsCode',
  'unitsPerCarton',
  'cartonSize',
  'cartonWeight',
  'leadTime',
  'alibabaProductId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Fields several columns may be mapped to: a price column per quantity ("Price 100+", "Price 1000+"),
 * whose header names the tier's minimum quantity.
 */
export const REPEATABLE_FIELDS: readonly ImportField[] = ['tierPrice'];

/** The catalogue's own fields, and those of other kinds a catalogue reads too. */
export const PRODUCT_FIELDS: readonly ImportField[] = [
  'sku',
  'nameEn',
  'nameZh',
  'category',
  'unit',
  'moq',
  'currency',
  'unitPrice',
  'priceTiers',
  'tierPrice',
  'cost',
  'costCurrency',
  'hsCode',
  'unitsPerCarton',
  'cartonSize',
  'cartonWeight',
  'leadTime',
  'alibabaProductId',
  'notes',
];

/** A column → field mapping, by column position; null ignores the column. */
export type ColumnMapping = (ImportField | null)[];

/** Row-level problems: reported with row, column and a localized message, never imported half-way. */
export const ROW_ERROR_CODES = [
  'ROW_FIELD_COUNT',
  'ROW_NO_COMPANY',
  'ROW_BAD_DATE',
  'ROW_BAD_AMOUNT',
  'ROW_BAD_NUMBER',
  'ROW_BAD_COUNTRY',
  'ROW_BAD_EMAIL',
  'ROW_BAD_CURRENCY',
  'ROW_DUPLICATE_IN_FILE',
  'ROW_TOO_LONG',
  /** A catalogue row without a SKU (型号). */
  'ROW_NO_SKU',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

/** What a spreadsheet did to an ID (see main/import/normalize/ids.ts). */
export const ID_PROBLEMS = ['scientific', 'decimal', 'leadingZeros', 'precision'] as const;
export type IdProblem = (typeof ID_PROBLEMS)[number];
/** Fields whose values are IDs: a mangled one is never used as a key. */
export const ID_FIELDS = ['inquiryId', 'orderNo', 'customerNo'] as const;
export type IdField = (typeof ID_FIELDS)[number];

/** IDs of one column that a spreadsheet mangled: how many rows, how many could be recovered exactly. */
export interface IdIssue {
  field: IdField;
  column: string;
  problem: IdProblem;
  rows: number;
  /** Rows whose ID was recovered exactly (every digit still there); the others were imported without it. */
  recovered: number;
  /** A few values as the file has them. */
  examples: string[];
}

/** A value the import kept as written without recognising it (the row is imported all the same). */
export interface UnrecognisedValue {
  field: 'country' | 'currency';
  column: string;
  text: string;
  rows: number;
}

/** What a row that added nothing new repeats: an earlier row of the file, or a record already in the database. */
export type DuplicateOf =
  { kind: 'row'; row: number } | { kind: 'customer' | 'contact' | 'inquiry' | 'order' | 'product'; id: number; label: string };

export interface RowDuplicate {
  row: number;
  of: DuplicateOf;
}

export interface RowError {
  /** 1-based row number as the user sees it in the file (a spreadsheet row, or a CSV record after the header). */
  row: number;
  /** The header of the column at fault ('' for the whole row). */
  column: string;
  code: RowErrorCode;
  /** English text; the renderer shows its own localized text for the code. */
  message: string;
}

/**
 * What a mapping still lacks for this kind of file, as groups of alternatives (any one of a group
 * will do): a company or customer number always (a catalogue: the SKU, and nothing else); the date for inquiries and orders; an amount or
 * unit price for orders. The engine refuses such a mapping; the wizard says so before asking it.
 */
export function missingFields(kind: ImportKind, mapping: ColumnMapping): ImportField[][] {
  const used = new Set(mapping.filter((f): f is ImportField => f !== null));
  if (kind === 'products') return used.has('sku') ? [] : [['sku']];
  const needs: ImportField[][] = [['company', 'customerNo']];
  if (kind === 'inquiries') needs.push(['receivedAt']);
  if (kind === 'orders') needs.push(['orderedAt'], ['amount', 'unitPrice']);
  return needs.filter((alternatives) => !alternatives.some((f) => used.has(f)));
}

import { ID_FIELDS, ID_PROBLEMS, IMPORT_FIELDS, IMPORT_KINDS, ROW_ERROR_CODES } from '../../domain/import';
import { z } from 'zod';
import { MAX_FILE_BASE64, channel, fileDownloadSchema } from '../channel';

const rowErrorSchema = z.object({ row: z.number().int(), column: z.string(), code: z.enum(ROW_ERROR_CODES), message: z.string() });

const mappingSchema = z.array(z.enum(IMPORT_FIELDS).nullable()).max(500);

/** imported + merged + duplicates + failed = rows: every row read is accounted for. */
const importCountsSchema = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  merged: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  customersCreated: z.number().int(),
  customersMerged: z.number().int(),
  contactsCreated: z.number().int(),
  inquiries: z.number().int(),
  orders: z.number().int(),
});

const importPlanInput = {
  fileId: z.string().min(1).max(100),
  kind: z.enum(IMPORT_KINDS),
  mapping: mappingSchema,
  disabledMerges: z.array(z.string().max(400)).max(100_000).default([]),
  /** Possible duplicates (by key) the user chose to merge. */
  acceptedMerges: z.array(z.string().max(900)).max(100_000).default([]),
};

/** What the import noticed about the file: mangled IDs and values kept as written. */
const importFindingsSchema = z.object({
  idIssues: z.array(
    z.object({
      field: z.enum(ID_FIELDS),
      column: z.string(),
      problem: z.enum(ID_PROBLEMS),
      rows: z.number().int(),
      recovered: z.number().int(),
      examples: z.array(z.string()),
    }),
  ),
  unrecognised: z.array(z.object({ field: z.enum(['country', 'currency']), column: z.string(), text: z.string(), rows: z.number().int() })),
  /** Order rows per recognised currency. */
  currencies: z.array(z.object({ currency: z.string(), rows: z.number().int() })).default([]),
});

const duplicateOfSchema = z.union([
  z.object({ kind: z.literal('row'), row: z.number().int() }),
  z.object({ kind: z.enum(['customer', 'contact', 'inquiry', 'order', 'product']), id: z.number().int(), label: z.string() }),
]);

const possibleDuplicateSchema = z.object({
  key: z.string(),
  groupKey: z.string(),
  company: z.string(),
  country: z.string(),
  rows: z.number().int(),
  other: z.union([
    z.object({ kind: z.literal('existing'), id: z.number().int(), company: z.string() }),
    z.object({ kind: z.literal('file'), groupKey: z.string(), company: z.string() }),
  ]),
});

/** The parts of an import report beyond the counts, the same in the preview and after the import. */
const importOutcomeSchema = {
  findings: importFindingsSchema,
  /** Pairs alike only by name, not merged (unless accepted). */
  possibleDuplicates: z.array(possibleDuplicateSchema),
  /** Rows that added nothing, with what they repeat (the first 500). */
  duplicateRows: z.array(z.object({ row: z.number().int(), of: duplicateOfSchema })),
};

export const importBatchSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  fileName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'committed', 'failed', 'undone']),
  counts: importCountsSchema.nullable(),
  durationMs: z.number().int(),
  failedRows: z.number().int(),
  undoneAt: z.string().nullable(),
});

const classificationSummarySchema = z.object({ runId: z.number().int(), moved: z.number().int(), durationMs: z.number().int() });

export const importChannels = {
  'import.analyze': channel(
    'read-job',
    z.strictObject({
      fileName: z.string().min(1).max(260),
      contentBase64: z.string().min(1).max(MAX_FILE_BASE64),
      sheet: z.string().max(100).optional(),
      /** The kind the user chose before the file (the catalogue's Import button): the mapping is made for it. */
      kind: z.enum(IMPORT_KINDS).optional(),
    }),
    z.object({
      fileId: z.string(),
      fileName: z.string(),
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string(),
      delimiter: z.string(),
      sheetNames: z.array(z.string()),
      sheet: z.string(),
      headerRow: z.number().int(),
      rowCount: z.number().int(),
      kind: z.enum(IMPORT_KINDS),
      confidence: z.number(),
      mapping: mappingSchema,
      remembered: z.boolean(),
      columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
    }),
  ),
  'import.preview': channel(
    'read-job',
    z.strictObject(importPlanInput),
    z.object({
      counts: importCountsSchema,
      invalidRows: z.number().int(),
      errors: z.array(rowErrorSchema),
      merges: z.array(
        z.object({
          key: z.string(),
          company: z.string(),
          country: z.string(),
          existingId: z.number().int(),
          existingCompany: z.string(),
          matchedBy: z.enum(['email', 'domain', 'name', 'customerNo']),
          rows: z.number().int(),
        }),
      ),
      sample: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()), errors: z.array(rowErrorSchema) })),
      ...importOutcomeSchema,
    }),
  ),
  'import.commit': channel(
    'job',
    z.strictObject({
      ...importPlanInput,
      onError: z.enum(['skip', 'abort']).default('skip'),
      rememberMapping: z.boolean().default(true),
      dryRun: z.boolean().default(false),
    }),
    importCountsSchema.extend({
      batchId: z.number().int().nullable(),
      kind: z.enum(IMPORT_KINDS),
      errors: z.array(rowErrorSchema),
      failedRows: z.number().int(),
      durationMs: z.number().int(),
      dryRun: z.boolean(),
      /** The reclassification run after the import (null for a dry run). */
      classification: classificationSummarySchema.nullable(),
      ...importOutcomeSchema,
      /** The existing customers rows were merged into (the first 500). */
      mergedInto: z.array(z.object({ customerId: z.number().int(), company: z.string(), rows: z.number().int() })),
      /** Customers nobody owned that the lead assignment rules gave an owner, by owner (null: the rules did not run). */
      assignment: z
        .object({ assigned: z.number().int(), byOwner: z.array(z.object({ owner: z.string(), count: z.number().int() })) })
        .nullable()
        .default(null),
    }),
  ),
  'import.history': channel('read', z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }), z.array(importBatchSchema)),
  'import.undo': channel(
    'job',
    z.strictObject({ batchId: z.number().int().positive() }),
    z.object({
      batchId: z.number().int(),
      customersRemoved: z.number().int(),
      customersRestored: z.number().int(),
      contactsRemoved: z.number().int(),
      inquiriesRemoved: z.number().int(),
      ordersRemoved: z.number().int(),
      /** A catalogue import: the products it created, removed; those it changed, put back. */
      productsRemoved: z.number().int().default(0),
      productsRestored: z.number().int().default(0),
      classification: classificationSummarySchema.nullable(),
    }),
  ),
  'import.failedRows': channel('read', z.strictObject({ batchId: z.number().int().positive() }), fileDownloadSchema),
} as const;

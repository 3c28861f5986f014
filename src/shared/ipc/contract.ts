import { z } from 'zod';
import { CUSTOMER_EXPORT_COLUMNS } from '../domain/export';
import { prefsPatchSchema, prefsSchema } from '../domain/prefs';
import { globalSearchInputSchema, globalSearchResultSchema } from '../domain/search';
import { ID_FIELDS, ID_PROBLEMS, IMPORT_FIELDS, IMPORT_KINDS, ROW_ERROR_CODES } from '../domain/import';
import {
  contactInputSchema,
  contactPatchSchema,
  contactSchema,
  countryCode,
  customerCreateSchema,
  customerDetailSchema,
  customerFilterSchema,
  customerPatchSchema,
  customerRowSchema,
  customerSortSchema,
  cursorSchema,
} from '../domain/customer';
import {
  boardCardSchema,
  boardColumnSchema,
  boardDimensionSchema,
  chartPointSchema,
  classificationRulesSchema,
  classificationRunSchema,
  currencySettingsSchema,
  savedViewSchema,
  savedViewStateSchema,
} from '../domain/classification';
import {
  COMPLAINT_STATUSES,
  complaintCreateSchema,
  complaintPatchSchema,
  complaintSchema,
  FOLLOW_UP_BUCKETS,
  FOLLOW_UP_TYPES,
  NEED_STATUSES,
  needCreateSchema,
  needPatchSchema,
  needSchema,
  TIMELINE_KINDS,
  timelineEntrySchema,
  cadenceRulesSchema,
  PLAN_REASONS,
  planProposalSchema,
  followUpCreateSchema,
  followUpPatchSchema,
  followUpSchema,
  SNOOZE_DAYS,
  timeZoneSchema,
} from '../domain/followups';
import {
  RECIPIENT_STATES,
  RESULT_DIMENSIONS,
  SURVEY_LANGUAGES,
  answersSchema,
  campaignCreateSchema,
  campaignSchema,
  recipientSchema,
  responseSchema,
  resultGroupSchema,
  scoreSummarySchema,
  surveyImportReportSchema,
  surveyRulesSchema,
  templateInputSchema,
  templateSchema,
} from '../domain/surveys';
import {
  backupFileNameSchema,
  backupInfoSchema,
  backupListSchema,
  restoreResultSchema,
  startupStatusSchema,
} from '../domain/safety';
import { moveDataInputSchema, moveDataResultSchema, workspaceStatusSchema } from '../domain/workspace';
import { captureSavedSchema, captureSaveSchema, captureStatsSchema, duplicateMatchSchema, duplicateQuerySchema } from '../domain/capture';

/**
 * The one IPC contract. Every channel is declared here once, with a runtime schema for its
 * input and output; main, preload, renderer, CLI and the browser bridge all derive from it.
 *
 * kind: 'read' runs on the engine's read connection; 'write' on the single write connection;
 * 'job' is a long write that reports progress and can be cancelled (jobs.cancel); 'read-job' is a
 * long read that does the same and changes nothing.
 */
export type ChannelKind = 'read' | 'write' | 'job' | 'read-job';

interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  kind: ChannelKind;
  input: I;
  output: O;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(kind: ChannelKind, input: I, output: O): ChannelDef<I, O> => ({
  kind,
  input,
  output,
});

const none = z.strictObject({});
const idInput = z.strictObject({ id: z.number().int().positive() });
const countMap = z.record(z.string(), z.number().int());

export const regionCountSchema = z.object({
  code: z.string(),
  name: z.object({ en: z.string(), zh: z.string() }),
  count: z.number().int(),
});

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
});
const duplicateOfSchema = z.union([
  z.object({ kind: z.literal('row'), row: z.number().int() }),
  z.object({ kind: z.enum(['customer', 'contact', 'inquiry', 'order']), id: z.number().int(), label: z.string() }),
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
/** A file travels as base64 (IPC and the browser bridge alike); 100 MB of file is ~134 MB of text. */
const MAX_FILE_BASE64 = 140_000_000;
/** A returned responses file for a campaign (surveys.checkResponses / importResponses). */
const responsesFileInput = z.strictObject({
  campaignId: z.number().int().positive(),
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().min(1).max(MAX_FILE_BASE64),
  sheet: z.string().max(100).optional(),
});
export const fileDownloadSchema = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string(), rows: z.number().int() });
export const exportFormatSchema = z.enum(['csv', 'xlsx']);
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

const duplicateSideSchema = z.object({ id: z.number().int(), company: z.string(), country: z.string(), emails: z.array(z.string()) });

const classificationSummarySchema = z.object({ runId: z.number().int(), moved: z.number().int(), durationMs: z.number().int() });

export const contract = {
  'app.info': channel(
    'read',
    none,
    z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      engine: z.enum(['worker', 'in-process']),
    }),
  ),
  /** Everyday preferences (language, owners, today's fair, backup schedule), kept in the database. */
  'prefs.get': channel('read', none, prefsSchema),
  'prefs.save': channel('write', prefsPatchSchema, prefsSchema),
  'customers.list': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      after: cursorSchema.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      withTotal: z.boolean().default(false),
    }),
    z.object({
      rows: z.array(customerRowSchema),
      nextCursor: cursorSchema.nullable(),
      total: z.number().int().nullable(),
    }),
  ),
  'customers.facets': channel(
    'read',
    z.strictObject({ archived: customerFilterSchema.shape.archived }),
    z.object({ countries: countMap, industries: countMap, owners: countMap }),
  ),
  'customers.get': channel('read', idInput, customerDetailSchema),
  /** Ctrl/Cmd+K: customers, contacts, inquiry IDs and order numbers matching what is typed, grouped. */
  'search.global': channel('read', globalSearchInputSchema, globalSearchResultSchema),
  'customers.create': channel('write', customerCreateSchema, customerDetailSchema),
  'customers.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: customerPatchSchema }),
    customerDetailSchema,
  ),
  'customers.archive': channel(
    'write',
    z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(100_000), archived: z.boolean() }),
    z.object({ changed: z.number().int() }),
  ),
  /** Every customer whose imported country text is `text` gets `country` (and later imports read the text so). */
  'customers.fixCountry': channel(
    'write',
    z.strictObject({ text: z.string().trim().min(1).max(100), country: countryCode.pipe(z.string().length(2, 'choose a country')) }),
    z.object({ changed: z.number().int() }),
  ),
  'customers.unrecognisedCountries': channel('read', none, z.array(z.object({ text: z.string(), customers: z.number().int() }))),
  'duplicates.list': channel(
    'read',
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({
      total: z.number().int(),
      pairs: z.array(
        z.object({
          id: z.number().int(),
          createdAt: z.string(),
          customer: duplicateSideSchema,
          other: duplicateSideSchema,
        }),
      ),
    }),
  ),
  /** Merge a possible duplicate (keep `customer` or `other`; the kept one keeps its name) or keep the two apart. */
  'duplicates.resolve': channel(
    'write',
    z.discriminatedUnion('action', [
      z.strictObject({ id: z.number().int().positive(), action: z.literal('merge'), keep: z.enum(['customer', 'other']).default('other') }),
      z.strictObject({ id: z.number().int().positive(), action: z.literal('distinct') }),
    ]),
    z.object({ id: z.number().int(), action: z.enum(['merge', 'distinct']), keptId: z.number().int().nullable() }),
  ),
  'contacts.add': channel(
    'write',
    z.strictObject({ customerId: z.number().int().positive(), contact: contactInputSchema }),
    contactSchema,
  ),
  'contacts.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), contact: contactPatchSchema }),
    contactSchema,
  ),
  'contacts.remove': channel('write', idInput, z.object({ removed: z.boolean() })),
  'stats.overview': channel(
    'read',
    none,
    z.object({
      customers: z.number().int(),
      archivedCustomers: z.number().int(),
      contacts: z.number().int(),
      inquiries: z.number().int(),
      orders: z.number().int(),
      byCountry: countMap,
      byRegion: z.array(regionCountSchema),
      byContinent: z.array(regionCountSchema),
      bySegment: countMap,
      byTier: countMap,
      byMatrix: countMap,
      byLifecycle: countMap,
      byChurn: countMap,
      lastRun: classificationRunSchema.nullable(),
    }),
  ),
  'db.check': channel(
    'read',
    z.strictObject({ full: z.boolean().default(false) }),
    z.object({
      ok: z.boolean(),
      problems: z.array(z.string()),
      foreignKeyViolations: z.number().int(),
      schemaVersion: z.number().int(),
      journalMode: z.string(),
      synchronous: z.string(),
      pageCount: z.number().int(),
      sizeBytes: z.number().int(),
    }),
  ),
  'sample.generate': channel(
    'job',
    z.strictObject({
      count: z.number().int().min(1).max(1_000_000),
      seed: z.number().int().default(1),
      batchSize: z.number().int().min(100).max(100_000).default(5_000),
      /** Average orders per customer (skewed: many never or once, a few often); 0 = none. */
      ordersPerCustomer: z.number().min(0).max(50).default(0),
      /** Average inquiries per customer; 0 = none. */
      inquiriesPerCustomer: z.number().min(0).max(20).default(0),
      /** Average follow-ups per customer (past ones done, the rest open around today); 0 = none. */
      followUpsPerCustomer: z.number().min(0).max(20).default(0),
    }),
    z.object({ created: z.number().int(), contacts: z.number().int(), orders: z.number().int(), inquiries: z.number().int(), followUps: z.number().int() }),
  ),
  'import.analyze': channel(
    'read-job',
    z.strictObject({
      fileName: z.string().min(1).max(260),
      contentBase64: z.string().min(1).max(MAX_FILE_BASE64),
      sheet: z.string().max(100).optional(),
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
    }),
  ),
  'imports.list': channel('read', z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }), z.array(importBatchSchema)),
  'imports.undo': channel(
    'job',
    z.strictObject({ batchId: z.number().int().positive() }),
    z.object({
      batchId: z.number().int(),
      customersRemoved: z.number().int(),
      customersRestored: z.number().int(),
      contactsRemoved: z.number().int(),
      inquiriesRemoved: z.number().int(),
      ordersRemoved: z.number().int(),
      classification: classificationSummarySchema.nullable(),
    }),
  ),
  'imports.failedRows': channel('read', z.strictObject({ batchId: z.number().int().positive() }), fileDownloadSchema),
  'export.customers': channel(
    'read',
    z.strictObject({
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      sort: customerSortSchema.default(customerSortSchema.parse({})),
      columns: z.array(z.enum(CUSTOMER_EXPORT_COLUMNS)).min(1).max(CUSTOMER_EXPORT_COLUMNS.length).optional(),
      format: exportFormatSchema.default('csv'),
      language: z.enum(['en', 'zh-CN']).default('en'),
    }),
    fileDownloadSchema,
  ),
  'export.inquiries': channel(
    'read',
    z.strictObject({ customerId: z.number().int().positive().optional(), format: exportFormatSchema.default('csv'), language: z.enum(['en', 'zh-CN']).default('en') }),
    fileDownloadSchema,
  ),
  'export.orders': channel(
    'read',
    z.strictObject({ customerId: z.number().int().positive().optional(), format: exportFormatSchema.default('csv'), language: z.enum(['en', 'zh-CN']).default('en') }),
    fileDownloadSchema,
  ),
  'classify.run': channel(
    'job',
    z.strictObject({ trigger: z.enum(['manual', 'rules']).default('manual') }),
    classificationRunSchema,
  ),
  'classify.runs': channel('read', z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }), z.array(classificationRunSchema)),
  'classify.rules': channel(
    'read',
    none,
    z.object({ version: z.number().int(), rules: classificationRulesSchema, defaults: classificationRulesSchema, savedAt: z.string().nullable() }),
  ),
  'classify.saveRules': channel(
    'write',
    z.strictObject({ rules: classificationRulesSchema, baseVersion: z.number().int().min(0) }),
    z.object({ version: z.number().int() }),
  ),
  'currency.get': channel(
    'read',
    none,
    currencySettingsSchema.extend({ inUse: z.array(z.object({ currency: z.string(), orders: z.number().int() })) }),
  ),
  'currency.save': channel('write', currencySettingsSchema, currencySettingsSchema),
  'boards.columns': channel(
    'read',
    z.strictObject({ dimension: boardDimensionSchema, filter: customerFilterSchema.default(customerFilterSchema.parse({})) }),
    z.object({
      dimension: boardDimensionSchema,
      manual: z.boolean(),
      currency: z.string(),
      columns: z.array(boardColumnSchema),
      classifiedAt: z.string().nullable(),
    }),
  ),
  'boards.cards': channel(
    'read',
    z.strictObject({
      dimension: boardDimensionSchema,
      key: z.string().max(200),
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      after: z.strictObject({ revenueMinor: z.number().int(), id: z.number().int() }).optional(),
      limit: z.number().int().min(1).max(500).default(30),
    }),
    z.object({
      cards: z.array(boardCardSchema),
      nextCursor: z.object({ revenueMinor: z.number().int(), id: z.number().int() }).nullable(),
    }),
  ),
  'boards.move': channel(
    'write',
    z.strictObject({
      customerId: z.number().int().positive(),
      version: z.number().int().positive(),
      dimension: boardDimensionSchema,
      from: z.string().max(200),
      to: z.string().max(200),
    }),
    z.object({ card: boardCardSchema, overrideCleared: z.boolean() }),
  ),
  'views.list': channel('read', z.strictObject({ kind: z.enum(['grid', 'board']).optional() }), z.array(savedViewSchema)),
  'views.save': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive().optional(),
      kind: z.enum(['grid', 'board']),
      name: z.string().trim().min(1).max(80),
      state: savedViewStateSchema,
    }),
    savedViewSchema,
  ),
  'views.delete': channel('write', idInput, z.object({ removed: z.boolean() })),
  'dashboard.overview': channel(
    'read',
    z.strictObject({ filter: customerFilterSchema.default(customerFilterSchema.parse({})), months: z.number().int().min(1).max(120).default(24) }),
    z.object({
      currency: z.string(),
      customers: z.number().int(),
      revenueMinor: z.number().int(),
      byContinent: z.array(chartPointSchema),
      byCountry: z.array(chartPointSchema),
      byIndustry: z.array(chartPointSchema),
      bySegment: z.array(chartPointSchema),
      byTier: z.array(chartPointSchema),
      byLifecycle: z.array(chartPointSchema),
      matrix: z.array(chartPointSchema),
      revenueByMonth: z.array(z.object({ month: z.string(), revenueMinor: z.number().int(), orders: z.number().int() })),
      atRisk: z.array(boardCardSchema.extend({ daysPastRhythm: z.number().int(), churn: z.string() })),
      classifiedAt: z.string().nullable(),
    }),
  ),
  'followups.create': channel('write', followUpCreateSchema, followUpSchema),
  'followups.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: followUpPatchSchema }),
    followUpSchema,
  ),
  'followups.snooze': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      days: z.union(SNOOZE_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<7>]),
      timeZone: timeZoneSchema,
    }),
    followUpSchema,
  ),
  'followups.complete': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      outcome: z.string().trim().min(1, 'an outcome is required').max(2000),
      timeZone: timeZoneSchema,
    }),
    z.object({
      followUp: followUpSchema,
      /** A proposed next follow-up (not saved): the caller plans it with followups.create if wanted. */
      next: z.object({ customerId: z.number().int(), type: z.enum(FOLLOW_UP_TYPES), owner: z.string(), dueAt: z.string(), inDays: z.number().int() }),
    }),
  ),
  'followups.cancel': channel('write', z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() }), followUpSchema),
  'followups.list': channel(
    'read',
    z.strictObject({
      bucket: z.enum(FOLLOW_UP_BUCKETS),
      timeZone: timeZoneSchema,
      owner: z.string().trim().max(120).optional(),
      customerId: z.number().int().positive().optional(),
      tiers: z.array(z.enum(['A', 'B', 'C', 'none'])).max(4).default([]),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ items: z.array(followUpSchema), more: z.boolean() }),
  ),
  'followups.counts': channel(
    'read',
    z.strictObject({ timeZone: timeZoneSchema, owner: z.string().trim().max(120).optional() }),
    z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  ),
  'followups.churnRisk': channel(
    'read',
    z.strictObject({ owner: z.string().trim().max(120).optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(
      z.object({
        customerId: z.number().int(),
        company: z.string(),
        country: z.string(),
        owner: z.string(),
        tier: z.string(),
        segment: z.string(),
        daysSinceOrder: z.number().int(),
        rhythmDays: z.number().int(),
        daysPastRhythm: z.number().int(),
        lastOrderAt: z.string().nullable(),
        revenueMinor: z.number().int(),
        nextFollowUpAt: z.string().nullable(),
      }),
    ),
  ),
  'followups.plan': channel(
    'read',
    z.strictObject({ timeZone: timeZoneSchema, limit: z.number().int().min(1).max(5000).default(200) }),
    z.object({ total: z.number().int(), byReason: z.record(z.enum(PLAN_REASONS), z.number().int()), proposals: z.array(planProposalSchema) }),
  ),
  'followups.applyPlan': channel(
    'write',
    z.strictObject({ timeZone: timeZoneSchema, reasons: z.array(z.enum(PLAN_REASONS)).max(3).default([]) }),
    z.object({ planned: z.number().int() }),
  ),
  'cadence.get': channel('read', none, cadenceRulesSchema),
  'cadence.save': channel('write', cadenceRulesSchema, cadenceRulesSchema),
  'timeline.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive(),
      kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).default([]),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.array(timelineEntrySchema),
  ),
  'needs.create': channel('write', needCreateSchema, needSchema),
  'needs.update': channel('write', z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: needPatchSchema }), needSchema),
  'needs.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive().optional(),
      statuses: z.array(z.enum(NEED_STATUSES)).max(5).default([]),
      category: z.string().trim().max(60).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(needSchema),
  ),
  'needs.summary': channel(
    'read',
    z.strictObject({ by: z.enum(['category', 'status']).default('category') }),
    z.array(z.object({ key: z.string(), count: z.number().int(), byContinent: countMap, byRegion: countMap, byIndustry: countMap })),
  ),
  'complaints.create': channel('write', complaintCreateSchema, complaintSchema),
  'complaints.update': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), patch: complaintPatchSchema }),
    complaintSchema,
  ),
  'complaints.list': channel(
    'read',
    z.strictObject({
      customerId: z.number().int().positive().optional(),
      statuses: z.array(z.enum(COMPLAINT_STATUSES)).max(4).default([]),
      overdueOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(complaintSchema),
  ),
  'surveys.templates': channel('read', none, z.array(templateSchema)),
  'surveys.saveTemplate': channel(
    'write',
    z.strictObject({ id: z.number().int().positive().optional(), version: z.number().int().positive().optional(), template: templateInputSchema }),
    templateSchema,
  ),
  'surveys.deleteTemplate': channel('write', idInput, z.object({ deleted: z.boolean() })),
  'surveys.campaigns': channel('read', none, z.array(campaignSchema)),
  'surveys.campaign': channel('read', idInput, campaignSchema),
  'surveys.createCampaign': channel('write', campaignCreateSchema, campaignSchema),
  'surveys.renameCampaign': channel(
    'write',
    z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), name: z.string().trim().min(1).max(120) }),
    campaignSchema,
  ),
  'surveys.recipients': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive(),
      states: z.array(z.enum(RECIPIENT_STATES)).max(4).default([]),
      search: z.string().max(200).default(''),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({ items: z.array(recipientSchema), total: z.number().int() }),
  ),
  'surveys.updateRecipients': channel(
    'write',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerIds: z.array(z.number().int().positive()).min(1).max(500_000),
      state: z.enum(['not_sent', 'sent', 'declined']).optional(),
      language: z.enum(SURVEY_LANGUAGES).optional(),
    }),
    z.object({ changed: z.number().int(), skippedAnswered: z.number().int() }),
  ),
  'surveys.recordResponse': channel(
    'write',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerId: z.number().int().positive(),
      answers: answersSchema,
      answeredAt: z.iso.datetime({ offset: true }).optional(),
      /** Replace an earlier response of this customer (else SURVEY_ALREADY_ANSWERED). */
      replace: z.boolean().default(false),
    }),
    responseSchema,
  ),
  'surveys.responses': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive().optional(),
      by: z.enum(RESULT_DIMENSIONS).optional(),
      key: z.string().max(200).optional(),
      customerId: z.number().int().positive().optional(),
      detractorsOnly: z.boolean().default(false),
      withText: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.array(responseSchema),
  ),
  'surveys.results': channel(
    'read',
    z.strictObject({ campaignId: z.number().int().positive().optional(), by: z.enum(RESULT_DIMENSIONS).default('overall') }),
    z.object({ campaignId: z.number().int().nullable(), by: z.enum(RESULT_DIMENSIONS), overall: scoreSummarySchema, groups: z.array(resultGroupSchema) }),
  ),
  'surveys.trend': channel(
    'read',
    z.strictObject({ by: z.enum(RESULT_DIMENSIONS).optional(), key: z.string().max(200).optional() }),
    z.array(scoreSummarySchema.extend({ campaignId: z.number().int(), name: z.string(), createdAt: z.string() })),
  ),
  'surveys.rules': channel('read', none, surveyRulesSchema),
  'surveys.saveRules': channel('write', surveyRulesSchema, surveyRulesSchema),
  'surveys.questionnaire': channel(
    'read',
    z.strictObject({
      campaignId: z.number().int().positive(),
      customerIds: z.array(z.number().int().positive()).min(1).max(1000),
      /** Override the recipients' own languages. */
      language: z.enum(SURVEY_LANGUAGES).optional(),
    }),
    fileDownloadSchema,
  ),
  'surveys.responsesSheet': channel(
    'read',
    z.strictObject({ campaignId: z.number().int().positive(), language: z.enum(SURVEY_LANGUAGES).default('en'), format: exportFormatSchema.default('xlsx') }),
    fileDownloadSchema,
  ),
  'surveys.checkResponses': channel('read', responsesFileInput, surveyImportReportSchema),
  'surveys.importResponses': channel(
    'write',
    responsesFileInput.extend({
      /** Import the good rows even when some rows have problems. */
      skipInvalid: z.boolean().default(false),
    }),
    surveyImportReportSchema,
  ),
  // Booth quick capture: duplicate hints while a lead is typed, and saving it (customer or contact,
  // fair tag, inquiry, card photo and a proposed follow-up) in one transaction.
  'capture.duplicates': channel('read', duplicateQuerySchema, z.array(duplicateMatchSchema)),
  'capture.save': channel('write', captureSaveSchema, captureSavedSchema),
  'capture.stats': channel('read', z.strictObject({ timeZone: timeZoneSchema }), captureStatsSchema),
  // Data safety: the start-up state (the recovery screen), backups and restoring. A restore keeps the
  // replaced database beside it; the page may restore only a file from the backup folder.
  'safety.status': channel('read', none, startupStatusSchema),
  'safety.restoreLatest': channel('write', none, restoreResultSchema),
  'safety.startEmpty': channel('write', none, restoreResultSchema),
  'backups.list': channel('read', none, backupListSchema),
  'backups.create': channel('write', none, backupInfoSchema),
  'backups.restore': channel('write', z.strictObject({ fileName: backupFileNameSchema }), restoreResultSchema),
  // Workspaces: the user's database and a generated sample kept apart from it (the engine always starts on
  // the user's), and the data folder. These switch the database: they wait for calls in flight and refuse
  // while a long job runs (BUSY).
  'workspace.status': channel('read', none, workspaceStatusSchema),
  'workspace.openSample': channel('job', none, workspaceStatusSchema),
  'workspace.openMain': channel('write', none, workspaceStatusSchema),
  'workspace.removeSample': channel('write', none, workspaceStatusSchema),
  'workspace.moveData': channel('job', moveDataInputSchema, moveDataResultSchema),
  'jobs.cancel': channel('write', z.strictObject({ jobId: z.string().min(1).max(100) }), z.object({ cancelled: z.boolean() })),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The one prefix under which channels are registered with Electron's ipcMain. */
export const IPC_PREFIX = 'exportdesk:';
export const IPC_EVENT_CHANNEL = 'exportdesk:event';

/** Events pushed from the engine to every window (job progress today; more later). */
export type EngineEvent =
  | { type: 'job.progress'; jobId: string; channel: Channel; done: number; total: number; phase: string }
  | { type: 'job.finished'; jobId: string; channel: Channel; ok: boolean }
  | { type: 'data.changed'; tables: string[] }
  /** From the app shell (not the engine): show this page, e.g. after a reminder was clicked. */
  | { type: 'app.navigate'; hash: string }
  /** From the app shell: a menu item or a global shortcut asks the page to run a command. */
  | { type: 'app.command'; command: AppCommand };

/** Commands the app menu and global shortcuts send to the page. */
export const APP_COMMANDS = ['quickCapture', 'globalSearch', 'printCustomer'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Options the caller may attach to any call; jobs use jobId to report progress and to be cancelled. */
export interface CallOptions {
  jobId?: string;
}

import { countriesInWorkingHours, countryMainZone, minutesToCall, NO_ZONE_MINUTES } from './buyer-zone';
import { sql, type Expression, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type {
  CustomerCreate,
  CustomerDetail,
  CustomerFilter,
  CustomerPatch,
  CustomerRow,
  CustomerSort,
  CustomerSortKey,
  Cursor,
} from '../../../shared/domain/customer';
import { AppError } from '../../../shared/errors';
import { EMPTY_CUSTOMER_FILTER } from '../../../shared/domain/customer-filter';
import type { CustomersTable, DB } from '../../db/schema';
import type { ReadDb, WriteTx } from '../../db/sql';
import { expectVersion } from '../../db/versioned-row';
import { companyKey, websiteDomain } from '../../import/company-key';
import { insertContact, toContact } from './contacts';
import { isoNow, type ServiceContext } from '../context';
import { assignUnowned } from '../assignment/assign';
import { continentOf, countriesOfAreas, regionOf } from '../../geo/regions';
import { refreshPotentialClasses } from '../../classify/classify';

/** The sort keys that are a column of customers (localTime is computed: sortExpression). */
type ColumnSortKey = Exclude<CustomerSortKey, 'localTime'>;

export const SORT_COLUMNS: Record<
  ColumnSortKey,
  'c.company' | 'c.country' | 'c.industry' | 'c.owner' | 'c.created_at' | 'c.updated_at' | 'c.revenue_minor' | 'c.last_order_at'
> = {
  company: 'c.company',
  country: 'c.country',
  industry: 'c.industry',
  owner: 'c.owner',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  revenue: 'c.revenue_minor',
  lastOrder: 'c.last_order_at',
};
const SORT_FIELDS: Record<ColumnSortKey, keyof CustomerRecord> = {
  company: 'company',
  country: 'country',
  industry: 'industry',
  owner: 'owner',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  revenue: 'revenue_minor',
  lastOrder: 'last_order_at',
};

/**
 * What a sort orders by: its column, or for localTime (the good time to call now) the minutes from
 * `nowMs` to the next good time to call in the customer's country (0: in working hours now; by the
 * country's main zone, working week and public holidays), customers without a country last.
 */
export function sortExpression(key: CustomerSortKey, nowMs: number): Expression<unknown> {
  if (key !== 'localTime') return sql.ref(SORT_COLUMNS[key]);
  const byMinutes = new Map<number, string[]>();
  for (const [code, minutes] of minutesToCall(nowMs)) {
    const codes = byMinutes.get(minutes);
    if (codes) codes.push(code);
    else byMinutes.set(minutes, [code]);
  }
  const whens = [...byMinutes].map(([minutes, codes]) => sql`WHEN c.country IN (${sql.join(codes)}) THEN ${sql.lit(minutes)}`);
  return sql<number>`(CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(NO_ZONE_MINUTES)} END)`;
}

/**
 * The keyset cursor of the good-time-to-call sort: the time its order was computed at and the
 * last row's minutes ("<ms>|<minutes>"), so every page of one grid reading orders by one "now".
 */
function callCursor(after: Cursor | undefined, fallbackMs: number): { nowMs: number; minutes: number | null } {
  if (!after) return { nowMs: fallbackMs, minutes: null };
  const m = typeof after.value === 'string' ? /^(\d{1,15})\|(\d{1,10})$/.exec(after.value) : null;
  if (!m) throw new AppError('INVALID_INPUT', 'a cursor of the good-time-to-call sort is "<ms>|<minutes>"');
  return { nowMs: Number(m[1]), minutes: Number(m[2]) };
}

const TAG_SEPARATOR = '\u001f';

/** The columns that say who a customer is, shown by the grid and written by an export. */
export const CUSTOMER_IDENTITY_COLUMNS = [
  'c.id',
  'c.company',
  'c.country',
  'c.city',
  'c.industry',
  'c.business_type',
  'c.scale',
  'c.source',
  'c.owner',
] as const;

/** The customer columns a grid row carries (besides ROW_CLASS_COLUMNS). */
const ROW_COLUMNS = [
  ...CUSTOMER_IDENTITY_COLUMNS,
  'c.country_text',
  'c.lifecycle_stage',
  'c.lifecycle_override',
  'c.priority',
  'c.created_at',
  'c.updated_at',
  'c.archived_at',
  'c.version',
] as const;

/**
 * The stored class columns a customer row carries. Not classify/stored-classes.ts's CLASS_COLUMNS
 * (what a run writes): a row also shows the potential set by hand and when it was classified, and
 * reads lifecycle_stage with the row's own columns.
 */
const ROW_CLASS_COLUMNS = [
  'c.recency_days',
  'c.frequency',
  'c.monetary_minor',
  'c.revenue_minor',
  'c.r_score',
  'c.f_score',
  'c.m_score',
  'c.rfm_segment',
  'c.value_tier',
  'c.potential_score',
  'c.potential_override',
  'c.value_matrix',
  'c.churn_status',
  'c.rhythm_days',
  'c.order_count',
  'c.last_order_at',
  'c.suggested_priority',
  'c.classified_at',
] as const;

type Unprefixed<C> = C extends `c.${infer K extends keyof CustomersTable}` ? K : never;
type ClassRecord = Pick<Selectable<CustomersTable>, 'country' | Unprefixed<(typeof ROW_CLASS_COLUMNS)[number]>>;
/** A customer as the grid reads it: its row and class columns, its first e-mail, its main contact, its next step and its tags. */
type CustomerRecord = Pick<Selectable<CustomersTable>, Unprefixed<(typeof ROW_COLUMNS | typeof ROW_CLASS_COLUMNS)[number]>> & {
  primary_email: string | null;
  mc_name: string | null;
  mc_phone: string | null;
  mc_mobile: string | null;
  mc_whatsapp: string | null;
  last_inquiry_at: string | null;
  next_follow_up_at: string | null;
  tags: string | null;
};

/** The customer's first e-mail (the primary contact's when set). */
export const primaryEmailSql = sql<string | null>`(SELECT email FROM contacts
  WHERE customer_id = c.id AND email <> '' ORDER BY is_primary DESC, id LIMIT 1)`;
/** The customer's main contact, as `mc`: the primary one, else the first (by contacts_customer). */
export const mainContactJoinSql = sql<boolean>`mc.id = (SELECT id FROM contacts
  WHERE customer_id = c.id ORDER BY is_primary DESC, id LIMIT 1)`;
/** When the customer's latest inquiry was received: the last entry of inquiries_customer (customer_id, received_at). */
export const lastInquirySql = sql<string | null>`(SELECT max(received_at) FROM inquiries WHERE customer_id = c.id)`;
/**
 * When the customer's earliest open follow-up is due: follow_ups_customer (customer_id, due_at) read in
 * due order up to the first open one. Named, because follow_ups_open_due (open ones by due time, every
 * customer) also gives that order and would walk every open follow-up of the book for each row.
 */
export const nextFollowUpSql = sql<string | null>`(SELECT due_at FROM follow_ups INDEXED BY follow_ups_customer
  WHERE customer_id = c.id AND status = 'open' ORDER BY due_at LIMIT 1)`;
/** The customer's tags, joined by `separator`. */
export const tagsSql = (separator: string) =>
  sql<string | null>`(SELECT group_concat(tag, ${separator}) FROM customer_tags WHERE customer_id = c.id)`;

type CustomerQuery = SelectQueryBuilder<DB & { c: CustomersTable }, 'c', object>;

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** A trigram FTS5 phrase: the whole fragment, quotes doubled; NUL (which ends FTS5's query text early) dropped. */
export function ftsPhrase(s: string): string {
  return `"${s.replaceAll('\u0000', '').replace(/"/g, '""')}"`;
}

/** Lifecycle and priority as boards, filters and exports show them: set by hand, else derived/suggested. */
export const effectiveLifecycleSql = sql<string>`coalesce(c.lifecycle_override, c.lifecycle_stage)`;
export const effectivePrioritySql = sql<string>`coalesce(c.priority, c.suggested_priority)`;

/** True when a search term is too short for the trigram index and needs a scan. */
export function isShortTerm(term: string): boolean {
  return term !== '' && [...term].length < 3;
}

/**
 * Customers whose name, contact names, e-mails or phones contain a 1–2 character fragment: one
 * scan of search_docs, run once per grid request and shared by its page and count queries.
 */
export function shortTermMatches(ctx: Pick<ServiceContext, 'read'>, term: string): number[] {
  // search_docs (the FTS index's documents, kept by triggers) is not in db/schema.ts: no builder table.
  const like = `%${escapeLike(term)}%`;
  return ctx.read
    .all(sql<{ customer_id: number }>`SELECT DISTINCT customer_id FROM search_docs WHERE text LIKE ${like} ESCAPE '\\'`)
    .map((r) => r.customer_id);
}

export function applyCustomerFilter(
  q: CustomerQuery,
  f: CustomerFilter,
  shortMatches?: readonly number[],
  nowMs: number = Date.now(),
): CustomerQuery {
  if (f.archived === 'active') q = q.where('c.archived_at', 'is', null);
  else if (f.archived === 'archived') q = q.where('c.archived_at', 'is not', null);
  const term = f.search.trim();
  if (term) {
    // Trigram FTS needs 3+ characters; shorter fragments (two Chinese characters) scan with LIKE.
    if ([...term].length >= 3) {
      q = q.where(
        sql<boolean>`c.id IN (SELECT d.customer_id FROM search_index JOIN search_docs d ON d.id = search_index.rowid
          WHERE search_index MATCH ${ftsPhrase(term)})`,
      );
    } else if (shortMatches) {
      q = q.where(sql<boolean>`c.id IN (SELECT value FROM json_each(${JSON.stringify(shortMatches)}))`);
    } else {
      const like = `%${escapeLike(term)}%`;
      q = q.where(sql<boolean>`c.id IN (SELECT customer_id FROM search_docs WHERE text LIKE ${like} ESCAPE '\\')`);
    }
  }
  if (f.countries.length) q = q.where('c.country', 'in', f.countries);
  if (f.countryUnrecognised) q = q.where('c.country', '=', '').where('c.country_text', '<>', '');
  // By the country's main zone (a customer's city is not consulted here: one list of countries per query).
  if (f.workingHoursNow) q = q.where('c.country', 'in', ['-', ...countriesInWorkingHours(nowMs)]);
  if (f.industries.length) q = q.where('c.industry', 'in', f.industries);
  if (f.owners.length) q = q.where('c.owner', 'in', f.owners);
  if (f.lifecycleStages.length) q = q.where(effectiveLifecycleSql, 'in', f.lifecycleStages);
  // Priority as the boards show it: the one set by hand, else the suggested one.
  if (f.priorities.length) q = q.where(effectivePrioritySql, 'in', f.priorities);
  const areaCountries = countriesOfAreas(f.continents, f.regions);
  if (areaCountries) q = q.where('c.country', 'in', areaCountries.length ? areaCountries : ['-']);
  if (f.businessTypes.length) q = q.where('c.business_type', 'in', f.businessTypes);
  if (f.scales.length) q = q.where('c.scale', 'in', f.scales);
  if (f.segments.length) q = q.where('c.rfm_segment', 'in', f.segments);
  if (f.tiers.length) q = q.where('c.value_tier', 'in', f.tiers);
  if (f.matrix.length) q = q.where('c.value_matrix', 'in', f.matrix);
  if (f.churn.length) q = q.where('c.churn_status', 'in', f.churn);
  if (f.tag) {
    const tag = f.tag;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('customer_tags as t').select('t.tag').whereRef('t.customer_id', '=', 'c.id').where('t.tag', '=', tag)),
    );
  }
  return q;
}

/** The active customers a filter selects, for grouped queries (boards, dashboard); short search fragments scan once. */
export function filteredCustomers(ctx: ServiceContext, filter: CustomerFilter): CustomerQuery {
  const term = filter.search.trim();
  return applyCustomerFilter(ctx.read.selectFrom('customers as c'), filter, isShortTerm(term) ? shortTermMatches(ctx, term) : undefined);
}

/**
 * A customer's row and class columns, its first e-mail, its main contact (joined as `mc`), its last
 * inquiry, its next follow-up and its tags: what the grid reads (toCustomerRow), and the export with it.
 * The lookups are correlated subqueries on the child tables' customer indexes, one row at a time: the
 * grid runs this for the ids of one block only (listCustomers), never for its whole filter. None of
 * them is a sort key: no index orders customers by them, so a sort would compute them for every row.
 */
export function selectRowColumns(q: CustomerQuery) {
  return q
    .leftJoin('contacts as mc', (join) => join.on(mainContactJoinSql))
    .select([...ROW_COLUMNS, ...ROW_CLASS_COLUMNS, primaryEmailSql.as('primary_email'), tagsSql(TAG_SEPARATOR).as('tags')])
    .select(['mc.name as mc_name', 'mc.phone as mc_phone', 'mc.mobile as mc_mobile', 'mc.whatsapp as mc_whatsapp'])
    .select([lastInquirySql.as('last_inquiry_at'), nextFollowUpSql.as('next_follow_up_at')]);
}

export function toCustomerRow(r: CustomerRecord): CustomerRow {
  return {
    id: r.id,
    company: r.company,
    country: r.country,
    countryText: r.country ? '' : r.country_text,
    city: r.city,
    localZone: countryMainZone(r.country),
    industry: r.industry,
    businessType: r.business_type,
    scale: r.scale,
    source: r.source,
    owner: r.owner,
    lifecycleStage: r.lifecycle_stage as CustomerRow['lifecycleStage'],
    lifecycleOverride: r.lifecycle_override as CustomerRow['lifecycleOverride'],
    priority: r.priority as CustomerRow['priority'],
    primaryEmail: r.primary_email ?? '',
    mainContact: { name: r.mc_name ?? '', phone: r.mc_phone || r.mc_mobile || '', whatsapp: r.mc_whatsapp ?? '' },
    lastInquiryAt: r.last_inquiry_at,
    nextFollowUpAt: r.next_follow_up_at,
    tags: r.tags ? r.tags.split(TAG_SEPARATOR).sort() : [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    version: r.version,
    classes: toClasses(r),
  };
}

type Classes = CustomerRow['classes'];

export function toClasses(r: ClassRecord): Classes {
  return {
    continent: continentOf(r.country).code,
    region: regionOf(r.country).code,
    segment: r.rfm_segment as Classes['segment'],
    recencyDays: r.recency_days,
    frequency: r.frequency,
    monetaryMinor: r.monetary_minor,
    revenueMinor: r.revenue_minor,
    rScore: r.r_score,
    fScore: r.f_score,
    mScore: r.m_score,
    tier: r.value_tier as Classes['tier'],
    potential: r.potential_override ?? r.potential_score,
    potentialOverridden: r.potential_override !== null,
    matrix: r.value_matrix as Classes['matrix'],
    churn: r.churn_status as Classes['churn'],
    rhythmDays: r.rhythm_days,
    orderCount: r.order_count,
    lastOrderAt: r.last_order_at || null,
    suggestedPriority: r.suggested_priority as Classes['suggestedPriority'],
    classifiedAt: r.classified_at,
  };
}

/** The filter's customers in grid order (the sort, then id), after a keyset cursor when given; select what is needed. */
export function keysetQuery(
  ctx: ServiceContext,
  filter: CustomerFilter,
  sort: CustomerSort,
  after: Cursor | undefined,
  shortMatches: readonly number[] | undefined,
): CustomerQuery {
  const call = sort.key === 'localTime' ? callCursor(after, ctx.now().getTime()) : null;
  const col = sortExpression(sort.key, call?.nowMs ?? 0);
  let q = applyCustomerFilter(ctx.read.selectFrom('customers as c'), filter, shortMatches);
  if (after) {
    const value = call ? call.minutes : after.value;
    q =
      sort.dir === 'asc'
        ? q.where(sql<boolean>`(${col}, c.id) > (${value}, ${after.id})`)
        : q.where(sql<boolean>`(${col}, c.id) < (${value}, ${after.id})`);
  }
  return q.orderBy(col, sort.dir).orderBy('c.id', sort.dir);
}

/** The cursor after a page's last row. */
function cursorAfter(ctx: ServiceContext, sort: CustomerSort, after: Cursor | undefined, last: CustomerRecord): Cursor {
  if (sort.key !== 'localTime') return { value: last[SORT_FIELDS[sort.key]] as string, id: last.id };
  const { nowMs } = callCursor(after, ctx.now().getTime());
  const minutes = (last.country ? minutesToCall(nowMs).get(last.country) : undefined) ?? NO_ZONE_MINUTES;
  return { value: `${nowMs}|${minutes}`, id: last.id };
}

/** One page of the grid: engine-side filter, sort and keyset (or offset, for a scrollbar jump) paging. */
export function listCustomers(ctx: ServiceContext, input: ChannelParsedInput<'customers.list'>): ChannelOutput<'customers.list'> {
  const { filter, sort, after, offset, limit, withTotal } = input;
  const term = filter.search.trim();
  const shortMatches = isShortTerm(term) && withTotal ? shortTermMatches(ctx, term) : undefined;
  // Two steps: the page's ids from the filter and sort alone (indexes, no row columns), then the
  // rows of those ids. Sorting a filtered set then computes e-mails and tags for one page only.
  let ids = keysetQuery(ctx, filter, sort, after, shortMatches)
    .select('c.id')
    .limit(limit + 1);
  if (!after && offset) ids = ids.offset(offset);
  const pageIds = ctx.read.all(ids).map((r) => r.id);
  const byId = new Map<number, CustomerRecord>(
    (pageIds.length
      ? ctx.read.all(
          selectRowColumns(
            ctx.read.selectFrom('customers as c').where(sql<boolean>`c.id IN (SELECT value FROM json_each(${JSON.stringify(pageIds)}))`),
          ),
        )
      : []
    ).map((r) => [r.id, r]),
  );
  const records = pageIds.map((id) => byId.get(id)).filter((r): r is CustomerRecord => r !== undefined);
  const hasMore = records.length > limit;
  if (hasMore) records.pop();
  const last = records[records.length - 1];
  const nextCursor = hasMore && last ? cursorAfter(ctx, sort, after, last) : null;
  let total: number | null = null;
  if (withTotal) {
    const countQuery = applyCustomerFilter(ctx.read.selectFrom('customers as c'), filter, shortMatches).select(
      sql<number>`count(*)`.as('n'),
    );
    total = ctx.read.first(countQuery)?.n ?? 0;
  }
  return { rows: records.map(toCustomerRow), nextCursor, total };
}

export function customerFacets(ctx: ServiceContext, input: ChannelParsedInput<'customers.facets'>): ChannelOutput<'customers.facets'> {
  const base = applyCustomerFilter(ctx.read.selectFrom('customers as c'), { ...emptyFilter, archived: input.archived });
  const group = (column: 'c.country' | 'c.industry' | 'c.owner'): Record<string, number> => {
    const rows = ctx.read.all(base.select([sql<string>`${sql.ref(column)}`.as('k'), sql<number>`count(*)`.as('n')]).groupBy(column));
    return Object.fromEntries(rows.filter((r) => r.k !== '').map((r) => [r.k, r.n]));
  };
  return { countries: group('c.country'), industries: group('c.industry'), owners: group('c.owner') };
}

export const emptyFilter: CustomerFilter = EMPTY_CUSTOMER_FILTER;

/** A customer with its contacts, read on the read connection or inside the transaction that wrote it. */
function loadDetail(db: ReadDb | WriteTx, id: number): CustomerDetail {
  const c = db.first(selectRowColumns(db.selectFrom('customers as c')).select(['c.website', 'c.notes']).where('c.id', '=', id));
  if (!c) throw new AppError('NOT_FOUND', `customer ${id} does not exist`, { id });
  const contacts = db.all(db.selectFrom('contacts').selectAll().where('customer_id', '=', id).orderBy('is_primary', 'desc').orderBy('id'));
  return { ...toCustomerRow(c), website: c.website, notes: c.notes, contacts: contacts.map(toContact) };
}

export function getCustomer(ctx: ServiceContext, id: number): CustomerDetail {
  return loadDetail(ctx.read, id);
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tags) {
    const k = t.trim().toLowerCase();
    if (k && !seen.has(k)) seen.set(k, t.trim());
  }
  return [...seen.values()];
}

function replaceTags(tx: WriteTx, customerId: number, tags: readonly string[]): void {
  tx.run(tx.deleteFrom('customer_tags').where('customer_id', '=', customerId));
  const unique = uniqueTags(tags);
  if (unique.length) tx.run(tx.insertInto('customer_tags').values(unique.map((tag) => ({ customer_id: customerId, tag }))));
}

export function createCustomer(ctx: ServiceContext, input: CustomerCreate): Promise<CustomerDetail> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const id = tx.run(
      tx.insertInto('customers').values({
        company: input.company,
        company_key: companyKey(input.company),
        country: input.country,
        city: input.city,
        website: input.website,
        website_domain: websiteDomain(input.website),
        industry: input.industry,
        business_type: input.businessType,
        scale: input.scale,
        source: input.source,
        owner: input.owner,
        lifecycle_override: input.lifecycleOverride,
        priority: input.priority,
        potential_override: input.potentialOverride,
        notes: input.notes,
        created_at: now,
        updated_at: now,
        archived_at: null,
        import_batch_id: null,
      }),
    ).lastInsertRowid;
    replaceTags(tx, id, input.tags);
    if (input.potentialOverride !== null) refreshPotentialClasses(tx, id);
    const hasPrimary = input.contacts.some((c) => c.isPrimary);
    for (const [i, contact] of input.contacts.entries()) {
      insertContact(tx, id, { ...contact, isPrimary: contact.isPrimary || (!hasPrimary && i === 0) }, now);
    }
    // Added without an owner: the lead assignment rules may give it one (same buyer, country, industry).
    if (!input.owner) assignUnowned(tx, [id], { source: 'create', now });
    return loadDetail(tx, id);
  });
}

export function updateCustomer(ctx: ServiceContext, id: number, version: number, patch: CustomerPatch): Promise<CustomerDetail> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    expectVersion(tx.first(tx.selectFrom('customers').select('version').where('id', '=', id)), 'customer', id, version);
    // Fields left out of the patch are undefined, which the builder leaves out of the SET.
    const values: Updateable<CustomersTable> = {
      updated_at: now,
      country: patch.country,
      city: patch.city,
      industry: patch.industry,
      business_type: patch.businessType,
      scale: patch.scale,
      source: patch.source,
      owner: patch.owner,
      lifecycle_override: patch.lifecycleOverride,
      priority: patch.priority,
      potential_override: patch.potentialOverride,
      notes: patch.notes,
    };
    if (patch.company !== undefined) {
      values.company = patch.company;
      values.company_key = companyKey(patch.company);
    }
    if (patch.website !== undefined) {
      values.website = patch.website;
      values.website_domain = websiteDomain(patch.website);
    }
    tx.run(
      tx
        .updateTable('customers')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('id', '=', id),
    );
    if (patch.tags !== undefined) replaceTags(tx, id, patch.tags);
    if (patch.potentialOverride !== undefined) refreshPotentialClasses(tx, id);
    return loadDetail(tx, id);
  });
}

export function archiveCustomers(ctx: ServiceContext, ids: readonly number[], archived: boolean): Promise<{ changed: number }> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    let changed = 0;
    // Chunks keep the statement under SQLite's variable limit.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      changed += tx.run(
        tx
          .updateTable('customers')
          .set({ archived_at: archived ? now : null, updated_at: now, version: sql<number>`version + 1` })
          .where('id', 'in', chunk)
          .where('archived_at', archived ? 'is' : 'is not', null),
      ).changes;
    }
    return { changed };
  });
}

import { sql, type InferResult } from 'kysely';
import {
  CONTACT_MATCH_FIELDS,
  type ContactHit,
  type CountryHit,
  type ContactMatchField,
  type CustomerHit,
  type GlobalSearchResult,
  type InquiryHit,
  type OrderHit,
} from '../../../shared/domain/search';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { queryTemplate, type ReadDb } from '../../db/sql';
import type { ServiceContext } from '../context';
import { escapeLike, ftsPhrase } from '../customers/customers';
import { countryName } from '../../../shared/text/country-names';
import { countryKey, resolveCountry } from '../../import/normalize/country';

/**
 * Global search (Ctrl/Cmd+K) over customers (company), contacts (name, e-mail, phones, messaging
 * IDs), inquiries (external ID) and orders (external number), as the user types.
 *
 * - 3+ characters: the trigram FTS index (search_index), one bounded query per document kind
 *   (customer docs are id*8, contact docs id*8+1).
 * - 1–2 characters are too short for a trigram query. Companies: a LIKE over the company index
 *   (narrower than the documents, and it stops at CANDIDATES). Contacts: the index's vocabulary
 *   lists the trigrams that start with the fragment; when there are few (a rare fragment, e.g. two
 *   Chinese characters) their OR finds the contacts, else the fragment is common and a LIKE scan of
 *   the contact documents stops early. A rare fragment never costs a scan of every document. (A
 *   contact whose text has the fragment only in its last two characters is missed; 3+ find it.)
 * - Company prefixes come first from the company index, so "Atl" shows Atlas… before …atlantic.
 * - Inquiry IDs and order numbers: a prefix range on their unique indexes (no FTS triggers on those
 *   tables, so imports stay fast), as typed and upper-cased.
 *
 * Hits are ranked exact > prefix > word start > anywhere, active customers before archived ones.
 */

/** How many matches are read for ranking, per kind; a bound on the work one keystroke does. */
const CANDIDATES = 200;
/** A 1–2 character fragment that starts more trigrams than this is common: scan instead. */
const MAX_TRIGRAMS = 48;
/** ID prefixes of one character would list arbitrary inquiries and orders. */
const MIN_ID_CHARS = 2;
/** Above every character, so `term || MAX_CHAR` bounds a prefix range. */
const MAX_CHAR = '\u{10FFFF}';

type Rank = 0 | 1 | 2 | 3 | 4;

/** Where `needle` (lower case) sits in `text`: 0 the whole text, 1 its start, 2 a word start, 3 inside, 4 not found. */
function matchRank(text: string, needle: string): Rank {
  const hay = text.toLowerCase();
  const i = hay.indexOf(needle);
  if (i < 0) return 4;
  if (i === 0) return hay.length === needle.length ? 0 : 1;
  return /[\p{L}\p{N}]/u.test(hay[i - 1] ?? '') && !/\p{Script=Han}/u.test(hay[i - 1] ?? '') ? 3 : 2;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A customer as a hit shows it (archived: 1 or 0). */
function customerColumns(read: Pick<ReadDb, 'selectFrom'>) {
  return read
    .selectFrom('customers as c')
    .select(['c.id', 'c.company', 'c.country', 'c.owner', 'c.value_tier', sql<number>`c.archived_at IS NOT NULL`.as('archived')]);
}
type CustomerRow = InferResult<ReturnType<typeof customerColumns>>[number];

const CUSTOMER_COLUMNS = sql`c.id, c.company, c.country, c.owner, c.value_tier, c.archived_at IS NOT NULL AS archived`;

/** Active companies that start with a prefix (from ≤ company < to): built and compiled once. */
const companiesByPrefix = queryTemplate((db, from: string, to: string, max: number) =>
  customerColumns(db)
    .where('c.archived_at', 'is', null)
    .where('c.company', '>=', from)
    .where('c.company', '<', to)
    .orderBy('c.company')
    .limit(max),
);

function searchCustomers(ctx: ServiceContext, term: string, needle: string, limit: number) {
  // Active companies that start with the term, from the company index (NOCASE: ASCII case ignored).
  const prefixed = companiesByPrefix(ctx.read, term, term + MAX_CHAR, limit + 1);
  let contained: CustomerRow[];
  if (isShort(term)) {
    // Too short for trigrams: a LIKE over the company index (INDEXED BY: on a NOCASE column SQLite
    // would otherwise try a range search), and over the few archived customers. The builder cannot
    // write INDEXED BY, so this one is SQL (CUSTOMER_COLUMNS: customerColumns' list).
    const like = `%${escapeLike(term)}%`;
    contained = ctx.read.all(
      sql<CustomerRow>`SELECT * FROM (SELECT ${CUSTOMER_COLUMNS} FROM customers c INDEXED BY customers_active_company
          WHERE c.archived_at IS NULL AND c.company LIKE ${like} ESCAPE '\\' LIMIT ${CANDIDATES})
        UNION ALL
        SELECT * FROM (SELECT ${CUSTOMER_COLUMNS} FROM customers c INDEXED BY customers_archived
          WHERE c.archived_at IS NOT NULL AND c.company LIKE ${like} ESCAPE '\\' LIMIT ${CANDIDATES})`,
    );
  } else {
    contained = ctx.read.all(
      customerColumns(ctx.read).where(
        sql<boolean>`c.id IN (
          SELECT rowid / 8 FROM search_index WHERE search_index MATCH ${ftsPhrase(term)} AND rowid % 8 = 0 LIMIT ${CANDIDATES})`,
      ),
    );
  }
  const seen = new Set<number>();
  const ranked: { hit: CustomerHit; rank: Rank }[] = [];
  for (const r of [...prefixed, ...contained]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    ranked.push({
      hit: { id: r.id, company: r.company, country: r.country, owner: r.owner, valueTier: r.value_tier, archived: r.archived === 1 },
      rank: matchRank(r.company, needle),
    });
  }
  ranked.sort(
    (a, b) =>
      Number(a.hit.archived) - Number(b.hit.archived) ||
      a.rank - b.rank ||
      byText(a.hit.company.toLowerCase(), b.hit.company.toLowerCase()) ||
      a.hit.id - b.hit.id,
  );
  return {
    items: ranked.slice(0, limit).map((r) => r.hit),
    more: ranked.length > limit || prefixed.length > limit || contained.length >= CANDIDATES,
  };
}

/** Contacts with their customer (the columns a contact hit shows). */
function contactColumns(db: Pick<ReadDb, 'selectFrom'>) {
  return db
    .selectFrom('contacts as ct')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select([
      'ct.id',
      'ct.customer_id',
      'c.company',
      sql<number>`c.archived_at IS NOT NULL`.as('archived'),
      'ct.name',
      'ct.email',
      'ct.phone',
      'ct.mobile',
      'ct.whatsapp',
      'ct.wechat',
      'ct.skype',
    ]);
}

/** Contacts whose index entry matches an FTS expression: built and compiled once. */
const contactsMatching = queryTemplate((db, match: string) =>
  contactColumns(db).where(
    sql<boolean>`ct.id IN (SELECT (rowid - 1) / 8 FROM search_index WHERE search_index MATCH ${match} AND rowid % 8 = 1 LIMIT ${CANDIDATES})`,
  ),
);

/** Contacts whose document contains a LIKE pattern (a common 1–2 character fragment): built and compiled once. */
const contactsContaining = queryTemplate((db, like: string) =>
  contactColumns(db).where(
    sql<boolean>`ct.id IN (SELECT (id - 1) / 8 FROM search_docs WHERE id % 8 = 1 AND text LIKE ${like} ESCAPE '\\' LIMIT ${CANDIDATES})`,
  ),
);

function searchContacts(ctx: ServiceContext, term: string, needle: string, limit: number) {
  const source = contactSource(ctx, term, needle);
  if (source === null) return { items: [], more: false };
  const found = 'scan' in source ? contactsContaining(ctx.read, `%${escapeLike(term)}%`) : contactsMatching(ctx.read, source.match);
  const ranked = found.map((r) => {
    let field: ContactMatchField = 'name';
    let rank: Rank = 4;
    for (const f of CONTACT_MATCH_FIELDS) {
      const k = matchRank(r[f], needle);
      if (k < rank) {
        rank = k;
        field = f;
      }
    }
    const hit: ContactHit = {
      id: r.id,
      customerId: r.customer_id,
      company: r.company,
      name: r.name,
      email: r.email,
      phone: r.phone || r.mobile || r.whatsapp,
      matchedField: field,
      matchedText: r[field],
      archived: r.archived === 1,
    };
    return { hit, rank, key: (r.name || r.email).toLowerCase() };
  });
  ranked.sort((a, b) => Number(a.hit.archived) - Number(b.hit.archived) || a.rank - b.rank || byText(a.key, b.key) || a.hit.id - b.hit.id);
  const more = ranked.length > limit || found.length >= CANDIDATES;
  return { items: ranked.slice(0, limit).map((r) => r.hit), more };
}

/** At most this many countries: a country hit is a way into the grid, not a list to scroll. */
const MAX_COUNTRIES = 5;

/** Every country's names as the UI writes them (English, Chinese) in matching form, built on first use. */
let countryNames: { code: string; keys: string[] }[] | null = null;
function countryNameKeys(): { code: string; keys: string[] }[] {
  if (!countryNames) {
    const codes = new Intl.DisplayNames(['en'], { type: 'region' });
    countryNames = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const en = codes.of(code);
        if (!en || en === code) continue;
        const keys = [...new Set([en, countryName(code, 'zh-CN'), countryName(code, 'zh-TW')].map(countryKey).filter(Boolean))];
        countryNames.push({ code, keys });
      }
    }
  }
  return countryNames;
}

/**
 * Countries named by the term ("南非", "South Af", "Deutschland", "USA"), with their active
 * customers; the palette opens the grid filtered to one. A name's start in English or Chinese
 * matches from 3 letters or 2 Chinese characters; any name the import reads matches whole.
 */
function searchCountries(ctx: ServiceContext, term: string, needle: string): { items: CountryHit[]; more: boolean } {
  const han = /\p{Script=Han}/u.test(term);
  const length = [...term].length;
  if (length < (han ? 2 : 3)) return { items: [], more: false };
  const key = countryKey(needle);
  const rank = new Map<string, number>();
  const whole = resolveCountry(term);
  if (whole) rank.set(whole, 0);
  if (key) {
    for (const { code, keys } of countryNameKeys()) {
      const r = keys.some((k) => k === key) ? 0 : keys.some((k) => k.startsWith(key)) ? 1 : -1;
      if (r >= 0 && !rank.has(code)) rank.set(code, r);
    }
  }
  if (rank.size === 0) return { items: [], more: false };
  const counts = ctx.read.all(
    ctx.read
      .selectFrom('customers')
      .select(['country', sql<number>`count(*)`.as('n')])
      .where('archived_at', 'is', null)
      .where('country', 'in', [...rank.keys()])
      .groupBy('country'),
  );
  const hits = counts
    .map((r) => ({ code: r.country, customers: r.n, rank: rank.get(r.country) ?? 1 }))
    .sort((a, b) => a.rank - b.rank || b.customers - a.customers || byText(a.code, b.code));
  return { items: hits.slice(0, MAX_COUNTRIES).map(({ code, customers }) => ({ code, customers })), more: hits.length > MAX_COUNTRIES };
}

/** The term as typed and upper-cased: IDs compare case-sensitively, and most are upper case. */
function idVariants(term: string): string[] {
  return [...new Set([term, term.toUpperCase()])];
}

/** Exact IDs first, then active customers' before archived ones, then in ID order. */
function rankIds<T extends { archived: boolean }>(hits: T[], idOf: (h: T) => string, variants: string[], limit: number) {
  const byId = new Map<string, T>();
  for (const h of hits) byId.set(idOf(h), h);
  const sorted = [...byId.values()].sort(
    (a, b) =>
      Number(!variants.includes(idOf(a))) - Number(!variants.includes(idOf(b))) ||
      Number(a.archived) - Number(b.archived) ||
      byText(idOf(a), idOf(b)),
  );
  return { items: sorted.slice(0, limit), more: sorted.length > limit };
}

/** Inquiries whose ID starts with a prefix (from ≤ ID < to), with their customer: built and compiled once. */
const inquiriesByIdPrefix = queryTemplate((db, from: string, to: string, max: number) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('inquiries')
        .select('id')
        .where('external_id', '>=', from)
        .where('external_id', '<', to)
        .orderBy('external_id')
        .limit(max)
        .as('m'),
    )
    .innerJoin('inquiries as i', 'i.id', 'm.id')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select([
      'i.id',
      'i.external_id',
      'i.customer_id',
      'c.company',
      'i.received_at',
      'i.subject',
      'i.product',
      sql<number>`c.archived_at IS NOT NULL`.as('archived'),
    ]),
);

function searchInquiries(ctx: ServiceContext, variants: string[], limit: number) {
  const hits: InquiryHit[] = [];
  for (const v of variants) {
    const found = inquiriesByIdPrefix(ctx.read, v, v + MAX_CHAR, limit + 1);
    for (const r of found) {
      // The range on external_id leaves out inquiries without one.
      hits.push({
        id: r.id,
        externalId: r.external_id ?? '',
        customerId: r.customer_id,
        company: r.company,
        receivedAt: r.received_at,
        subject: r.subject,
        product: r.product,
        archived: r.archived === 1,
      });
    }
  }
  return rankIds(hits, (h) => h.externalId, variants, limit);
}

/** Orders whose ID starts with a prefix (from ≤ ID < to), with their customer: built and compiled once. */
const ordersByNumberPrefix = queryTemplate((db, from: string, to: string, max: number) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('orders')
        .select('id')
        .where('external_no', '>=', from)
        .where('external_no', '<', to)
        .orderBy('external_no')
        .limit(max)
        .as('m'),
    )
    .innerJoin('orders as o', 'o.id', 'm.id')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select([
      'o.id',
      'o.external_no',
      'o.customer_id',
      'c.company',
      'o.ordered_at',
      'o.amount_minor',
      'o.currency',
      'o.product',
      sql<number>`c.archived_at IS NOT NULL`.as('archived'),
    ]),
);

function searchOrders(ctx: ServiceContext, variants: string[], limit: number) {
  const hits: OrderHit[] = [];
  for (const v of variants) {
    const found = ordersByNumberPrefix(ctx.read, v, v + MAX_CHAR, limit + 1);
    for (const r of found) {
      hits.push({
        id: r.id,
        externalNo: r.external_no ?? '',
        customerId: r.customer_id,
        company: r.company,
        orderedAt: r.ordered_at,
        amountMinor: r.amount_minor,
        currency: r.currency,
        product: r.product,
        archived: r.archived === 1,
      });
    }
  }
  return rankIds(hits, (h) => h.externalNo, variants, limit);
}

/** The indexed trigrams that start with a 1–2 character fragment (lower case, as the index folds it), up to `max + 1`. */
function trigramsStarting(ctx: ServiceContext, needle: string, max: number): string[] {
  ctx.read.tempTable(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'search_index', 'row')`);
  // temp.search_terms (fts5vocab) is not in db/schema.ts: no builder table.
  return ctx.read
    .all(sql<{ term: string }>`SELECT term FROM temp.search_terms WHERE term >= ${needle} AND term < ${needle + MAX_CHAR} LIMIT ${max + 1}`)
    .map((r) => r.term);
}

const isShort = (term: string) => [...term].length < 3;

/**
 * How contacts containing the term are found: an FTS match expression, or a LIKE scan of their
 * documents for a common 1–2 character fragment (null: no contact can match).
 */
function contactSource(ctx: ServiceContext, term: string, needle: string): { match: string } | { scan: true } | null {
  if (!isShort(term)) return { match: ftsPhrase(term) };
  const trigrams = trigramsStarting(ctx, needle, MAX_TRIGRAMS);
  if (trigrams.length > MAX_TRIGRAMS) return { scan: true };
  return trigrams.length ? { match: trigrams.map(ftsPhrase).join(' OR ') } : null;
}

export function globalSearch(ctx: ServiceContext, input: ChannelParsedInput<'search.global'>): GlobalSearchResult {
  // NUL ends SQLite's and FTS5's view of a string early; no stored text contains one.
  const term = input.query.replaceAll('\u0000', '').trim();
  const none = { items: [], more: false };
  if (!term) return { query: input.query, countries: none, customers: none, contacts: none, inquiries: none, orders: none };
  const { limit } = input;
  const needle = term.toLowerCase();
  const variants = [...term].length >= MIN_ID_CHARS ? idVariants(term) : [];
  return {
    query: input.query,
    countries: searchCountries(ctx, term, needle),
    customers: searchCustomers(ctx, term, needle, limit),
    contacts: searchContacts(ctx, term, needle, limit),
    inquiries: variants.length ? searchInquiries(ctx, variants, limit) : none,
    orders: variants.length ? searchOrders(ctx, variants, limit) : none,
  };
}

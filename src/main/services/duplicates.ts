/**
 * Possible duplicates: customers alike only by name (same name and country, the legal form
 * written otherwise, nothing else in common), which an import or quick capture kept apart. The
 * user merges a pair (everything of one moves to the other, which keeps its name) or keeps them
 * apart; unrecognised country texts are fixed for every customer at once.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { AppError } from '../../shared/errors';
import { countryKey } from '../import/normalize/country';
import type { SqliteDb } from '../db/connection';
import { isoNow, type ServiceContext } from './context';
import { readSetting, writeSetting } from './settings';

/** Settings key: country texts the user has told ExportDesk how to read (folded text → ISO code). */
export const COUNTRY_ALIASES_KEY = 'import.countryAliases';

export function readCountryAliases(sqlite: SqliteDb): Record<string, string> {
  return readSetting<Record<string, string>>(sqlite, COUNTRY_ALIASES_KEY) ?? {};
}

interface PairRow {
  id: number;
  created_at: string;
  a_id: number;
  a_company: string;
  a_country: string;
  a_country_text: string;
  a_emails: string | null;
  b_id: number;
  b_company: string;
  b_country: string;
  b_country_text: string;
  b_emails: string | null;
}

const side = (p: PairRow, s: 'a' | 'b') => ({
  id: p[`${s}_id`],
  company: p[`${s}_company`],
  country: p[`${s}_country`] || p[`${s}_country_text`],
  emails: p[`${s}_emails`] ? (p[`${s}_emails`] as string).split('\u001f') : [],
});

/** The open pairs, newest first: the customer an import added (a) and the one it resembles (b). */
export function listPossibleDuplicates(ctx: ServiceContext, input: ChannelParsedInput<'duplicates.list'>): ChannelOutput<'duplicates.list'> {
  const emails = (col: string) =>
    `(SELECT group_concat(email, char(31)) FROM (SELECT email FROM contacts WHERE customer_id = ${col} AND email <> '' ORDER BY id LIMIT 3))`;
  const rows = ctx.readSqlite
    .prepare(
      `SELECT d.id, d.created_at,
              a.id AS a_id, a.company AS a_company, a.country AS a_country, a.country_text AS a_country_text, ${emails('a.id')} AS a_emails,
              b.id AS b_id, b.company AS b_company, b.country AS b_country, b.country_text AS b_country_text, ${emails('b.id')} AS b_emails
       FROM possible_duplicates d JOIN customers a ON a.id = d.customer_id JOIN customers b ON b.id = d.other_id
       WHERE d.resolved_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
    )
    .all(input.limit) as PairRow[];
  const total = ctx.readSqlite.prepare(`SELECT count(*) FROM possible_duplicates WHERE resolved_at IS NULL`).pluck().get() as number;
  return { total, pairs: rows.map((p) => ({ id: p.id, createdAt: p.created_at, customer: side(p, 'a'), other: side(p, 'b') })) };
}

/** Customer columns a merge fills on the kept customer when they are empty there (never its name). */
const FILL = ['country', 'city', 'website', 'website_domain', 'industry', 'business_type', 'scale', 'source', 'owner', 'external_ref', 'buyer_level'] as const;
/** Tables whose rows belong to a customer and simply move. */
const MOVE = ['inquiries', 'orders', 'follow_ups', 'activities', 'needs', 'complaints', 'customer_files', 'leads'] as const;

/**
 * Merges customer `dropId` into `keepId` inside the caller's transaction: contacts (one per
 * e-mail address), tags, inquiries, orders, follow-ups, needs, complaints, survey answers, files
 * and history move to the kept customer, whose empty fields are filled and whose name stays;
 * then the merged one is removed. Refused, with nothing changed, when both answered one survey.
 */
export function mergeCustomers(sqlite: SqliteDb, keepId: number, dropId: number, now: string): { contactsMoved: number } {
  if (keepId === dropId) throw new AppError('INVALID_INPUT', 'a customer cannot be merged into itself', { keepId });
  const get = sqlite.prepare(`SELECT * FROM customers WHERE id = ?`);
  const keep = get.get(keepId) as Record<string, unknown> | undefined;
  const drop = get.get(dropId) as Record<string, unknown> | undefined;
  if (!keep || !drop) throw new AppError('NOT_FOUND', 'one of the two customers no longer exists', { keepId, dropId });
  const clash = sqlite
    .prepare(`SELECT count(*) FROM survey_responses a JOIN survey_responses b ON a.campaign_id = b.campaign_id WHERE a.customer_id = ? AND b.customer_id = ?`)
    .pluck()
    .get(keepId, dropId) as number;
  if (clash > 0) {
    throw new AppError('MERGE_SURVEY_CONFLICT', 'both customers answered the same survey; they cannot be merged without losing an answer', { keepId, dropId, campaigns: clash });
  }

  // Fields: fill what is empty on the kept customer; notes are kept side by side.
  const sets: Record<string, unknown> = {};
  for (const column of FILL) if (keep[column] === '' && drop[column] !== '') sets[column] = drop[column];
  if (sets.country) sets.country_text = '';
  else if (keep.country === '' && keep.country_text === '' && drop.country_text !== '') sets.country_text = drop.country_text;
  if (keep.priority === null && drop.priority !== null) sets.priority = drop.priority;
  if (drop.notes) sets.notes = keep.notes ? `${String(keep.notes)}\n\n— ${String(drop.company)} —\n${String(drop.notes)}` : drop.notes;
  const columns = Object.keys(sets);
  sqlite
    .prepare(`UPDATE customers SET ${[...columns.map((c) => `${c} = @${c}`), 'updated_at = @now', 'version = version + 1'].join(', ')} WHERE id = @id`)
    .run({ ...sets, now, id: keepId });

  // Contacts: one per e-mail address; a contact the kept customer already has takes over the references.
  const keptByEmail = new Map<string, number>();
  for (const c of sqlite.prepare(`SELECT id, email FROM contacts WHERE customer_id = ? AND email <> ''`).all(keepId) as { id: number; email: string }[]) {
    keptByEmail.set(c.email, c.id);
  }
  let contactsMoved = 0;
  for (const c of sqlite.prepare(`SELECT id, email FROM contacts WHERE customer_id = ?`).all(dropId) as { id: number; email: string }[]) {
    const same = c.email ? keptByEmail.get(c.email) : undefined;
    if (same !== undefined) {
      for (const table of ['inquiries', 'follow_ups', 'leads']) sqlite.prepare(`UPDATE ${table} SET contact_id = ? WHERE contact_id = ?`).run(same, c.id);
      sqlite.prepare(`DELETE FROM contacts WHERE id = ?`).run(c.id);
    } else {
      sqlite.prepare(`UPDATE contacts SET customer_id = ?, is_primary = 0, updated_at = ? WHERE id = ?`).run(keepId, now, c.id);
      contactsMoved++;
    }
  }
  sqlite.prepare(`INSERT OR IGNORE INTO customer_tags (customer_id, tag) SELECT ?, tag FROM customer_tags WHERE customer_id = ?`).run(keepId, dropId);
  for (const table of MOVE) sqlite.prepare(`UPDATE ${table} SET customer_id = ? WHERE customer_id = ?`).run(keepId, dropId);
  // Surveys: answers move (no clash, checked above); an invitation the kept customer also had goes.
  sqlite.prepare(`UPDATE survey_responses SET customer_id = ? WHERE customer_id = ?`).run(keepId, dropId);
  sqlite.prepare(`UPDATE OR IGNORE survey_recipients SET customer_id = ? WHERE customer_id = ?`).run(keepId, dropId);
  // Other possible-duplicate pairs of the merged customer now concern the kept one.
  sqlite.prepare(`UPDATE OR IGNORE possible_duplicates SET customer_id = ? WHERE customer_id = ? AND other_id <> ?`).run(keepId, dropId, keepId);
  sqlite.prepare(`UPDATE OR IGNORE possible_duplicates SET other_id = ? WHERE other_id = ? AND customer_id <> ?`).run(keepId, dropId, keepId);
  sqlite
    .prepare(`INSERT INTO activities (customer_id, kind, occurred_at, summary, data, created_at) VALUES (?, 'customer_merged', ?, ?, ?, ?)`)
    .run(keepId, now, String(drop.company), JSON.stringify({ mergedId: dropId, company: drop.company }), now);
  sqlite.prepare(`DELETE FROM customers WHERE id = ?`).run(dropId);
  return { contactsMoved };
}

/** Merges a pair (the imported customer into the one it resembles) or keeps the two apart for good. */
export async function resolvePossibleDuplicate(
  ctx: ServiceContext,
  input: ChannelParsedInput<'duplicates.resolve'>,
): Promise<ChannelOutput<'duplicates.resolve'>> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const pair = ctx.sqlite.prepare(`SELECT customer_id, other_id, resolved_at FROM possible_duplicates WHERE id = ?`).get(input.id) as
      | { customer_id: number; other_id: number; resolved_at: string | null }
      | undefined;
    if (!pair) throw new AppError('NOT_FOUND', `possible duplicate ${input.id} does not exist`, { id: input.id });
    if (pair.resolved_at !== null) throw new AppError('CONFLICT', 'this pair was already decided', { id: input.id });
    if (input.action === 'distinct') {
      ctx.sqlite.prepare(`UPDATE possible_duplicates SET resolved_at = ?, resolution = 'distinct' WHERE id = ?`).run(now, input.id);
      return { id: input.id, action: 'distinct', keptId: null };
    }
    const keepId = input.keep === 'customer' ? pair.customer_id : pair.other_id;
    const dropId = keepId === pair.customer_id ? pair.other_id : pair.customer_id;
    // Recorded before the merged customer goes (its pairs cascade away with it).
    ctx.sqlite.prepare(`UPDATE possible_duplicates SET resolved_at = ?, resolution = 'merged' WHERE id = ?`).run(now, input.id);
    mergeCustomers(ctx.sqlite, keepId, dropId, now);
    return { id: input.id, action: 'merge', keptId: keepId };
  });
}

/**
 * Gives every customer whose imported country text was not recognised a country, at once, and
 * remembers the reading for later imports.
 */
export async function fixUnrecognisedCountry(ctx: ServiceContext, input: ChannelParsedInput<'customers.fixCountry'>): Promise<ChannelOutput<'customers.fixCountry'>> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async () => {
    const changed = ctx.sqlite
      .prepare(`UPDATE customers SET country = ?, country_text = '', updated_at = ?, version = version + 1 WHERE country = '' AND country_text = ?`)
      .run(input.country, now, input.text).changes;
    const key = countryKey(input.text);
    if (key) writeSetting(ctx.sqlite, COUNTRY_ALIASES_KEY, { ...readCountryAliases(ctx.sqlite), [key]: input.country }, now);
    return { changed };
  });
}

/** The unrecognised country texts in the book, most customers first (what the fix dialog offers). */
export function unrecognisedCountries(ctx: ServiceContext): ChannelOutput<'customers.unrecognisedCountries'> {
  return ctx.readSqlite
    .prepare(
      `SELECT country_text AS text, count(*) AS customers FROM customers WHERE country = '' AND country_text <> '' AND archived_at IS NULL
       GROUP BY country_text ORDER BY customers DESC, text LIMIT 200`,
    )
    .all() as ChannelOutput<'customers.unrecognisedCountries'>;
}

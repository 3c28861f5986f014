/**
 * Possible duplicates: customers alike only by name (same name and country, the legal form
 * written otherwise, nothing else in common), which an import or quick capture kept apart. The
 * user merges a pair (everything of one moves to the other, which keeps its name) or keeps them
 * apart; unrecognised country texts are fixed for every customer at once.
 */
import { sql, type Updateable } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import type { CustomersTable } from '../../db/schema';
import type { WriteTx } from '../../db/sql';
import { countryKey } from '../../import/normalize/country';
import { isoNow, type ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';

/** Settings key: country texts the user has told ExportDesk how to read (folded text → ISO code). */
export const COUNTRY_ALIASES_KEY = 'import.countryAliases';

export function readCountryAliases(reader: Parameters<typeof readSetting>[0]): Record<string, string> {
  return readSetting<Record<string, string>>(reader, COUNTRY_ALIASES_KEY) ?? {};
}

/** Up to three e-mail addresses of a pair's customer, joined by \u001f. */
const emailsOf = (id: 'a.id' | 'b.id') => sql<string | null>`(SELECT group_concat(email, char(31))
  FROM (SELECT email FROM contacts WHERE customer_id = ${sql.ref(id)} AND email <> '' ORDER BY id LIMIT 3))`;

/** The open pairs, newest first: the customer an import added (a) and the one it resembles (b). */
export function listPossibleDuplicates(
  ctx: ServiceContext,
  input: ChannelParsedInput<'duplicates.list'>,
): ChannelOutput<'duplicates.list'> {
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('possible_duplicates as d')
      .innerJoin('customers as a', 'a.id', 'd.customer_id')
      .innerJoin('customers as b', 'b.id', 'd.other_id')
      .select([
        'd.id',
        'd.created_at',
        'a.id as a_id',
        'a.company as a_company',
        'a.country as a_country',
        'a.country_text as a_country_text',
        emailsOf('a.id').as('a_emails'),
        'b.id as b_id',
        'b.company as b_company',
        'b.country as b_country',
        'b.country_text as b_country_text',
        emailsOf('b.id').as('b_emails'),
      ])
      .where('d.resolved_at', 'is', null)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(input.limit),
  );
  const side = (p: (typeof rows)[number], s: 'a' | 'b') => {
    const emails = p[`${s}_emails`];
    return {
      id: p[`${s}_id`],
      company: p[`${s}_company`],
      country: p[`${s}_country`] || p[`${s}_country_text`],
      emails: emails ? emails.split('\u001f') : [],
    };
  };
  const total =
    ctx.read.first(
      ctx.read
        .selectFrom('possible_duplicates')
        .select(sql<number>`count(*)`.as('n'))
        .where('resolved_at', 'is', null),
    )?.n ?? 0;
  return { total, pairs: rows.map((p) => ({ id: p.id, createdAt: p.created_at, customer: side(p, 'a'), other: side(p, 'b') })) };
}

/** Customer columns a merge fills on the kept customer when they are empty there (never its name). */
const FILL = [
  'country',
  'city',
  'website',
  'website_domain',
  'industry',
  'business_type',
  'scale',
  'source',
  'owner',
  'external_ref',
  'buyer_level',
] as const;
/** Tables whose rows belong to a customer and simply move. */
const MOVE = ['inquiries', 'orders', 'follow_ups', 'activities', 'needs', 'complaints', 'customer_files', 'leads'] as const;
/** Tables whose rows may name a contact. */
const CONTACT_REFS = ['inquiries', 'follow_ups', 'leads'] as const;

/**
 * Merges customer `dropId` into `keepId` inside the caller's transaction: contacts (one per
 * e-mail address), tags, inquiries, orders, follow-ups, needs, complaints, survey answers, files
 * and history move to the kept customer, whose empty fields are filled and whose name stays;
 * then the merged one is removed. Refused, with nothing changed, when both answered one survey.
 */
export function mergeCustomers(tx: WriteTx, keepId: number, dropId: number, now: string): { contactsMoved: number } {
  if (keepId === dropId) throw new AppError('INVALID_INPUT', 'a customer cannot be merged into itself', { keepId });
  const get = (id: number) => tx.first(tx.selectFrom('customers').selectAll().where('id', '=', id));
  const keep = get(keepId);
  const drop = get(dropId);
  if (!keep || !drop) throw new AppError('NOT_FOUND', 'one of the two customers no longer exists', { keepId, dropId });
  const clash =
    tx.first(
      tx
        .selectFrom('survey_responses as a')
        .innerJoin('survey_responses as b', 'a.campaign_id', 'b.campaign_id')
        .select(sql<number>`count(*)`.as('n'))
        .where('a.customer_id', '=', keepId)
        .where('b.customer_id', '=', dropId),
    )?.n ?? 0;
  if (clash > 0) {
    throw new AppError('MERGE_SURVEY_CONFLICT', 'both customers answered the same survey; they cannot be merged without losing an answer', {
      keepId,
      dropId,
      campaigns: clash,
    });
  }

  // Fields: fill what is empty on the kept customer; notes are kept side by side.
  const sets: Updateable<CustomersTable> = {};
  for (const column of FILL) if (keep[column] === '' && drop[column] !== '') sets[column] = drop[column];
  if (sets.country) sets.country_text = '';
  else if (keep.country === '' && keep.country_text === '' && drop.country_text !== '') sets.country_text = drop.country_text;
  if (keep.priority === null && drop.priority !== null) sets.priority = drop.priority;
  if (drop.notes) sets.notes = keep.notes ? `${keep.notes}\n\n— ${drop.company} —\n${drop.notes}` : drop.notes;
  tx.run(
    tx
      .updateTable('customers')
      .set({ ...sets, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', keepId),
  );

  // Contacts: one per e-mail address; a contact the kept customer already has takes over the references.
  const keptByEmail = new Map<string, number>();
  for (const c of tx.all(
    tx.selectFrom('contacts').select(['id', 'email']).where('customer_id', '=', keepId).where('email', '<>', sql.lit('')),
  )) {
    keptByEmail.set(c.email, c.id);
  }
  let contactsMoved = 0;
  for (const c of tx.all(tx.selectFrom('contacts').select(['id', 'email']).where('customer_id', '=', dropId))) {
    const same = c.email ? keptByEmail.get(c.email) : undefined;
    if (same !== undefined) {
      for (const table of CONTACT_REFS) tx.run(tx.updateTable(table).set({ contact_id: same }).where('contact_id', '=', c.id));
      tx.run(tx.deleteFrom('contacts').where('id', '=', c.id));
    } else {
      tx.run(tx.updateTable('contacts').set({ customer_id: keepId, is_primary: 0, updated_at: now }).where('id', '=', c.id));
      contactsMoved++;
    }
  }
  tx.run(
    tx
      .insertInto('customer_tags')
      .orIgnore()
      .columns(['customer_id', 'tag'])
      .expression((eb) =>
        eb
          .selectFrom('customer_tags')
          .select([eb.val(keepId).as('customer_id'), 'tag'])
          .where('customer_id', '=', dropId),
      ),
  );
  for (const table of MOVE) tx.run(tx.updateTable(table).set({ customer_id: keepId }).where('customer_id', '=', dropId));
  // Surveys: answers move (no clash, checked above); an invitation the kept customer also had goes.
  tx.run(tx.updateTable('survey_responses').set({ customer_id: keepId }).where('customer_id', '=', dropId));
  // UPDATE OR IGNORE (a row that would repeat a unique key stays, and goes with the merged customer): not in the builder.
  tx.run(sql`UPDATE OR IGNORE survey_recipients SET customer_id = ${keepId} WHERE customer_id = ${dropId}`);
  // Other possible-duplicate pairs of the merged customer now concern the kept one.
  tx.run(sql`UPDATE OR IGNORE possible_duplicates SET customer_id = ${keepId} WHERE customer_id = ${dropId} AND other_id <> ${keepId}`);
  tx.run(sql`UPDATE OR IGNORE possible_duplicates SET other_id = ${keepId} WHERE other_id = ${dropId} AND customer_id <> ${keepId}`);
  tx.run(
    tx.insertInto('activities').values({
      customer_id: keepId,
      kind: 'customer_merged',
      occurred_at: now,
      summary: drop.company,
      data: JSON.stringify({ mergedId: dropId, company: drop.company }),
      created_at: now,
    }),
  );
  tx.run(tx.deleteFrom('customers').where('id', '=', dropId));
  return { contactsMoved };
}

/** Merges a pair (the imported customer into the one it resembles) or keeps the two apart for good. */
export function resolvePossibleDuplicate(
  ctx: ServiceContext,
  input: ChannelParsedInput<'duplicates.resolve'>,
): Promise<ChannelOutput<'duplicates.resolve'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx): ChannelOutput<'duplicates.resolve'> => {
    const pair = tx.first(
      tx.selectFrom('possible_duplicates').select(['customer_id', 'other_id', 'resolved_at']).where('id', '=', input.id),
    );
    if (!pair) throw new AppError('NOT_FOUND', `possible duplicate ${input.id} does not exist`, { id: input.id });
    if (pair.resolved_at !== null) throw new AppError('CONFLICT', 'this pair was already decided', { id: input.id });
    if (input.action === 'distinct') {
      tx.run(tx.updateTable('possible_duplicates').set({ resolved_at: now, resolution: 'distinct' }).where('id', '=', input.id));
      return { id: input.id, action: 'distinct', keptId: null };
    }
    const keepId = input.keep === 'customer' ? pair.customer_id : pair.other_id;
    const dropId = keepId === pair.customer_id ? pair.other_id : pair.customer_id;
    // Recorded before the merged customer goes (its pairs cascade away with it).
    tx.run(tx.updateTable('possible_duplicates').set({ resolved_at: now, resolution: 'merged' }).where('id', '=', input.id));
    mergeCustomers(tx, keepId, dropId, now);
    return { id: input.id, action: 'merge', keptId: keepId };
  });
}

/**
 * Gives every customer whose imported country text was not recognised a country, at once, and
 * remembers the reading for later imports.
 */
export function fixUnrecognisedCountry(
  ctx: ServiceContext,
  input: ChannelParsedInput<'customers.fixCountry'>,
): Promise<ChannelOutput<'customers.fixCountry'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const changed = tx.run(
      tx
        .updateTable('customers')
        .set({ country: input.country, country_text: '', updated_at: now, version: sql<number>`version + 1` })
        .where('country', '=', sql.lit(''))
        .where('country_text', '=', input.text),
    ).changes;
    const key = countryKey(input.text);
    if (key) writeSetting(tx, COUNTRY_ALIASES_KEY, { ...readCountryAliases(tx), [key]: input.country }, now);
    return { changed };
  });
}

/** The unrecognised country texts in the book, most customers first (what the fix dialog offers). */
export function unrecognisedCountries(ctx: ServiceContext): ChannelOutput<'customers.unrecognisedCountries'> {
  return ctx.read.all(
    ctx.read
      .selectFrom('customers')
      .select(['country_text as text', sql<number>`count(*)`.as('customers')])
      .where('country', '=', sql.lit(''))
      .where('country_text', '<>', sql.lit(''))
      .where('archived_at', 'is', null)
      .groupBy('country_text')
      .orderBy('customers', 'desc')
      .orderBy('text')
      .limit(200),
  );
}

/**
 * Booth quick capture: duplicate hints while a lead is typed (the import's matching rules, answered
 * from indexes so each keystroke costs a few milliseconds at 100k customers), and saving a lead in
 * one transaction: a new customer (or a contact on an existing one), the fair tag, an inquiry with
 * the product interest, the business-card photo and a proposed follow-up.
 */
import type { Statement } from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import {
  DUPLICATE_REASONS,
  FAIR_TAG_MAX,
  FOLLOW_UP_DAYS_BY_RATING,
  MAX_CARD_BYTES,
  type CardMimeType,
  type DuplicateMatch,
  type DuplicateReason,
  type LeadRating,
} from '../../shared/domain/capture';
import type { Priority } from '../../shared/domain/customer-enums';
import { contactInputSchema } from '../../shared/domain/customer';
import { AppError } from '../../shared/errors';
import { addLocalDays, instantOf, startOfLocalDay, wallTime } from '../../shared/time/zoned';
import type { SqliteDb } from '../db/connection';
import { companyIdentity, companyKey } from '../import/company-key';
import { addNameEvidence, customerEvidence, emptyEvidence, nameVerdict } from '../import/group-customers';
import { emailDomain, isFreeMailDomain, normaliseEmail, normalisePhone, phoneKey } from '../import/normalize/text';
import { insertContact } from './contacts';
import { load as loadFollowUp } from './followups';
import type { ServiceContext } from './context';

/** Source of a lead captured without a fair name (the import's default for badge-scanner files). */
export const DEFAULT_LEAD_SOURCE = 'Trade fair';
const PRIORITY_OF_RATING: Record<LeadRating, Priority> = { hot: 'high', warm: 'medium', cold: 'low' };
/** Typed company keys shorter than this match only exactly (a few letters would match half the book). */
const MIN_PREFIX_KEY = 4;


// ---- duplicates --------------------------------------------------------------------------------

interface Candidate {
  id: number;
  company: string;
  company_key: string;
  country: string;
  owner: string;
  website_domain: string;
  archived_at: string | null;
}

const CANDIDATE_COLUMNS = 'c.id, c.company, c.company_key, c.country, c.owner, c.website_domain, c.archived_at';

/** The read statements of the duplicate check, prepared once per connection. */
function readStatements(sqlite: SqliteDb) {
  let st = cache.get(sqlite);
  if (!st) {
    const p = (sql: string) => sqlite.prepare(sql);
    st = {
      byEmail: p(`SELECT DISTINCT customer_id FROM contacts WHERE email = ? AND email <> '' LIMIT 20`).pluck(),
      byPhone: p(
        `SELECT customer_id FROM contacts WHERE phone_key = @key AND phone <> ''
         UNION SELECT customer_id FROM contacts WHERE mobile_key = @key AND mobile <> '' LIMIT 20`,
      ).pluck(),
      byDomain: p(
        `SELECT id FROM customers WHERE website_domain = @domain AND website_domain <> ''
         UNION SELECT customer_id FROM contacts WHERE email_domain = @domain AND email <> '' LIMIT 20`,
      ).pluck(),
      byKey: p(`SELECT ${CANDIDATE_COLUMNS} FROM customers c WHERE c.company_key = ? LIMIT 50`),
      byKeyPrefix: p(`SELECT ${CANDIDATE_COLUMNS} FROM customers c WHERE c.company_key > ? AND c.company_key < ? ORDER BY c.company_key LIMIT 10`),
      customer: p(`SELECT ${CANDIDATE_COLUMNS} FROM customers c WHERE c.id = ?`),
    };
    cache.set(sqlite, st);
  }
  return st;
}
type ReadStatements = {
  byEmail: Statement;
  byPhone: Statement;
  byDomain: Statement;
  byKey: Statement;
  byKeyPrefix: Statement;
  customer: Statement;
};
const cache = new WeakMap<SqliteDb, ReadStatements>();

/**
 * Existing customers that may be the company of a lead being typed, with why: the same e-mail,
 * phone (last nine digits of phone or mobile), company e-mail/web domain, the same company name and
 * country (legal forms and domains must not disagree, as in an import), or a similar name (the
 * same name elsewhere, a name that starts with what was typed, or a shorter name the typed one
 * starts with). Every lookup is an index seek.
 */
export function findDuplicates(ctx: Pick<ServiceContext, 'readSqlite'>, input: ChannelParsedInput<'capture.duplicates'>): DuplicateMatch[] {
  const st = readStatements(ctx.readSqlite);
  const found = new Map<number, { candidate: Candidate | null; reasons: Set<DuplicateReason> }>();
  const add = (id: number, reason: DuplicateReason, candidate: Candidate | null = null) => {
    const entry = found.get(id);
    if (entry) {
      entry.reasons.add(reason);
      entry.candidate ??= candidate;
    } else found.set(id, { candidate, reasons: new Set([reason]) });
  };

  const email = normaliseEmail(input.email);
  if (email) for (const id of st.byEmail.all(email) as number[]) add(id, 'email');
  const phone = phoneKey(input.phone);
  if (phone) for (const id of st.byPhone.all({ key: phone }) as number[]) add(id, 'phone');
  const domain = email ? emailDomain(email) : '';
  const companyDomain = domain && !isFreeMailDomain(domain) ? domain : '';
  if (companyDomain) for (const id of st.byDomain.all({ domain: companyDomain }) as number[]) add(id, 'domain');

  const company = input.company.trim();
  if (company) {
    const identity = companyIdentity(company);
    const key = identity.key;
    const lead = emptyEvidence();
    addNameEvidence(identity, lead);
    if (companyDomain) lead.domains.add(companyDomain);
    if (phone) lead.phones.add(phone);
    if (key) {
      const sameKey = st.byKey.all(key) as Candidate[];
      for (const c of sameKey) {
        // Same name: the same company when the country agrees (or the lead gives none and the name is
        // unique) and the evidence says so as an import decides; a legal form written otherwise with
        // nothing in common is only a similar name (asked, never assumed).
        const countryAgrees = c.country === input.country || (input.country === '' && sameKey.length === 1);
        add(c.id, countryAgrees && nameVerdict(lead, customerEvidence(ctx.readSqlite, c.id)) === 'same' ? 'company' : 'similarName', c);
      }
      if ([...key].length >= MIN_PREFIX_KEY) {
        for (const c of st.byKeyPrefix.all(key, `${key}\u{10FFFF}`) as Candidate[]) add(c.id, 'similarName', c);
      }
      // "Acme Trading Shanghai" typed, "Acme Trading" known.
      const words = key.split(' ');
      for (let n = words.length - 1; n >= 1; n--) {
        const shorter = words.slice(0, n).join(' ');
        if ([...shorter].length < MIN_PREFIX_KEY) break;
        for (const c of st.byKey.all(shorter) as Candidate[]) add(c.id, 'similarName', c);
      }
    }
  }

  const rank = (reasons: Set<DuplicateReason>) => Math.min(...[...reasons].map((r) => DUPLICATE_REASONS.indexOf(r)));
  const ordered = [...found.entries()].sort((a, b) => rank(a[1].reasons) - rank(b[1].reasons) || b[1].reasons.size - a[1].reasons.size || a[0] - b[0]);
  const matches: DuplicateMatch[] = [];
  for (const [id, entry] of ordered) {
    if (matches.length >= input.limit) break;
    const c = entry.candidate ?? (st.customer.get(id) as Candidate | undefined);
    if (!c) continue;
    const reasons = DUPLICATE_REASONS.filter((r) => entry.reasons.has(r));
    // A weaker reason than "similar name" never hides a stronger one for the same customer.
    matches.push({
      customerId: c.id,
      company: c.company,
      country: c.country,
      owner: c.owner,
      archived: c.archived_at !== null,
      reasons: reasons.includes('company') ? reasons.filter((r) => r !== 'similarName') : reasons,
    });
  }
  return matches;
}

// ---- business-card photo -----------------------------------------------------------------------

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** The image type of a file by its first bytes (its name and any claimed type are not trusted); null when not an accepted image. */
export function sniffImage(bytes: Uint8Array): CardMimeType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return 'image/heic';
  return null;
}

function decodeCard(card: NonNullable<ChannelParsedInput<'capture.save'>['card']>): { fileName: string; mime: CardMimeType; bytes: Buffer } {
  const bytes = Buffer.from(card.contentBase64, 'base64');
  if (bytes.length > MAX_CARD_BYTES) {
    throw new AppError('CAPTURE_CARD_TOO_LARGE', `the photo is ${bytes.length} bytes; at most ${MAX_CARD_BYTES}`, { size: bytes.length, max: MAX_CARD_BYTES });
  }
  const mime = sniffImage(bytes);
  if (!mime || bytes.length === 0) throw new AppError('CAPTURE_CARD_NOT_IMAGE', 'the file is not a JPEG, PNG, WebP or HEIC image', { fileName: card.fileName });
  return { fileName: card.fileName, mime, bytes };
}

// ---- save --------------------------------------------------------------------------------------

/** The local-day bounds of "today" in the user's zone, as UTC ISO strings. */
function todayBounds(nowMs: number, timeZone: string): { from: string; to: string } {
  const start = startOfLocalDay(nowMs, timeZone);
  return { from: new Date(start).toISOString(), to: new Date(addLocalDays(start, 1, timeZone)).toISOString() };
}

function countLeads(sqlite: SqliteDb, nowMs: number, timeZone: string): number {
  const { from, to } = todayBounds(nowMs, timeZone);
  return sqlite.prepare(`SELECT count(*) FROM leads WHERE captured_at >= ? AND captured_at < ?`).pluck().get(from, to) as number;
}

export function captureStats(ctx: ServiceContext, input: ChannelParsedInput<'capture.stats'>): ChannelOutput<'capture.stats'> {
  return { leadsToday: countLeads(ctx.readSqlite, ctx.now().getTime(), input.timeZone) };
}

/** When the proposed follow-up is due: 10:00 local time, 1 (hot), 3 (warm) or 7 (cold) local days on. */
export function proposedDueAt(nowMs: number, rating: LeadRating, timeZone: string): string {
  const tenToday = instantOf({ ...wallTime(nowMs, timeZone), hour: 10, minute: 0, second: 0 }, timeZone);
  return new Date(addLocalDays(tenToday, FOLLOW_UP_DAYS_BY_RATING[rating], timeZone)).toISOString();
}

/**
 * Saves one lead in one transaction. A new customer (source and tag: the fair; priority from the
 * rating; the note) with the person as its primary contact, or, with `addToCustomerId`, the person
 * added to that customer (an existing contact with the same e-mail is reused; the fair tag added;
 * empty country, source and owner filled). Either way: an inquiry carrying the product interest
 * and note, the card photo, a lead record, and an open e-mail follow-up proposed by the rating.
 * The photo is checked before anything is written.
 */
/** A lead's contact has a name, an e-mail and a phone; the other details start empty. */
const NO_CONTACT_DETAILS = contactInputSchema.parse({});

export async function saveLead(ctx: ServiceContext, input: ChannelParsedInput<'capture.save'>): Promise<ChannelOutput<'capture.save'>> {
  const card = input.card ? decodeCard(input.card) : null;
  const nowMs = ctx.now().getTime();
  const now = new Date(nowMs).toISOString();
  const fair = input.fair;
  const source = fair || DEFAULT_LEAD_SOURCE;
  const tag = fair ? [...fair].slice(0, FAIR_TAG_MAX).join('').trim() : '';
  const phone = normalisePhone(input.phone);
  const sqlite = ctx.sqlite;

  return ctx.kysely.transaction().execute(async (trx) => {
    const contact = (primary: boolean) =>
      insertContact(trx, customerId, { ...NO_CONTACT_DETAILS, name: input.name, email: input.email, phone, isPrimary: primary }, now);
    let customerId: number;
    let company: string;
    let contactId: number | null = null;
    const created = input.addToCustomerId === null;
    const hasPerson = Boolean(input.name || input.email || phone);

    if (created) {
      customerId = Number(
        sqlite
          .prepare(
            `INSERT INTO customers (company, company_key, country, source, owner, priority, notes, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.company, companyKey(input.company), input.country, source, input.owner, PRIORITY_OF_RATING[input.rating], input.note, now, now)
          .lastInsertRowid,
      );
      company = input.company;
      if (hasPerson) contactId = await contact(true);
    } else {
      customerId = input.addToCustomerId as number;
      const existing = sqlite.prepare(`SELECT company, country, source, owner FROM customers WHERE id = ?`).get(customerId) as
        | { company: string; country: string; source: string; owner: string }
        | undefined;
      if (!existing) throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
      company = existing.company;
      if (hasPerson) {
        const same = input.email
          ? (sqlite.prepare(`SELECT id FROM contacts WHERE customer_id = ? AND email = ?`).pluck().get(customerId, input.email) as number | undefined)
          : undefined;
        const anyContact = sqlite.prepare(`SELECT 1 FROM contacts WHERE customer_id = ? LIMIT 1`).pluck().get(customerId) !== undefined;
        contactId = same ?? (await contact(!anyContact));
      }
      sqlite
        .prepare(
          `UPDATE customers SET country = CASE WHEN country = '' THEN @country ELSE country END,
             source = CASE WHEN source = '' THEN @source ELSE source END,
             owner = CASE WHEN owner = '' THEN @owner ELSE owner END,
             updated_at = @now, version = version + 1
           WHERE id = @id`,
        )
        .run({ country: input.country, source, owner: input.owner, now, id: customerId });
    }
    if (tag) sqlite.prepare(`INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)`).run(customerId, tag);

    const inquiryId = Number(
      sqlite
        .prepare(
          `INSERT INTO inquiries (customer_id, contact_id, received_at, subject, product, message, source, owner, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(customerId, contactId, now, source, input.productInterest, input.note, source, input.owner, now).lastInsertRowid,
    );

    const fileId = card
      ? Number(
          sqlite
            .prepare(`INSERT INTO customer_files (customer_id, kind, file_name, mime, size, bytes, created_at) VALUES (?, 'business_card', ?, ?, ?, ?, ?)`)
            .run(customerId, card.fileName, card.mime, card.bytes.length, card.bytes, now).lastInsertRowid,
        )
      : null;

    const owner = input.owner || ((sqlite.prepare(`SELECT owner FROM customers WHERE id = ?`).pluck().get(customerId) as string | undefined) ?? '');
    const followUpId = Number(
      sqlite
        .prepare(
          `INSERT INTO follow_ups (customer_id, contact_id, inquiry_id, type, due_at, owner, note, status, source, created_at, updated_at)
           VALUES (?, ?, ?, 'email', ?, ?, ?, 'open', 'capture', ?, ?)`,
        )
        .run(customerId, contactId, inquiryId, proposedDueAt(nowMs, input.rating, input.timeZone), owner, [fair, input.productInterest].filter(Boolean).join(' · '), now, now)
        .lastInsertRowid,
    );

    sqlite
      .prepare(
        `INSERT INTO leads (customer_id, contact_id, inquiry_id, follow_up_id, file_id, fair, rating, product_interest, owner, new_customer, captured_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(customerId, contactId, inquiryId, followUpId, fileId, fair, input.rating, input.productInterest, owner, created ? 1 : 0, now);

    return {
      customerId,
      company,
      created,
      contactId,
      inquiryId,
      fileId,
      followUp: loadFollowUp(ctx, followUpId),
      leadsToday: countLeads(sqlite, nowMs, input.timeZone),
    };
  });
}

/**
 * Booth quick capture: duplicate hints while a lead is typed (the import's matching rules, answered
 * from indexes so each keystroke costs a few milliseconds at 100k customers), and saving a lead in
 * one transaction: a new customer (or a contact on an existing one), the fair tag, an inquiry with
 * the product interest, the business-card photo and a proposed follow-up.
 */
import { sql, type Selectable } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import {
  DUPLICATE_REASONS,
  FAIR_TAG_MAX,
  FOLLOW_UP_DAYS_BY_RATING,
  MAX_CARD_BYTES,
  type CardMimeType,
  type DuplicateMatch,
  type DuplicateReason,
  type LeadRating,
} from '../../../shared/domain/capture';
import type { Priority } from '../../../shared/domain/customer-enums';
import { contactInputSchema } from '../../../shared/domain/customer';
import { AppError } from '../../../shared/errors';
import { addLocalDays, instantOf, startOfLocalDay, wallTime } from '../../../shared/time/zoned';
import type { CustomersTable } from '../../db/schema';
import type { ReadDb, WriteTx } from '../../db/sql';
import { companyIdentity, companyKey } from '../../import/company-key';
import { addNameEvidence, customerEvidence, emptyEvidence, nameVerdict } from '../../import/group-customers';
import { emailDomain, isFreeMailDomain, normaliseEmail, normalisePhone, phoneKey } from '../../import/normalize/text';
import { insertContact } from '../customers/contacts';
import { load as loadFollowUp } from '../followups/followups';
import type { ServiceContext } from '../context';
import { assignUnowned } from '../assignment/assign';

/** Source of a lead captured without a fair name (the import's default for badge-scanner files). */
export const DEFAULT_LEAD_SOURCE = 'Trade fair';
const PRIORITY_OF_RATING: Record<LeadRating, Priority> = { hot: 'high', warm: 'medium', cold: 'low' };
/** Typed company keys shorter than this match only exactly (a few letters would match half the book). */
const MIN_PREFIX_KEY = 4;

// ---- duplicates --------------------------------------------------------------------------------

const CANDIDATE_COLUMNS = ['id', 'company', 'company_key', 'country', 'owner', 'website_domain', 'archived_at'] as const;
type Candidate = Pick<Selectable<CustomersTable>, (typeof CANDIDATE_COLUMNS)[number]>;

/** The lookups of the duplicate check, each an index seek (the partial indexes' `<> ''` written as literals). */
function lookups(read: ReadDb | WriteTx) {
  const none = sql.lit('');
  const candidates = () => read.selectFrom('customers').select(CANDIDATE_COLUMNS);
  return {
    byEmail: (email: string) =>
      read.all(
        read.selectFrom('contacts').select('customer_id').distinct().where('email', '=', email).where('email', '<>', none).limit(20),
      ),
    byPhone: (key: string) =>
      read.all(
        read
          .selectFrom('contacts')
          .select('customer_id')
          .where('phone_key', '=', key)
          .where('phone', '<>', none)
          .union(read.selectFrom('contacts').select('customer_id').where('mobile_key', '=', key).where('mobile', '<>', none))
          .limit(20),
      ),
    byDomain: (domain: string) =>
      read.all(
        read
          .selectFrom('customers')
          .select('id as customer_id')
          .where('website_domain', '=', domain)
          .where('website_domain', '<>', none)
          .union(read.selectFrom('contacts').select('customer_id').where('email_domain', '=', domain).where('email', '<>', none))
          .limit(20),
      ),
    byKey: (key: string): Candidate[] => read.all(candidates().where('company_key', '=', key).limit(50)),
    byKeyPrefix: (from: string, to: string): Candidate[] =>
      read.all(candidates().where('company_key', '>', from).where('company_key', '<', to).orderBy('company_key').limit(10)),
    customer: (id: number): Candidate | undefined => read.first(candidates().where('id', '=', id)),
  };
}

/**
 * Existing customers that may be the company of a lead being typed, with why (see matchLead): quick
 * capture's one e-mail and one phone.
 */
export function findDuplicates(ctx: Pick<ServiceContext, 'read'>, input: ChannelParsedInput<'capture.duplicates'>): DuplicateMatch[] {
  return matchLead(ctx.read, { company: input.company, country: input.country, emails: [input.email], phones: [input.phone] }, input.limit);
}

/** What a lead being typed is matched by: texts as typed (normalised here), any number of e-mails and phones. */
export interface LeadKeys {
  company: string;
  /** ISO code, '' when unknown. */
  country: string;
  emails: readonly string[];
  phones: readonly string[];
  /** Company domains besides the e-mails' (a web address's); free-mail ones are ignored. */
  domains?: readonly string[];
}

/**
 * Existing customers that may be the company of a lead, with why: the same e-mail, phone (last
 * nine digits of phone or mobile), company e-mail/web domain, the same company name and country
 * (legal forms and domains must not disagree, as in an import), or a similar name (the same name
 * elsewhere, a name that starts with what was typed, or a shorter name the typed one starts with).
 * Every lookup is an index seek. Quick capture's hints, the collision check's answer without a
 * team server (services/team/collisions.ts) and the assignment rules' "same buyer" (inside the
 * transaction that adds the customer, services/assignment/assign.ts) all come from here.
 */
export function matchLead(read: ReadDb | WriteTx, input: LeadKeys, limit: number): DuplicateMatch[] {
  const st = lookups(read);
  const found = new Map<number, { candidate: Candidate | null; reasons: Set<DuplicateReason> }>();
  const add = (id: number, reason: DuplicateReason, candidate: Candidate | null = null) => {
    const entry = found.get(id);
    if (entry) {
      entry.reasons.add(reason);
      entry.candidate ??= candidate;
    } else found.set(id, { candidate, reasons: new Set([reason]) });
  };
  const distinct = (list: string[]) => [...new Set(list.filter(Boolean))];

  const emails = distinct(input.emails.map(normaliseEmail));
  for (const email of emails) for (const r of st.byEmail(email)) add(r.customer_id, 'email');
  const phones = distinct(input.phones.map(phoneKey));
  for (const phone of phones) for (const r of st.byPhone(phone)) add(r.customer_id, 'phone');
  const companyDomains = distinct([...emails.map(emailDomain), ...(input.domains ?? [])].filter((d) => !isFreeMailDomain(d)));
  for (const domain of companyDomains) for (const r of st.byDomain(domain)) add(r.customer_id, 'domain');

  const company = input.company.trim();
  if (company) {
    const identity = companyIdentity(company);
    const key = identity.key;
    const lead = emptyEvidence();
    addNameEvidence(identity, lead);
    for (const domain of companyDomains) lead.domains.add(domain);
    for (const phone of phones) lead.phones.add(phone);
    if (key) {
      const sameKey = st.byKey(key);
      for (const c of sameKey) {
        // Same name: the same company when the country agrees (or the lead gives none and the name is
        // unique) and the evidence says so as an import decides; a legal form written otherwise with
        // nothing in common is only a similar name (asked, never assumed).
        const countryAgrees = c.country === input.country || (input.country === '' && sameKey.length === 1);
        add(c.id, countryAgrees && nameVerdict(lead, customerEvidence(read, c.id)) === 'same' ? 'company' : 'similarName', c);
      }
      if ([...key].length >= MIN_PREFIX_KEY) {
        for (const c of st.byKeyPrefix(key, `${key}\u{10FFFF}`)) add(c.id, 'similarName', c);
      }
      // "Acme Trading Shanghai" typed, "Acme Trading" known.
      const words = key.split(' ');
      for (let n = words.length - 1; n >= 1; n--) {
        const shorter = words.slice(0, n).join(' ');
        if ([...shorter].length < MIN_PREFIX_KEY) break;
        for (const c of st.byKey(shorter)) add(c.id, 'similarName', c);
      }
    }
  }

  const rank = (reasons: Set<DuplicateReason>) => Math.min(...[...reasons].map((r) => DUPLICATE_REASONS.indexOf(r)));
  const ordered = [...found.entries()].sort(
    (a, b) => rank(a[1].reasons) - rank(b[1].reasons) || b[1].reasons.size - a[1].reasons.size || a[0] - b[0],
  );
  const matches: DuplicateMatch[] = [];
  for (const [id, entry] of ordered) {
    if (matches.length >= limit) break;
    const c = entry.candidate ?? st.customer(id);
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

function decodeCard(card: NonNullable<ChannelParsedInput<'capture.save'>['card']>): {
  fileName: string;
  mime: CardMimeType;
  bytes: Buffer;
} {
  const bytes = Buffer.from(card.contentBase64, 'base64');
  if (bytes.length > MAX_CARD_BYTES) {
    throw new AppError('CAPTURE_CARD_TOO_LARGE', `the photo is ${bytes.length} bytes; at most ${MAX_CARD_BYTES}`, {
      size: bytes.length,
      max: MAX_CARD_BYTES,
    });
  }
  const mime = sniffImage(bytes);
  if (!mime || bytes.length === 0)
    throw new AppError('CAPTURE_CARD_NOT_IMAGE', 'the file is not a JPEG, PNG, WebP or HEIC image', { fileName: card.fileName });
  return { fileName: card.fileName, mime, bytes };
}

// ---- save --------------------------------------------------------------------------------------

/** The local-day bounds of "today" in the user's zone, as UTC ISO strings. */
function todayBounds(nowMs: number, timeZone: string): { from: string; to: string } {
  const start = startOfLocalDay(nowMs, timeZone);
  return { from: new Date(start).toISOString(), to: new Date(addLocalDays(start, 1, timeZone)).toISOString() };
}

function countLeads(reader: ReadDb | WriteTx, nowMs: number, timeZone: string): number {
  const { from, to } = todayBounds(nowMs, timeZone);
  return (
    reader.first(
      reader
        .selectFrom('leads')
        .select(sql<number>`count(*)`.as('n'))
        .where('captured_at', '>=', from)
        .where('captured_at', '<', to),
    )?.n ?? 0
  );
}

export function captureStats(ctx: ServiceContext, input: ChannelParsedInput<'capture.stats'>): ChannelOutput<'capture.stats'> {
  return { leadsToday: countLeads(ctx.read, ctx.now().getTime(), input.timeZone) };
}

/** When the proposed follow-up is due: 10:00 local time, 1 (hot), 3 (warm) or 7 (cold) local days on. */
export function proposedDueAt(nowMs: number, rating: LeadRating, timeZone: string): string {
  const tenToday = instantOf({ ...wallTime(nowMs, timeZone), hour: 10, minute: 0, second: 0 }, timeZone);
  return new Date(addLocalDays(tenToday, FOLLOW_UP_DAYS_BY_RATING[rating], timeZone)).toISOString();
}

/** A lead's contact has a name, an e-mail, a phone, WhatsApp and WeChat; the other details start empty. */
const NO_CONTACT_DETAILS = contactInputSchema.parse({});

/** `column` when it is set, else `value`: fills what is empty and keeps what the user wrote. */
const ifEmpty = (column: 'country' | 'source' | 'owner', value: string) =>
  sql<string>`CASE WHEN ${sql.ref(column)} = '' THEN ${value} ELSE ${sql.ref(column)} END`;

/**
 * Saves one lead in one transaction. A new customer (source and tag: the fair; priority from the
 * rating; the note) with the person as its primary contact, or, with `addToCustomerId`, the person
 * added to that customer (an existing contact with the same e-mail is reused; the fair tag added;
 * empty country, source and owner filled). Either way: an inquiry carrying the product interest
 * and note, the card photo, a lead record, and an open e-mail follow-up proposed by the rating.
 * The photo is checked before anything is written.
 */
export async function saveLead(ctx: ServiceContext, input: ChannelParsedInput<'capture.save'>): Promise<ChannelOutput<'capture.save'>> {
  const card = input.card ? decodeCard(input.card) : null;
  const nowMs = ctx.now().getTime();
  const now = new Date(nowMs).toISOString();
  const fair = input.fair;
  const source = fair || DEFAULT_LEAD_SOURCE;
  const tag = fair ? [...fair].slice(0, FAIR_TAG_MAX).join('').trim() : '';
  const phone = normalisePhone(input.phone);
  const whatsapp = normalisePhone(input.whatsapp);
  const wechat = input.wechat;

  return ctx.db.transaction((tx) => {
    const contact = (primary: boolean) =>
      insertContact(
        tx,
        customerId,
        { ...NO_CONTACT_DETAILS, name: input.name, email: input.email, phone, whatsapp, wechat, isPrimary: primary },
        now,
      );
    let customerId: number;
    let company: string;
    let contactId: number | null = null;
    const created = input.addToCustomerId === null;
    const hasPerson = Boolean(input.name || input.email || phone || whatsapp || wechat);

    if (created) {
      customerId = tx.run(
        tx.insertInto('customers').values({
          company: input.company,
          company_key: companyKey(input.company),
          country: input.country,
          source,
          owner: input.owner,
          priority: PRIORITY_OF_RATING[input.rating],
          notes: input.note,
          created_at: now,
          updated_at: now,
        }),
      ).lastInsertRowid;
      company = input.company;
      if (hasPerson) contactId = contact(true);
    } else {
      customerId = input.addToCustomerId as number;
      const existing = tx.first(tx.selectFrom('customers').select(['company', 'country', 'source', 'owner']).where('id', '=', customerId));
      if (!existing) throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
      company = existing.company;
      if (hasPerson) {
        const same = input.email
          ? tx.first(tx.selectFrom('contacts').select('id').where('customer_id', '=', customerId).where('email', '=', input.email))?.id
          : undefined;
        const anyContact = tx.first(tx.selectFrom('contacts').select('id').where('customer_id', '=', customerId).limit(1)) !== undefined;
        contactId = same ?? contact(!anyContact);
      }
      tx.run(
        tx
          .updateTable('customers')
          .set({
            country: ifEmpty('country', input.country),
            source: ifEmpty('source', source),
            owner: ifEmpty('owner', input.owner),
            updated_at: now,
            version: sql<number>`version + 1`,
          })
          .where('id', '=', customerId),
      );
    }
    if (tag) tx.run(tx.insertInto('customer_tags').orIgnore().values({ customer_id: customerId, tag }));

    const inquiryId = tx.run(
      tx.insertInto('inquiries').values({
        customer_id: customerId,
        contact_id: contactId,
        received_at: now,
        subject: source,
        product: input.productInterest,
        message: input.note,
        source,
        owner: input.owner,
        created_at: now,
      }),
    ).lastInsertRowid;

    // A customer nobody owns goes to whom the lead assignment rules say (the product interest counts).
    assignUnowned(tx, [customerId], { source: 'capture', now });

    const fileId = card
      ? tx.run(
          tx.insertInto('customer_files').values({
            customer_id: customerId,
            kind: 'business_card',
            file_name: card.fileName,
            mime: card.mime,
            size: card.bytes.length,
            bytes: card.bytes,
            created_at: now,
          }),
        ).lastInsertRowid
      : null;

    const owner = input.owner || (tx.first(tx.selectFrom('customers').select('owner').where('id', '=', customerId))?.owner ?? '');
    if (owner && !input.owner) {
      tx.run(tx.updateTable('inquiries').set({ owner }).where('id', '=', inquiryId).where('owner', '=', ''));
    }
    const followUpId = tx.run(
      tx.insertInto('follow_ups').values({
        customer_id: customerId,
        contact_id: contactId,
        inquiry_id: inquiryId,
        type: 'email',
        due_at: proposedDueAt(nowMs, input.rating, input.timeZone),
        owner,
        note: [fair, input.productInterest].filter(Boolean).join(' · '),
        status: 'open',
        source: 'capture',
        created_at: now,
        updated_at: now,
      }),
    ).lastInsertRowid;

    tx.run(
      tx.insertInto('leads').values({
        customer_id: customerId,
        contact_id: contactId,
        inquiry_id: inquiryId,
        follow_up_id: followUpId,
        file_id: fileId,
        fair,
        rating: input.rating,
        product_interest: input.productInterest,
        owner,
        new_customer: created ? 1 : 0,
        captured_at: now,
      }),
    );

    return {
      customerId,
      company,
      created,
      contactId,
      inquiryId,
      fileId,
      followUp: loadFollowUp(tx, followUpId),
      leadsToday: countLeads(tx, nowMs, input.timeZone),
    };
  });
}

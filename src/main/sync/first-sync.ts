/**
 * The first sync of a book that already has customers (issue #19, item 5): after the team's book
 * has been downloaded, this book's own customers (those the server does not have) are matched
 * against the team's by the import's rules, the matched ones merged into the team's (no
 * duplicates), and everything else of this book is queued for upload.
 *
 * Matching (the order the import's groupCustomers uses, on whole customers instead of file rows):
 *   1. a contact e-mail address the team's customer also has;
 *   2. a company domain (web site, or a contact's e-mail domain that is not free mail);
 *   3. the company key and country (or the same unrecognised country text) when nameVerdict says
 *      'same' (a legal form of another family, or another company domain, keeps them apart;
 *      evidence as the import weighs it: legal forms, company domains, phones);
 *   4. the customer number (external_ref).
 * Merging uses the duplicates service's mergeCustomers: the team's customer keeps its name and
 * fills its empty fields from ours, notes are kept side by side, contacts (one per e-mail address),
 * tags, inquiries, orders, follow-ups… move to it. A field both have with different values keeps
 * the team's; ours goes to the conflict list (keep mine writes it again), so nothing is lost.
 *
 * The merge runs with capture on: what it changes on the team's customers goes out as field ops.
 * Then every row of this book the server does not have is queued as ONE '*' op (its current
 * fields), in one transaction, with its customer's tags as tag:<t> ops; the ops the merge and the
 * user's edits meanwhile left for those rows are replaced by it, and ops of rows that are gone and
 * that the server never had are dropped. The built-in survey templates (the same ids in every
 * book) are not uploaded.
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import type { SyncRow } from '../../shared/team/sync';
import { ROW_FIELD, SYNC_TABLES, TAG_FIELD_PREFIX } from '../../shared/sync/tables';
import type { ReadDb, WriteDb, WriteTx } from '../db/sql';
import { companyIdentity } from '../import/company-key';
import { addNameEvidence, emptyEvidence, nameVerdict, type Evidence } from '../import/group-customers';
import { countryKey } from '../import/normalize/country';
import { isFreeMailDomain, phoneKey } from '../import/normalize/text';
import { mergeCustomers } from '../services/customers/duplicates';
import { rowObject } from './triggers';

/** What matching reads of a customer. */
export interface CustomerRecord {
  gid: string;
  company: string;
  companyKey: string;
  country: string;
  countryText: string;
  websiteDomain: string;
  externalRef: string;
  contacts: { email: string; phone: string; mobile: string }[];
}

const emailKey = (e: string) => e.trim().toLowerCase();
const domainOf = (e: string) => emailKey(e).slice(emailKey(e).indexOf('@') + 1);

function evidenceOf(c: CustomerRecord): Evidence {
  const e = emptyEvidence();
  if (c.company) addNameEvidence(companyIdentity(c.company), e);
  if (c.websiteDomain) e.domains.add(c.websiteDomain);
  for (const k of c.contacts) {
    if (k.email.includes('@') && !isFreeMailDomain(domainOf(k.email))) e.domains.add(domainOf(k.email));
    for (const p of [k.phone, k.mobile]) {
      const key = p ? phoneKey(p) : '';
      if (key) e.phones.add(key);
    }
  }
  return e;
}

/** The team's customers, by each key the rules match on. */
export class TeamIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byDomain = new Map<string, string>();
  private readonly byRef = new Map<string, string>();
  private readonly byName = new Map<string, CustomerRecord[]>();
  private readonly evidence = new Map<string, Evidence>();
  readonly customers = new Map<string, CustomerRecord>();

  add(c: CustomerRecord): void {
    this.customers.set(c.gid, c);
    const first = <K>(map: Map<K, string>, key: K) => {
      if (!map.has(key)) map.set(key, c.gid);
    };
    for (const k of c.contacts) {
      if (!k.email.includes('@')) continue;
      first(this.byEmail, emailKey(k.email));
      if (!isFreeMailDomain(domainOf(k.email))) first(this.byDomain, domainOf(k.email));
    }
    if (c.websiteDomain) first(this.byDomain, c.websiteDomain);
    if (c.externalRef) first(this.byRef, c.externalRef);
    if (c.companyKey) {
      const list = this.byName.get(c.companyKey);
      if (list) list.push(c);
      else this.byName.set(c.companyKey, [c]);
    }
  }

  private evidenceOf(c: CustomerRecord): Evidence {
    let e = this.evidence.get(c.gid);
    if (!e) {
      e = evidenceOf(c);
      this.evidence.set(c.gid, e);
    }
    return e;
  }

  /** The team customer this one is, by the import's rules (see the file's comment), or null. */
  match(c: CustomerRecord): string | null {
    for (const k of c.contacts) {
      const hit = k.email.includes('@') ? this.byEmail.get(emailKey(k.email)) : undefined;
      if (hit) return hit;
    }
    const domains = [c.websiteDomain, ...c.contacts.filter((k) => k.email.includes('@')).map((k) => domainOf(k.email))];
    for (const d of domains) {
      const hit = d && !isFreeMailDomain(d) ? this.byDomain.get(d) : undefined;
      if (hit) return hit;
    }
    if (c.companyKey) {
      const all = this.byName.get(c.companyKey) ?? [];
      const candidates = c.country
        ? all.filter((t) => t.country === c.country)
        : c.countryText
          ? all.filter((t) => t.country === '' && countryKey(t.countryText) === countryKey(c.countryText))
          : all.length === 1
            ? all
            : [];
      const mine = evidenceOf(c);
      for (const t of candidates) if (nameVerdict(mine, this.evidenceOf(t)) === 'same') return t.gid;
    }
    if (c.externalRef) {
      const hit = this.byRef.get(c.externalRef);
      if (hit) return hit;
    }
    return null;
  }
}

/** Collects the team's customers and contacts from pulled rows (the preview, which writes nothing). */
export class PulledCustomers {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly contacts = new Map<string, { customer: string; email: string; phone: string; mobile: string }>();

  add(rows: readonly SyncRow[]): void {
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    for (const r of rows) {
      const gone = r.fields._deleted === true;
      if (r.tbl === 'customers') {
        if (gone) this.customers.delete(r.gid);
        else
          this.customers.set(r.gid, {
            gid: r.gid,
            company: str(r.fields.company),
            companyKey: str(r.fields.company_key),
            country: str(r.fields.country),
            countryText: str(r.fields.country_text),
            websiteDomain: str(r.fields.website_domain),
            externalRef: str(r.fields.external_ref),
            contacts: [],
          });
      } else if (r.tbl === 'contacts') {
        if (gone) this.contacts.delete(r.gid);
        else
          this.contacts.set(r.gid, {
            customer: str(r.fields.customer_id),
            email: str(r.fields.email),
            phone: str(r.fields.phone),
            mobile: str(r.fields.mobile),
          });
      }
    }
  }

  remove(customerGids: readonly string[]): void {
    for (const g of customerGids) this.customers.delete(g);
  }

  index(): TeamIndex {
    const byCustomer = new Map<string, CustomerRecord['contacts']>();
    for (const k of this.contacts.values()) {
      const list = byCustomer.get(k.customer);
      if (list) list.push(k);
      else byCustomer.set(k.customer, [k]);
    }
    const index = new TeamIndex();
    for (const c of this.customers.values()) index.add({ ...c, contacts: byCustomer.get(c.gid) ?? [] });
    return index;
  }
}

/** SQL: the row `alias` of `table` is this book's own (the server has not sent it, and no '*' op of it waits). */
const localOnly = (table: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM sync_field_clock k WHERE k.tbl = '${table}' AND k.gid = ${alias}.gid AND k.field = '${ROW_FIELD}')
   AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = '${table}' AND o.gid = ${alias}.gid AND o.field = '${ROW_FIELD}')`;
const uploadable = (table: string, alias: string) =>
  `${localOnly(table, alias)}${table === 'survey_templates' ? ` AND ${alias}.builtin IS NULL` : ''}`;
const fromServer = (table: string, alias: string) =>
  `EXISTS (SELECT 1 FROM sync_field_clock k WHERE k.tbl = '${table}' AND k.gid = ${alias}.gid AND k.field = '${ROW_FIELD}')`;

interface CustomerRow {
  id: number;
  gid: string;
  company: string;
  company_key: string;
  country: string;
  country_text: string;
  website_domain: string;
  external_ref: string;
}

/** The customers of the book on one side (the team's as downloaded, or this book's own), with their contacts. */
export function bookCustomers(db: ReadDb | WriteTx, side: 'team' | 'local'): (CustomerRecord & { id: number })[] {
  const where = side === 'team' ? fromServer('customers', 'c') : localOnly('customers', 'c');
  const customers = db.all<CustomerRow>(
    sql.raw(`SELECT c.id, c.gid, c.company, c.company_key, c.country, c.country_text, c.website_domain, c.external_ref
      FROM customers c WHERE ${where} ORDER BY c.id`),
  );
  const contacts = new Map<number, CustomerRecord['contacts']>();
  for (const k of db.all<{ customer_id: number; email: string; phone: string; mobile: string }>(
    sql.raw(`SELECT k.customer_id, k.email, k.phone, k.mobile FROM contacts k JOIN customers c ON c.id = k.customer_id
      WHERE ${where} ORDER BY k.id`),
  )) {
    const list = contacts.get(k.customer_id);
    if (list) list.push(k);
    else contacts.set(k.customer_id, [k]);
  }
  return customers.map((c) => ({
    id: c.id,
    gid: c.gid,
    company: c.company,
    companyKey: c.company_key,
    country: c.country,
    countryText: c.country_text,
    websiteDomain: c.website_domain,
    externalRef: c.external_ref,
    contacts: contacts.get(c.id) ?? [],
  }));
}

export interface UploadPlan {
  /** This book's own customers. */
  customers: number;
  /** Of those, matched to a team customer (merged, not uploaded as new). */
  matched: number;
  /** Rows that will be uploaded as new rows (after the merges). */
  rows: number;
  pairs: { local: CustomerRecord & { id: number }; team: string }[];
}

/** What the first upload will do: matches and the rows it will send (the preview and the join compute it alike). */
export function planUpload(db: ReadDb | WriteTx, team: TeamIndex): UploadPlan {
  const local = bookCustomers(db, 'local');
  const pairs: UploadPlan['pairs'] = [];
  for (const c of local) {
    const t = team.match(c);
    if (t) pairs.push({ local: c, team: t });
  }
  let rows = 0;
  for (const t of SYNC_TABLES) {
    rows += db.first<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t.table} x WHERE ${uploadable(t.table, 'x')}`))?.n ?? 0;
  }
  // A merged customer is not uploaded; contacts with an e-mail address the team's customer has
  // already merge into that contact; each merge adds one history entry.
  const emails = new Map<string, Set<string>>();
  for (const p of pairs) {
    let seen = emails.get(p.team);
    if (!seen) {
      seen = new Set((team.customers.get(p.team)?.contacts ?? []).map((k) => k.email).filter(Boolean));
      emails.set(p.team, seen);
    }
    for (const k of p.local.contacts) {
      if (k.email && seen.has(k.email)) rows -= 1;
      else if (k.email) seen.add(k.email);
    }
    // The merged customer itself is not uploaded, and the merge's history entry is: even.
  }
  return { customers: local.length, matched: pairs.length, rows, pairs };
}

/** Customer columns whose differing values a merge keeps as a conflict (the team's value stays). */
const COMPARED = [
  'company',
  'country',
  'city',
  'website',
  'industry',
  'business_type',
  'scale',
  'source',
  'owner',
  'external_ref',
  'buyer_level',
] as const;

/**
 * Merges each matched customer into the team's (capture on: the team customer's changes become
 * ops), keeping differing values in the conflict list. Returns how many were merged (a pair both
 * of whose customers answered one survey stays apart and is uploaded).
 */
export async function mergeMatched(db: WriteDb, plan: UploadPlan, now: string): Promise<number> {
  let merged = 0;
  for (const p of plan.pairs) {
    const ok = await db.transaction((tx) => {
      const keep = tx.first<Record<string, unknown> & { id: number }>(sql`SELECT * FROM customers WHERE gid = ${p.team}`);
      const drop = tx.first<Record<string, unknown> & { id: number }>(sql`SELECT * FROM customers WHERE id = ${p.local.id}`);
      if (!keep || !drop) return false;
      const clock = (field: string) =>
        tx.first<{ hlc: string }>(
          sql`SELECT max(hlc) AS hlc FROM sync_field_clock WHERE tbl = 'customers' AND gid = ${p.team} AND field IN (${field}, '*')`,
        )?.hlc ?? '';
      try {
        mergeCustomers(tx, keep.id, drop.id, now);
      } catch (err) {
        if (err instanceof AppError && err.code === 'MERGE_SURVEY_CONFLICT') return false;
        throw err;
      }
      for (const f of COMPARED) {
        const mine = drop[f];
        const theirs = keep[f];
        if (mine === '' || mine === null || theirs === '' || theirs === null || mine === theirs) continue;
        tx.run(sql`INSERT INTO sync_conflicts (tbl, gid, field, local_value, remote_value, local_hlc, remote_hlc, remote_op_id, winner, created_at)
          VALUES ('customers', ${p.team}, ${f}, ${JSON.stringify(mine)}, ${JSON.stringify(theirs)}, '', ${clock(f)},
            ${`merge:${p.local.gid}`}, 'remote', ${now}) ON CONFLICT DO NOTHING`);
      }
      return true;
    });
    if (ok) merged += 1;
  }
  return merged;
}

/**
 * Queues every row of this book the server does not have as one '*' op each, in one transaction
 * (capture on: the transaction's clock stamps them); see the file's comment. Returns the new rows waiting to go up.
 */
export async function queueBook(db: WriteDb, now: string): Promise<number> {
  return db.transaction((tx) => {
    let queued = 0;
    const opId = `printf('%08x-%04x-7%03x-%x%03x-%012x', s.ms >> 16, s.ms & 65535, random() & 4095, 8 + (random() & 3), random() & 4095, random() & 281474976710655)`;
    for (const t of SYNC_TABLES) {
      // Gone rows the server never had: their ops go.
      tx.run(
        sql.raw(`DELETE FROM sync_outbox WHERE tbl = '${t.table}' AND NOT EXISTS (SELECT 1 FROM ${t.table} x WHERE x.gid = sync_outbox.gid)
          AND NOT EXISTS (SELECT 1 FROM sync_field_clock k WHERE k.tbl = sync_outbox.tbl AND k.gid = sync_outbox.gid)`),
      );
      tx.run(
        sql.raw(
          `DELETE FROM sync_outbox WHERE tbl = '${t.table}' AND gid IN (SELECT x.gid FROM ${t.table} x WHERE ${localOnly(t.table, 'x')})`,
        ),
      );
      queued += tx.run(
        sql.raw(`INSERT INTO sync_outbox (op_id, hlc, tbl, gid, field, value, base_seq, created_at)
          SELECT ${opId}, s.hlc, '${t.table}', x.gid, '${ROW_FIELD}', ${rowObject(t, 'x')}, s.last_seq, '${now}'
          FROM ${t.table} x, (SELECT hlc, last_seq, CAST(unixepoch('subsec') * 1000 AS INTEGER) AS ms FROM sync_state WHERE id = 1) s
          WHERE ${uploadable(t.table, 'x')}`),
      ).changes;
    }
    tx.run(
      sql.raw(`INSERT INTO sync_outbox (op_id, hlc, tbl, gid, field, value, base_seq, created_at)
        SELECT ${opId}, s.hlc, 'customers', c.gid, '${TAG_FIELD_PREFIX}' || t.tag, 'true', s.last_seq, '${now}'
        FROM customer_tags t JOIN customers c ON c.id = t.customer_id,
          (SELECT hlc, last_seq, CAST(unixepoch('subsec') * 1000 AS INTEGER) AS ms FROM sync_state WHERE id = 1) s
        WHERE EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = 'customers' AND o.gid = c.gid AND o.field = '${ROW_FIELD}' AND o.hlc = s.hlc)
        ON CONFLICT (tbl, gid, field, hlc) DO NOTHING`),
    );
    void queued;
    // The rows going up as new: those queued here and those the merges and the user made meanwhile.
    return tx.first<{ n: number }>(sql`SELECT count(*) AS n FROM sync_outbox WHERE field = ${ROW_FIELD}`)?.n ?? 0;
  });
}

/**
 * The two places writeImport's decisions go: the database inside the import's transaction
 * (commit), and a dry run over the read connection that keeps what it would insert in memory
 * (preview). Both answer the same lookups, so the preview's figures are the commit's.
 *
 * Raw statements on purpose, through hot(): this is the import's hot path (one statement per
 * record of a 100k-row file; compiling a builder query for each would cost more than the insert).
 * Prepared once per connection. See scripts/bench.ts, "import".
 */
import { sql, type Updateable } from 'kysely';
import { CONTACT_SEARCH_TEXT } from '../db/migrations/0008_import_search';
import type { CustomersTable } from '../db/schema';
import type { ReadDb, WriteTx } from '../db/sql';
import { NEW_GID } from '../sync/new-gid';
import { companyIdentity } from './company-key';
import { detached, detachedValue } from './detached-string';
import {
  addNameEvidence,
  candidatesOf,
  emptyEvidence,
  oldestOf,
  sqliteLookup,
  type Evidence,
  type ExistingCandidate,
  type ExistingLookup,
  type LookupDb,
} from './group-customers';
import { isFreeMailDomain, phoneKey } from './normalize/text';
import type { PlannedRow } from './plan-rows';
import type { ContactRecord, CustomerRecord, ImportTarget, NewCustomer, NewOrder } from './write-import';

type Found = { id: number; label: string } | undefined;
type FoundOrder = { id: number; label: string; customerId: number } | undefined;
type OrderLine = NonNullable<PlannedRow['orderLine']>;
const FIGURE = 'import 100k-row inquiry CSV (end to end)';

/** Reads both targets make against the database as it is (prepared once per connection, taken once per import). */
function reads(db: LookupDb) {
  const hot = db.hot(FIGURE);
  const st = {
    customerById: hot`SELECT * FROM customers WHERE id = ?`,
    tagsOf: hot`SELECT tag FROM customer_tags WHERE customer_id = ?`,
    contactsOf: hot`SELECT id, customer_id, name, email, phone, mobile FROM contacts WHERE customer_id = ? ORDER BY id`,
    contactByEmail: hot`SELECT id, customer_id, name, email, phone, mobile FROM contacts
       WHERE email = ? AND email <> '' ORDER BY customer_id, id LIMIT 1`,
    inquiryByExternalId: hot`SELECT id, external_id AS label FROM inquiries WHERE external_id = ?`,
    inquiryByContent: hot`SELECT id, coalesce(external_id, subject) AS label FROM inquiries
       WHERE customer_id = @customerId AND received_at = @receivedAt AND subject = @subject AND message = @message
         AND (@anyId OR external_id IS NULL) LIMIT 1`,
    orderByExternalNo: hot`SELECT id, external_no AS label, customer_id AS customerId FROM orders WHERE external_no = ?`,
    orderByContent: hot`SELECT id, coalesce(external_no, product) AS label FROM orders
       WHERE customer_id = ? AND ordered_at = ? AND amount_minor = ? AND product = ? LIMIT 1`,
  };
  return {
    customerById: (id: number) => st.customerById.get(id) as CustomerRecord | undefined,
    tagsOf: (customerId: number) => (st.tagsOf.all(customerId) as { tag: string }[]).map((r) => r.tag),
    contactsOf: (customerId: number) => st.contactsOf.all(customerId) as ContactRecord[],
    contactByEmail: (email: string) => st.contactByEmail.get(email) as ContactRecord | undefined,
    inquiryByExternalId: (externalId: string) => st.inquiryByExternalId.get(externalId) as Found,
    inquiryByContent: (customerId: number, q: NonNullable<PlannedRow['inquiry']>, anyId: boolean) => {
      const { receivedAt, subject, message } = q;
      return st.inquiryByContent.get({ customerId, receivedAt, subject, message, anyId: anyId ? 1 : 0 }) as Found;
    },
    orderByExternalNo: (orderNo: string) => st.orderByExternalNo.get(orderNo) as FoundOrder,
    orderByContent: (customerId: number, orderedAt: string, amount: number, product: string) =>
      st.orderByContent.get(customerId, orderedAt, amount, product) as Found,
    /** Whether any inquiry was imported without an ID (once per import). */
    anyIdlessInquiry: () => db.first(db.selectFrom('inquiries').select('id').where('external_id', 'is', null).limit(1)) !== undefined,
  };
}

/** The import's writes, inside its transaction, tagged with its batch (undo). */
export function databaseTarget(tx: WriteTx, batchId: number, now: string): ImportTarget {
  const r = reads(tx);
  const hot = tx.hot(FIGURE);
  const w = {
    // owner_since as the insert trigger of migration 0016 would set it (the update it makes would
    // rewrite the row and its indexes a second time: 29 indexes on customers).
    insertCustomer: hot`INSERT INTO customers (company, company_key, country, country_text, city, website, website_domain, industry,
         business_type, source, owner, owner_since, priority, notes, created_at, updated_at, import_batch_id, external_ref, buyer_level, gid)
       VALUES (@company, @companyKey, @country, @countryText, @city, @website, @websiteDomain, @industry, @businessType,
         @source, @owner, CASE WHEN @owner <> '' THEN @now END, @priority, @notes, @createdAt, @now, @batchId, @externalRef, @buyerLevel, ${NEW_GID})`,
    recordChange: hot`INSERT INTO import_changes (batch_id, table_name, row_key, action, before) VALUES (?, ?, ?, ?, ?)`,
    insertTag: hot`INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)`,
    insertContact: hot`INSERT INTO contacts (customer_id, name, title, email, phone, mobile, is_primary, created_at, updated_at,
         import_batch_id, gid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEW_GID})`,
    insertInquiry: hot`INSERT INTO inquiries (external_id, customer_id, contact_id, received_at, subject, product, product_ref, quantity,
         unit, message, status, source, owner, replied_at, created_at, import_batch_id, gid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEW_GID})
       ON CONFLICT (external_id) WHERE external_id IS NOT NULL DO NOTHING`,
    insertOrder: hot`INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, currency_text, product, quantity,
         status, cancelled, created_at, import_batch_id, gid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEW_GID})`,
    insertLine: hot`INSERT INTO order_lines (order_id, product, product_ref, quantity, unit_price_minor, amount_minor, gid)
       VALUES (?, ?, ?, ?, ?, ?, ${NEW_GID})`,
    // An order's figures from all its lines, as writeImport makes them for lines that come together.
    extendOrder: hot`UPDATE orders SET
         amount_minor = amount_minor + @amount,
         quantity = CASE WHEN quantity IS NULL OR @quantity IS NULL THEN NULL ELSE quantity + @quantity END,
         ordered_at = min(ordered_at, @orderedAt),
         cancelled = max(cancelled, @cancelled),
         product = substr((SELECT product FROM order_lines WHERE order_id = @id ORDER BY id LIMIT 1)
           || ' (+' || ((SELECT count(*) FROM order_lines WHERE order_id = @id) - 1) || ')', 1, 500)
       WHERE id = @id`,
  };
  /**
   * The customers this import created, as written (their columns writeImport reads, tags and
   * contacts): later chunks of the file add to them far more often than to anyone else, and
   * need not read back what was just written.
   */
  const created = new Map<number, { record: CustomerRecord; tags: string[]; contacts: ContactRecord[] }>();
  /**
   * A first import (the book was empty when it began): every customer and contact in the book is
   * one this import wrote, so what it wrote answers every lookup of the matching (the dry run's
   * overlay, over nothing) and every contact looked for by e-mail, without a query.
   */
  const own = tx.first(tx.selectFrom('customers').select('id').limit(1)) === undefined ? new Overlay(() => true) : null;
  const contactsByEmail = new Map<string, ContactRecord>();
  // Inquiries imported without an ID (a spreadsheet mangled it) are looked for by content only while there are any.
  let idless = r.anyIdlessInquiry();
  return {
    customer: (id) => created.get(id)?.record ?? r.customerById(id),
    isNew: (id) => created.has(id),
    insertCustomer(c: NewCustomer) {
      const id = Number(w.insertCustomer.run({ ...c, now, batchId }).lastInsertRowid);
      const record = detachedValue(recordOf(id, c));
      created.set(id, { record, tags: [], contacts: [] });
      own?.customer(record);
      return id;
    },
    updateCustomer(id, changes, before, undoable) {
      const mine = created.get(id);
      if (mine) mine.record = { ...mine.record, ...detachedValue(changes) };
      if (mine) own?.customer(mine.record);
      if (undoable) w.recordChange.run(batchId, 'customers', String(id), 'update', JSON.stringify(before));
      // Columns from FILLABLE only (write-import.ts), a set that varies: built, once per customer filled in.
      tx.run(
        tx
          .updateTable('customers')
          .set((eb) => ({ ...(changes as Updateable<CustomersTable>), updated_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', id),
      );
    },
    tagsOf: (customerId) => created.get(customerId)?.tags.slice() ?? r.tagsOf(customerId),
    insertTag(customerId, tag, undoable) {
      const mine = created.get(customerId);
      if (mine && w.insertTag.run(customerId, tag).changes > 0) mine.tags.push(detached(tag));
      else if (!mine) w.insertTag.run(customerId, tag);
      if (undoable) w.recordChange.run(batchId, 'customer_tags', `${customerId}\u001f${tag}`, 'insert', null);
    },
    contactsOf: (customerId) => created.get(customerId)?.contacts.slice() ?? r.contactsOf(customerId),
    contactByEmail: (email) => (own ? contactsByEmail.get(email) : r.contactByEmail(email)),
    insertContact(customerId, c, primary) {
      const id = Number(
        w.insertContact.run(customerId, c.name, c.title, c.email, c.phone, c.mobile, primary ? 1 : 0, now, now, batchId).lastInsertRowid,
      );
      const contact = detachedValue({ id, customer_id: customerId, name: c.name, email: c.email, phone: c.phone, mobile: c.mobile });
      created.get(customerId)?.contacts.push(contact);
      if (own) {
        own.contact(customerId, contact);
        // The oldest holder of the address, as the query orders them (customer, then contact).
        const held = contact.email ? contactsByEmail.get(contact.email) : undefined;
        if (contact.email && (!held || held.customer_id > customerId)) contactsByEmail.set(contact.email, contact);
      }
      return id;
    },
    inquiryByExternalId: (id) => r.inquiryByExternalId(id),
    inquiryByContent: (customerId, q, anyId) => (!anyId && !idless ? undefined : r.inquiryByContent(customerId, q, anyId)),
    insertInquiry(customerId, contactId, q) {
      if (q.externalId === null) idless = true;
      const r = w.insertInquiry.run(
        q.externalId,
        customerId,
        contactId,
        q.receivedAt,
        q.subject,
        q.product,
        q.productRef,
        q.quantity,
        q.unit,
        q.message,
        q.status,
        q.source,
        q.owner,
        q.repliedAt,
        now,
        batchId,
      );
      return r.changes === 0 ? null : Number(r.lastInsertRowid);
    },
    orderByExternalNo: (no) => r.orderByExternalNo(no),
    orderByContent: (customerId, orderedAt, amount, product) => r.orderByContent(customerId, orderedAt, amount, product),
    insertOrder(o: NewOrder, lines) {
      const id = Number(
        w.insertOrder.run(
          o.orderNo,
          o.customerId,
          o.orderedAt,
          o.amountMinor,
          o.currency,
          o.currencyText,
          o.product,
          o.quantity,
          o.status,
          o.cancelled ? 1 : 0,
          now,
          batchId,
        ).lastInsertRowid,
      );
      for (const l of lines) w.insertLine.run(id, l.product, l.productRef, l.quantity, l.unitPriceMinor, l.amountMinor);
      return id;
    },
    extendOrder(id, lines: readonly OrderLine[]) {
      for (const l of lines) w.insertLine.run(id, l.product, l.productRef, l.quantity, l.unitPriceMinor, l.amountMinor);
      const quantity = lines.every((l) => l.quantity !== null) ? lines.reduce((n, l) => n + (l.quantity ?? 0), 0) : null;
      const orderedAt = lines.map((l) => l.orderedAt).sort()[0] as string;
      const amount = lines.reduce((n, l) => n + l.amountMinor, 0);
      w.extendOrder.run({ id, amount, quantity, orderedAt, cancelled: lines.some((l) => l.cancelled) ? 1 : 0 });
    },
    // Fresh for every chunk: the previous chunks' customers and contacts are in the tables now.
    lookup: () => (own ? own.over(NOTHING) : sqliteLookup(tx)),
    finish() {
      // Search documents of the new customers and contacts, in two statements (their insert
      // triggers skip rows of an import: migration 0008). search_docs is the search's own table,
      // not in db/schema.ts; a contact's text is the expression the trigger of 0008 indexes.
      tx.run(
        sql`INSERT INTO search_docs (id, customer_id, text)
          SELECT id * 8, id, company FROM customers WHERE import_batch_id = ${batchId}`,
      );
      tx.run(
        sql`INSERT INTO search_docs (id, customer_id, text)
          SELECT c.id * 8 + 1, c.customer_id, ${sql.raw(CONTACT_SEARCH_TEXT('c'))} FROM contacts c WHERE c.import_batch_id = ${batchId}`,
      );
    },
  };
}

/** A book with no customers: every lookup answers none. */
const NOTHING: ExistingLookup = {
  byEmail: () => null,
  byDomain: () => null,
  byRef: () => null,
  byName: () => [],
  evidence: () => emptyEvidence(),
};

/** A customer's columns as the database would hold them after the insert (those writeImport and the matching read). */
function recordOf(id: number, c: NewCustomer): CustomerRecord {
  return {
    id,
    company: c.company,
    company_key: c.companyKey,
    priority: c.priority,
    country: c.country,
    country_text: c.countryText,
    city: c.city,
    website: c.website,
    website_domain: c.websiteDomain,
    industry: c.industry,
    business_type: c.businessType,
    source: c.source,
    owner: c.owner,
    external_ref: c.externalRef,
    buyer_level: c.buyerLevel,
  };
}

/**
 * What a dry run "wrote", answering the lookups the next chunk's matching makes as the database
 * would after a commit of the same rows: e-mail, domain, customer number and name (+ country)
 * owners, and the evidence of each customer (its contacts' domains and phones).
 */
class Overlay {
  constructor(
    /** The customers whose every record this overlay saw written (their evidence is its own, not the database's). */
    private readonly owns: (id: number) => boolean,
  ) {}

  readonly customers = new Map<number, CustomerRecord>();
  readonly emails = new Map<string, number>();
  readonly domains = new Map<string, number>();
  readonly refs = new Map<string, number>();
  readonly names = new Map<string, Set<number>>();
  readonly evidence = new Map<number, Evidence>();

  private own(map: Map<string, number>, key: string, id: number): void {
    if (!key) return;
    const had = map.get(key);
    map.set(key, had === undefined ? id : (oldestOf([had, id]) as number));
  }

  private evidenceOf(id: number): Evidence {
    let e = this.evidence.get(id);
    if (!e) {
      e = emptyEvidence();
      this.evidence.set(id, e);
    }
    return e;
  }

  customer(record: CustomerRecord): void {
    const id = record.id;
    this.customers.set(id, record);
    const key = String(record.company_key ?? '');
    if (key) {
      const set = this.names.get(key) ?? new Set<number>();
      set.add(id);
      this.names.set(key, set);
    }
    const domain = String(record.website_domain ?? '');
    this.own(this.domains, domain, id);
    this.own(this.refs, String(record.external_ref ?? ''), id);
    const e = this.evidenceOf(id);
    if (this.owns(id)) addNameEvidence(companyIdentity(record.company), e);
    if (domain) e.domains.add(domain);
  }

  contact(customerId: number, c: { email: string; phone: string; mobile: string }): void {
    this.own(this.emails, c.email, customerId);
    const e = this.evidenceOf(customerId);
    const domain = c.email ? c.email.slice(c.email.lastIndexOf('@') + 1) : '';
    if (domain && !isFreeMailDomain(domain)) {
      this.own(this.domains, domain, customerId);
      e.domains.add(domain);
    }
    for (const p of [c.phone, c.mobile]) {
      const k = p ? phoneKey(p) : '';
      if (k.length >= 7) e.phones.add(k);
    }
  }

  /** The database's answers (a lookup on the read connection) with what this dry run wrote. */
  over(base: ExistingLookup): ExistingLookup {
    const pick = (a: number | null, b: number | undefined) => oldestOf([a, b ?? null]);
    return {
      prefetch: (rows) => base.prefetch?.(rows),
      byEmail: (email) => pick(base.byEmail(email), this.emails.get(email)),
      byDomain: (domain) => pick(base.byDomain(domain), this.domains.get(domain)),
      byRef: (ref) => pick(base.byRef(ref), this.refs.get(ref)),
      byName: (companyKey, country, countryText) => {
        const changed = this.names.get(companyKey);
        const fromBase = base.byName(companyKey, country, countryText).filter((c) => !changed?.has(c.id));
        if (!changed) return fromBase;
        const mine: ExistingCandidate[] = [];
        for (const id of changed) {
          const r = this.customers.get(id) as CustomerRecord;
          mine.push({ id, company: r.company, country: String(r.country ?? ''), countryText: String(r.country_text ?? '') });
        }
        const all = [...fromBase, ...candidatesOf(mine, country, countryText)];
        return all.sort((a, b) => (oldestOf([a.id, b.id]) === a.id ? -1 : 1)).slice(0, 50);
      },
      evidence: (id) => {
        const mine = this.evidence.get(id);
        if (this.owns(id)) return mine ?? emptyEvidence();
        const e = base.evidence(id);
        if (!mine) return e;
        const merged = emptyEvidence();
        for (const k of ['forms', 'families', 'domains', 'phones'] as const) {
          for (const v of e[k]) merged[k].add(v);
          for (const v of mine[k]) merged[k].add(v);
        }
        return merged;
      },
    };
  }
}

/**
 * A dry run for the preview: reads the database through the read connection, keeps what it
 * would insert in memory (ids below zero) and answers later lookups from both.
 */
export function dryRunTarget(read: ReadDb): ImportTarget {
  const r = reads(read);
  let nextId = -1;
  const overlay = new Overlay((id) => id < 0);
  const tags = new Map<number, string[]>();
  const contacts = new Map<number, ContactRecord[]>();
  const contactsByEmail = new Map<string, ContactRecord>();
  const inquiriesById = new Map<string, number>();
  const inquiriesByContent = new Map<string, { id: number; hasId: boolean }>();
  const ordersByNo = new Map<string, { id: number; customerId: number }>();
  const ordersByContent = new Map<string, number>();
  const key = (...parts: (string | number)[]) => parts.join('\u0001');
  const dbTags = (id: number) => (id > 0 ? r.tagsOf(id) : []);
  const dbContacts = (id: number) => (id > 0 ? r.contactsOf(id) : []);
  const dbIdless = r.anyIdlessInquiry();
  return {
    customer: (id) => overlay.customers.get(id) ?? (id > 0 ? r.customerById(id) : undefined),
    isNew: (id) => id < 0,
    insertCustomer(c) {
      const id = nextId--;
      overlay.customer(detachedValue(recordOf(id, c)));
      return id;
    },
    updateCustomer(id, changes, before) {
      overlay.customer({ ...before, ...detachedValue(changes) });
    },
    tagsOf: (id) => [...dbTags(id), ...(tags.get(id) ?? [])],
    insertTag(id, tag) {
      tags.set(id, [...(tags.get(id) ?? []), detached(tag)]);
    },
    contactsOf: (id) => [...dbContacts(id), ...(contacts.get(id) ?? [])],
    contactByEmail: (email) => r.contactByEmail(email) ?? contactsByEmail.get(email),
    insertContact(customerId, c: NonNullable<PlannedRow['contact']>) {
      const contact: ContactRecord = detachedValue({
        id: nextId--,
        customer_id: customerId,
        name: c.name,
        email: c.email,
        phone: c.phone,
        mobile: c.mobile,
      });
      contacts.set(customerId, [...(contacts.get(customerId) ?? []), contact]);
      if (contact.email && !contactsByEmail.has(contact.email)) contactsByEmail.set(contact.email, contact);
      overlay.contact(customerId, contact);
      return contact.id;
    },
    inquiryByExternalId(id) {
      const mine = inquiriesById.get(id);
      return mine !== undefined ? { id: mine, label: id } : r.inquiryByExternalId(id);
    },
    inquiryByContent(customerId, q, anyId) {
      const mine = inquiriesByContent.get(key(customerId, q.receivedAt, q.subject, q.message));
      if (mine !== undefined && (anyId || !mine.hasId)) return { id: mine.id, label: q.subject };
      if (customerId < 0 || (!anyId && !dbIdless)) return undefined;
      return r.inquiryByContent(customerId, q, anyId);
    },
    insertInquiry(customerId, _contactId, q) {
      if (q.externalId && (inquiriesById.has(q.externalId) || r.inquiryByExternalId(q.externalId))) return null;
      const id = nextId--;
      if (q.externalId) inquiriesById.set(detached(q.externalId), id);
      inquiriesByContent.set(key(customerId, q.receivedAt, q.subject, q.message), { id, hasId: q.externalId !== null });
      return id;
    },
    orderByExternalNo(no) {
      const mine = ordersByNo.get(no);
      return mine !== undefined ? { id: mine.id, label: no, customerId: mine.customerId } : r.orderByExternalNo(no);
    },
    orderByContent(customerId, orderedAt, amount, product) {
      const mine = ordersByContent.get(key(customerId, orderedAt, amount, product));
      if (mine !== undefined) return { id: mine, label: product };
      return customerId > 0 ? r.orderByContent(customerId, orderedAt, amount, product) : undefined;
    },
    insertOrder(o) {
      const id = nextId--;
      if (o.orderNo) ordersByNo.set(detached(o.orderNo), { id, customerId: o.customerId });
      ordersByContent.set(key(o.customerId, o.orderedAt, o.amountMinor, o.product), id);
      return id;
    },
    extendOrder() {},
    lookup: () => overlay.over(sqliteLookup(read)),
    finish() {},
  };
}

import type { SqliteDb } from '../db/connection';
import { CONTACT_SEARCH_TEXT } from '../db/migrations/0008_import_search';
import type { JobControl } from '../services/context';
import type { CustomerGroup } from './group-customers';
import type { PlannedRow } from './plan-rows';

export interface ImportCounts {
  /** Data rows in the file. */
  rows: number;
  /** Rows that added something (a customer, contact, inquiry or order line). */
  imported: number;
  /** Rows that belong to a customer already in the database. */
  merged: number;
  /** Rows with errors, plus rows that added nothing new (already imported). */
  skipped: number;
  customersCreated: number;
  customersMerged: number;
  contactsCreated: number;
  inquiries: number;
  orders: number;
}

export function emptyCounts(rows: number): ImportCounts {
  return { rows, imported: 0, merged: 0, skipped: 0, customersCreated: 0, customersMerged: 0, contactsCreated: 0, inquiries: 0, orders: 0 };
}

/** Customer columns an import may fill when they are empty on an existing customer (it never overwrites). */
const FILLABLE = [
  ['country', 'country'],
  ['city', 'city'],
  ['website', 'website'],
  ['website_domain', 'websiteDomain'],
  ['industry', 'industry'],
  ['business_type', 'businessType'],
  ['source', 'source'],
  ['owner', 'owner'],
  ['external_ref', 'externalRef'],
  ['buyer_level', 'buyerLevel'],
] as const;

type CustomerRecord = Record<string, unknown> & { id: number; priority: string | null };

function firstNonEmpty<T>(rows: readonly PlannedRow[], pick: (r: PlannedRow) => T | null | '' | undefined): T | undefined {
  for (const r of rows) {
    const v = pick(r);
    if (v !== null && v !== '' && v !== undefined) return v;
  }
  return undefined;
}

/** The prepared statements of one import, made once on the write connection. */
function statements(sqlite: SqliteDb) {
  return {
    insertCustomer: sqlite.prepare(
      `INSERT INTO customers (company, company_key, country, city, website, website_domain, industry, business_type, source, owner,
         priority, notes, created_at, updated_at, import_batch_id, external_ref, buyer_level)
       VALUES (@company, @companyKey, @country, @city, @website, @websiteDomain, @industry, @businessType, @source, @owner,
         @priority, @notes, @createdAt, @now, @batchId, @externalRef, @buyerLevel)`,
    ),
    customerById: sqlite.prepare(`SELECT * FROM customers WHERE id = ?`),
    recordChange: sqlite.prepare(`INSERT INTO import_changes (batch_id, table_name, row_key, action, before) VALUES (?, ?, ?, ?, ?)`),
    tagsOf: sqlite.prepare(`SELECT tag FROM customer_tags WHERE customer_id = ?`).pluck(),
    insertTag: sqlite.prepare(`INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)`),
    contactsOf: sqlite.prepare(`SELECT id, name, email, phone, mobile FROM contacts WHERE customer_id = ?`),
    insertContact: sqlite.prepare(
      `INSERT INTO contacts (customer_id, name, title, email, phone, mobile, is_primary, created_at, updated_at, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    inquiryByExternalId: sqlite.prepare(`SELECT 1 FROM inquiries WHERE external_id = ?`).pluck(),
    inquiryBySubject: sqlite.prepare(`SELECT 1 FROM inquiries WHERE customer_id = ? AND received_at = ? AND subject = ?`).pluck(),
    insertInquiry: sqlite.prepare(
      `INSERT INTO inquiries (external_id, customer_id, contact_id, received_at, subject, product, product_ref, quantity, unit, message,
         status, source, owner, created_at, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    orderByExternalNo: sqlite.prepare(`SELECT 1 FROM orders WHERE external_no = ?`).pluck(),
    orderByContent: sqlite.prepare(`SELECT 1 FROM orders WHERE customer_id = ? AND ordered_at = ? AND amount_minor = ? AND product = ?`).pluck(),
    insertOrder: sqlite.prepare(
      `INSERT INTO orders (external_no, customer_id, ordered_at, amount_minor, currency, product, quantity, status, cancelled, created_at, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertLine: sqlite.prepare(
      `INSERT INTO order_lines (order_id, product, product_ref, quantity, unit_price_minor, amount_minor) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function contactKey(c: { name: string; email: string; phone: string; mobile: string }): string {
  if (c.email) return `e:${c.email}`;
  if (c.name) return `n:${c.name.toLowerCase()}`;
  return `p:${c.phone || c.mobile}`;
}

/**
 * Writes the grouped rows of one import inside the caller's transaction: new customers tagged
 * with the batch; blank fields of matched customers filled (their prior state kept for undo);
 * new contacts, inquiries and orders (lines sharing an order number are one order). Rows that
 * add nothing new (a re-import) are counted as skipped.
 */
export async function writeImport(
  sqlite: SqliteDb,
  input: { batchId: number; groups: readonly CustomerGroup[]; now: string; counts: ImportCounts },
  job: JobControl,
): Promise<void> {
  const st = statements(sqlite);
  const { batchId, groups, now, counts } = input;
  const produced = new Set<PlannedRow>();
  let done = 0;
  const total = groups.reduce((n, g) => n + g.rows.length, 0);

  for (const group of groups) {
    const rows = group.rows;
    let customerId: number;
    if (group.existingId !== null) {
      customerId = group.existingId;
      counts.customersMerged++;
      counts.merged += rows.length;
      const before = st.customerById.get(customerId) as CustomerRecord;
      const changes: Record<string, unknown> = {};
      for (const [column, field] of FILLABLE) {
        if (before[column] !== '') continue;
        const value = firstNonEmpty(rows, (r) => r.customer[field]);
        if (value !== undefined) changes[column] = value;
      }
      if (before.priority === null) {
        const priority = firstNonEmpty(rows, (r) => r.customer.priority);
        if (priority !== undefined) changes.priority = priority;
      }
      if (Object.keys(changes).length > 0) {
        st.recordChange.run(batchId, 'customers', String(customerId), 'update', JSON.stringify(before));
        const sets = Object.keys(changes).map((c) => `${c} = @${c}`);
        sqlite
          .prepare(`UPDATE customers SET ${sets.join(', ')}, updated_at = @now, version = version + 1 WHERE id = @id`)
          .run({ ...changes, now, id: customerId });
      }
      const tags = new Set((st.tagsOf.all(customerId) as string[]).map((t) => t.toLowerCase()));
      for (const tag of new Set(rows.flatMap((r) => r.customer.tags))) {
        if (tags.has(tag.toLowerCase())) continue;
        st.insertTag.run(customerId, tag);
        st.recordChange.run(batchId, 'customer_tags', `${customerId}\u001f${tag}`, 'insert', null);
        tags.add(tag.toLowerCase());
      }
    } else {
      const c = rows[0]!.customer;
      const fill = <K extends keyof PlannedRow['customer']>(k: K) => firstNonEmpty(rows, (r) => r.customer[k]) ?? c[k];
      const r = st.insertCustomer.run({
        company: c.company,
        companyKey: c.companyKey,
        country: fill('country'),
        city: fill('city'),
        website: fill('website'),
        websiteDomain: fill('websiteDomain'),
        industry: fill('industry'),
        businessType: fill('businessType'),
        source: fill('source'),
        owner: fill('owner'),
        priority: firstNonEmpty(rows, (x) => x.customer.priority) ?? null,
        notes: fill('notes'),
        createdAt: firstNonEmpty(rows, (x) => x.customer.createdAt) ?? now,
        now,
        batchId,
        externalRef: fill('externalRef'),
        buyerLevel: fill('buyerLevel'),
      });
      customerId = Number(r.lastInsertRowid);
      counts.customersCreated++;
      for (const tag of new Set(rows.flatMap((x) => x.customer.tags))) st.insertTag.run(customerId, tag);
      produced.add(rows[0]!);
    }

    // People: one contact per e-mail (else per name) per customer.
    const known = new Map<string, number>();
    const existingContacts =
      group.existingId === null ? [] : (st.contactsOf.all(customerId) as { id: number; name: string; email: string; phone: string; mobile: string }[]);
    for (const c of existingContacts) {
      known.set(contactKey(c), c.id);
      if (c.name) known.set(`n:${c.name.toLowerCase()}`, c.id);
    }
    let hasPrimary = existingContacts.length > 0;
    const contactOfRow = new Map<PlannedRow, number>();
    for (const row of rows) {
      const c = row.contact;
      if (!c) continue;
      const key = contactKey(c);
      let id = known.get(key) ?? (c.email ? undefined : known.get(`n:${c.name.toLowerCase()}`));
      if (id === undefined) {
        id = Number(st.insertContact.run(customerId, c.name, c.title, c.email, c.phone, c.mobile, hasPrimary ? 0 : 1, now, now, batchId).lastInsertRowid);
        hasPrimary = true;
        counts.contactsCreated++;
        known.set(key, id);
        produced.add(row);
      }
      contactOfRow.set(row, id);
    }

    // Inquiries.
    for (const row of rows) {
      const q = row.inquiry;
      if (!q) continue;
      const exists = q.externalId ? st.inquiryByExternalId.get(q.externalId) : st.inquiryBySubject.get(customerId, q.receivedAt, q.subject);
      if (exists) continue;
      st.insertInquiry.run(
        q.externalId,
        customerId,
        contactOfRow.get(row) ?? null,
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
        now,
        batchId,
      );
      counts.inquiries++;
      produced.add(row);
    }

    // Orders: lines sharing an order number are one order.
    const orders = new Map<string, PlannedRow[]>();
    for (const row of rows) {
      if (!row.orderLine) continue;
      const key = row.orderLine.orderNo ?? `row:${row.row}`;
      const list = orders.get(key) ?? [];
      list.push(row);
      orders.set(key, list);
    }
    for (const lines of orders.values()) {
      const head = lines[0]!.orderLine!;
      const amount = lines.reduce((s, l) => s + l.orderLine!.amountMinor, 0);
      const exists = head.orderNo ? st.orderByExternalNo.get(head.orderNo) : st.orderByContent.get(customerId, head.orderedAt, amount, head.product);
      if (exists) continue;
      const orderedAt = lines.map((l) => l.orderLine!.orderedAt).sort()[0] ?? head.orderedAt;
      const quantity = lines.every((l) => l.orderLine!.quantity !== null) ? lines.reduce((s, l) => s + (l.orderLine!.quantity ?? 0), 0) : null;
      const product = lines.length === 1 ? head.product : `${head.product} (+${lines.length - 1})`;
      const orderId = Number(
        st.insertOrder.run(
          head.orderNo,
          customerId,
          orderedAt,
          amount,
          head.currency,
          product.slice(0, 500),
          quantity,
          head.status,
          lines.some((l) => l.orderLine!.cancelled) ? 1 : 0,
          now,
          batchId,
        ).lastInsertRowid,
      );
      for (const l of lines) {
        const o = l.orderLine!;
        st.insertLine.run(orderId, o.product, o.productRef, o.quantity, o.unitPriceMinor, o.amountMinor);
        produced.add(l);
      }
      counts.orders++;
    }

    done += rows.length;
    if (done % 2000 < rows.length) {
      job.progress(done, total, 'writing');
      await job.checkpoint();
    }
  }
  // Search documents of the new customers and contacts, in two statements (their insert triggers
  // skip rows of an import: migration 0008).
  job.progress(total, total, 'indexing');
  sqlite.prepare(`INSERT INTO search_docs (id, customer_id, text) SELECT id * 8, id, company FROM customers WHERE import_batch_id = ?`).run(batchId);
  sqlite
    .prepare(`INSERT INTO search_docs (id, customer_id, text) SELECT c.id * 8 + 1, c.customer_id, ${CONTACT_SEARCH_TEXT('c')} FROM contacts c WHERE c.import_batch_id = ?`)
    .run(batchId);
  for (const group of groups) {
    for (const row of group.rows) {
      if (produced.has(row)) counts.imported++;
      else counts.skipped++;
    }
  }
  job.progress(total, total, 'writing');
}

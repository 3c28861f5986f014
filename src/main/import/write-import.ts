import type { Selectable } from 'kysely';
import type { DuplicateOf, RowDuplicate } from '../../shared/domain/import';
import type { ContactsTable, CustomersTable } from '../db/schema';
import type { JobControl } from '../services/context';
import type { CustomerGroup, ExistingLookup } from './group-customers';
import { detachedValue } from './detached-string';
import type { PlannedRow } from './plan-rows';

/**
 * What an import did with the rows it read. Every row ends in exactly one of imported, merged,
 * duplicates or failed, so `imported + merged + duplicates + failed === rows`.
 */
export interface ImportCounts {
  /** Data rows read from the file. */
  rows: number;
  /** Rows that created a customer or added to one this import created. */
  imported: number;
  /** Rows that added to a customer already in the database (the merges list says which). */
  merged: number;
  /** Rows that added nothing new: an earlier row of the file or a record already there has it (listed). */
  duplicates: number;
  /** Rows with problems, not imported (listed with a code; downloadable). */
  failed: number;
  /** duplicates + failed. */
  skipped: number;
  customersCreated: number;
  customersMerged: number;
  contactsCreated: number;
  inquiries: number;
  orders: number;
}

/** An import's counts before its first row. */
export function emptyCounts(rows: number): ImportCounts {
  return {
    rows,
    imported: 0,
    merged: 0,
    duplicates: 0,
    failed: 0,
    skipped: 0,
    customersCreated: 0,
    customersMerged: 0,
    contactsCreated: 0,
    inquiries: 0,
    orders: 0,
  };
}

/** Reports list at most this many duplicates and merged customers (the counts are always whole). */
export const MAX_LISTED = 500;

export interface MergedInto {
  customerId: number;
  company: string;
  rows: number;
}

export interface WriteResult {
  counts: ImportCounts;
  duplicates: RowDuplicate[];
  mergedInto: MergedInto[];
  /** The customer each group went to (created or existing), by group key. */
  customerOfGroup: Map<string, number>;
}

/** Customer columns an import may fill when they are empty on an existing customer (it never overwrites, never renames). */
const FILLABLE = [
  ['country', 'country'],
  ['country_text', 'countryText'],
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

/** A customer's row as the import reads it (every column; those below are the ones it relies on). */
export type CustomerRecord = Record<string, unknown> & Pick<Selectable<CustomersTable>, 'id' | 'company' | 'priority' | 'country'>;
export type ContactRecord = Pick<Selectable<ContactsTable>, 'id' | 'customer_id' | 'name' | 'email' | 'phone' | 'mobile'>;
/** A customer an import creates: the planned fields, with the creation time settled. */
export type NewCustomer = Omit<PlannedRow['customer'], 'legalForm' | 'legalFormText' | 'tags' | 'createdAt'> & { createdAt: string };
type Inquiry = NonNullable<PlannedRow['inquiry']>;
export interface NewOrder {
  orderNo: string | null;
  customerId: number;
  orderedAt: string;
  amountMinor: number;
  currency: string;
  currencyText: string;
  product: string;
  quantity: number | null;
  status: string;
  cancelled: boolean;
}

/**
 * Where an import's decisions go. The database (commit) and a dry run (preview, over the read
 * connection with what the run "inserted" kept in memory) implement it, so the preview's figures
 * come from the very code that writes.
 */
export interface ImportTarget {
  customer(id: number): CustomerRecord | undefined;
  /** Whether this import created the customer (an earlier chunk of the file did). */
  isNew(id: number): boolean;
  insertCustomer(c: NewCustomer): number;
  /** Fills blank fields; `undoable`: recorded so an undo puts the customer back (not for a customer this import created). */
  updateCustomer(id: number, changes: Record<string, unknown>, before: CustomerRecord, undoable: boolean): void;
  tagsOf(customerId: number): string[];
  insertTag(customerId: number, tag: string, undoable: boolean): void;
  contactsOf(customerId: number): ContactRecord[];
  /** The contact holding this e-mail address anywhere in the book (the oldest), if any. */
  contactByEmail(email: string): ContactRecord | undefined;
  insertContact(customerId: number, c: NonNullable<PlannedRow['contact']>, primary: boolean): number;
  inquiryByExternalId(externalId: string): { id: number; label: string } | undefined;
  /**
   * The same inquiry by its content (customer, time, subject and message): for a row whose ID a
   * spreadsheet mangled (`anyId`: any inquiry), or, for a row with an ID, one imported earlier without it.
   */
  inquiryByContent(customerId: number, q: Inquiry, anyId: boolean): { id: number; label: string } | undefined;
  /** Inserts the inquiry; null (nothing written) when one with its ID is already there. */
  insertInquiry(customerId: number, contactId: number | null, q: Inquiry): number | null;
  orderByExternalNo(orderNo: string): { id: number; label: string; customerId: number } | undefined;
  /** Adds lines to an order this import created (its number's lines continue in a later chunk of the file). */
  extendOrder(orderId: number, lines: readonly NonNullable<PlannedRow['orderLine']>[]): void;
  orderByContent(customerId: number, orderedAt: string, amountMinor: number, product: string): { id: number; label: string } | undefined;
  insertOrder(o: NewOrder, lines: readonly NonNullable<PlannedRow['orderLine']>[]): number;
  /** The customers as they are now, for matching the next chunk's rows (see group-customers). */
  lookup(): ExistingLookup;
  /** After the rows: search documents of what this import added. */
  finish(): void;
}

function firstNonEmpty<T>(rows: readonly PlannedRow[], pick: (r: PlannedRow) => T | null | '' | undefined): T | undefined {
  for (const r of rows) {
    const v = pick(r);
    if (v !== null && v !== '' && v !== undefined) return v;
  }
  return undefined;
}

function contactKey(c: { name: string; email: string; phone: string; mobile: string }): string {
  if (c.email) return `e:${c.email}`;
  if (c.name) return `n:${c.name.toLowerCase()}`;
  return `p:${c.phone || c.mobile}`;
}

/** Per row of the import: whether it added anything, and else what it repeats. */
class RowLedger {
  private readonly produced = new Set<PlannedRow>();
  private readonly repeats = new Map<PlannedRow, DuplicateOf>();
  private readonly repeatKind = new Map<PlannedRow, string>();
  /** The file row that created a record in this import, by kind and id. */
  private readonly createdBy = {
    customer: new Map<number, number>(),
    contact: new Map<number, number>(),
    inquiry: new Map<number, number>(),
    order: new Map<number, number>(),
    /** Never filled here: a catalogue's rows are written by services/products/import-products.ts. */
    product: new Map<number, number>(),
  };

  add(row: PlannedRow): void {
    this.produced.add(row);
  }
  created(kind: Exclude<DuplicateOf['kind'], 'row'>, id: number, row: PlannedRow): void {
    this.createdBy[kind].set(id, row.row);
    this.produced.add(row);
  }
  /**
   * The row repeats a record: an earlier row of this file when this import created it, else the
   * record. The most telling one is kept: an inquiry or order over the contact or customer.
   */
  repeat(row: PlannedRow, kind: Exclude<DuplicateOf['kind'], 'row'>, id: number, label: string): void {
    const weak = (k: string | undefined) => k === 'contact' || k === 'customer';
    if (this.repeats.has(row) && !(weak(this.repeatKind.get(row)) && !weak(kind))) return;
    this.repeatKind.set(row, kind);
    const by = this.createdBy[kind].get(id);
    this.repeats.set(row, by !== undefined && by !== row.row ? { kind: 'row', row: by } : { kind, id, label });
  }
  /** Whether this import created the record. */
  isCreated(kind: Exclude<DuplicateOf['kind'], 'row'>, id: number): boolean {
    return this.createdBy[kind].has(id);
  }
  /** The file row that created this customer in this import, if it did. */
  creatorOf(customerId: number): number | undefined {
    return this.createdBy.customer.get(customerId);
  }
  /** After a group's rows are accounted for: what is kept per row is no longer needed. */
  endGroup(): void {
    this.produced.clear();
    this.repeats.clear();
    this.repeatKind.clear();
  }
  hasProduced(row: PlannedRow): boolean {
    return this.produced.has(row);
  }
  repeatOf(row: PlannedRow): DuplicateOf | undefined {
    return this.repeats.get(row);
  }
}

/**
 * Writes the grouped rows of one import into a target, a chunk of the file at a time: new
 * customers; blank fields of matched customers filled (never overwritten, never renamed); new
 * contacts (an e-mail address never lands on a second customer), inquiries and orders (lines
 * sharing an order number are one order). Every row is accounted for: imported, merged, or a
 * duplicate of what it repeats. A group matched to a customer an earlier chunk created is that
 * customer's rows: imported, not merged.
 */
export class ImportWriter {
  private readonly counts = emptyCounts(0);
  private readonly ledger = new RowLedger();
  private readonly customerOfGroup = new Map<string, number>();
  /** The first group key of each customer this import created (names it in possible duplicates). */
  private readonly groupOfCustomer = new Map<number, string>();
  private readonly mergedInto = new Map<number, MergedInto>();
  /** Customers of the database this import added to (each once, however many groups of rows went to it). */
  private readonly merged = new Set<number>();
  private readonly duplicates: RowDuplicate[] = [];
  private duplicateCount = 0;
  private done = 0;

  constructor(
    private readonly target: ImportTarget,
    private readonly now: string,
    private readonly job: JobControl,
    /** Rows in the whole file, for progress. */
    private readonly total: number,
  ) {}

  /** The group key that created a customer of this import. */
  groupKeyOf(customerId: number): string | undefined {
    return this.groupOfCustomer.get(customerId);
  }

  async write(groups: readonly CustomerGroup[]): Promise<void> {
    const { target, now, counts, ledger, customerOfGroup, mergedInto } = this;
    const chunkDuplicates: RowDuplicate[] = [];
    for (const group of groups) {
      const rows = group.rows;
      let customerId: number;
      let existing: CustomerRecord | undefined;
      /** Matched to a customer that was there before this import (not one an earlier chunk created). */
      let merging = false;
      if (group.existingId !== null) {
        customerId = group.existingId;
        existing = target.customer(customerId);
        merging = !target.isNew(customerId);
        if (merging) this.merged.add(customerId);
        const before = existing as CustomerRecord;
        const changes: Record<string, unknown> = {};
        for (const [column, field] of FILLABLE) {
          if (before[column] !== '' && before[column] !== undefined && before[column] !== null) continue;
          // An unrecognised country text is kept only while there is no recognised country.
          if (column === 'country_text' && (before.country !== '' || changes.country !== undefined)) continue;
          const value = firstNonEmpty(rows, (r) => r.customer[field]);
          if (value !== undefined) changes[column] = value;
        }
        if (changes.country !== undefined && before.country_text) changes.country_text = '';
        if (before.priority === null) {
          const priority = firstNonEmpty(rows, (r) => r.customer.priority);
          if (priority !== undefined) changes.priority = priority;
        }
        if (Object.keys(changes).length > 0) {
          target.updateCustomer(customerId, changes, before, merging);
          ledger.add(rows[0] as PlannedRow);
        }
        const tags = new Set(target.tagsOf(customerId).map((t) => t.toLowerCase()));
        for (const row of rows) {
          for (const tag of row.customer.tags) {
            if (tags.has(tag.toLowerCase())) continue;
            target.insertTag(customerId, tag, merging);
            tags.add(tag.toLowerCase());
            ledger.add(row);
          }
        }
      } else {
        const c = rows[0]!.customer;
        const fill = <K extends keyof PlannedRow['customer']>(k: K) => firstNonEmpty(rows, (r) => r.customer[k]) ?? c[k];
        const country = fill('country');
        customerId = target.insertCustomer({
          company: c.company,
          companyKey: c.companyKey,
          country,
          countryText: country ? '' : fill('countryText'),
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
          externalRef: fill('externalRef'),
          buyerLevel: fill('buyerLevel'),
        });
        counts.customersCreated++;
        for (const tag of new Set(rows.flatMap((x) => x.customer.tags))) target.insertTag(customerId, tag, false);
        ledger.created('customer', customerId, rows[0]!);
        this.groupOfCustomer.set(customerId, group.key);
      }
      customerOfGroup.set(group.key, customerId);

      // People: one contact per e-mail (else per name) per customer; an address already held by
      // another customer is not copied to this one.
      const known = new Map<string, ContactRecord>();
      const existingContacts = group.existingId === null ? [] : target.contactsOf(customerId);
      for (const c of existingContacts) {
        known.set(contactKey(c), c);
        if (c.name) known.set(`n:${c.name.toLowerCase()}`, c);
      }
      let hasPrimary = existingContacts.length > 0;
      const contactOfRow = new Map<PlannedRow, number>();
      for (const row of rows) {
        const c = row.contact;
        if (!c) continue;
        const key = contactKey(c);
        let contact = known.get(key) ?? (c.email ? undefined : known.get(`n:${c.name.toLowerCase()}`));
        if (!contact && c.email) {
          const elsewhere = target.contactByEmail(c.email);
          if (elsewhere && elsewhere.customer_id !== customerId) {
            ledger.repeat(row, 'contact', elsewhere.id, elsewhere.email);
            continue;
          }
        }
        if (!contact) {
          const id = target.insertContact(customerId, c, !hasPrimary);
          hasPrimary = true;
          counts.contactsCreated++;
          contact = { id, customer_id: customerId, name: c.name, email: c.email, phone: c.phone, mobile: c.mobile };
          known.set(key, contact);
          // A later row naming the same person without an address is this contact (as for contacts already there).
          if (c.name && !known.has(`n:${c.name.toLowerCase()}`)) known.set(`n:${c.name.toLowerCase()}`, contact);
          ledger.created('contact', id, row);
        } else {
          ledger.repeat(row, 'contact', contact.id, contact.name || contact.email || contact.phone || contact.mobile);
        }
        contactOfRow.set(row, contact.id);
      }

      // Inquiries: by their ID (inserted unless it is there: one statement on the usual path), else by
      // customer + time + subject + message (an ID a spreadsheet mangled is no ID).
      for (const row of rows) {
        const q = row.inquiry;
        if (!q) continue;
        const sameContent = target.inquiryByContent(customerId, q, q.externalId === null);
        if (sameContent) {
          ledger.repeat(row, 'inquiry', sameContent.id, sameContent.label);
          continue;
        }
        const id = target.insertInquiry(customerId, contactOfRow.get(row) ?? null, q);
        if (id === null) {
          const found = target.inquiryByExternalId(q.externalId as string);
          if (found) ledger.repeat(row, 'inquiry', found.id, found.label);
          continue;
        }
        counts.inquiries++;
        ledger.created('inquiry', id, row);
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
        const product = lines.length === 1 ? head.product : `${head.product} (+${lines.length - 1})`;
        const found = head.orderNo
          ? target.orderByExternalNo(head.orderNo)
          : target.orderByContent(customerId, head.orderedAt, amount, product.slice(0, 500));
        if (found && 'customerId' in found && found.customerId === customerId && ledger.isCreated('order', found.id)) {
          // More lines of an order an earlier chunk of the file began: they belong to it.
          target.extendOrder(
            found.id,
            lines.map((l) => l.orderLine!),
          );
          for (const l of lines) ledger.add(l);
          continue;
        }
        if (found) {
          for (const l of lines) ledger.repeat(l, 'order', found.id, found.label);
          continue;
        }
        const orderedAt = lines.map((l) => l.orderLine!.orderedAt).sort()[0] ?? head.orderedAt;
        const quantity = lines.every((l) => l.orderLine!.quantity !== null)
          ? lines.reduce((s, l) => s + (l.orderLine!.quantity ?? 0), 0)
          : null;
        const id = target.insertOrder(
          {
            orderNo: head.orderNo,
            customerId,
            orderedAt,
            amountMinor: amount,
            currency: head.currency,
            currencyText: head.currencyText,
            product: product.slice(0, 500),
            quantity,
            status: head.status,
            cancelled: lines.some((l) => l.orderLine!.cancelled),
          },
          lines.map((l) => l.orderLine!),
        );
        for (const l of lines) ledger.created('order', id, l);
        counts.orders++;
      }

      // Every row of the group: imported, merged, or a duplicate of what it repeats.
      for (const row of rows) {
        if (ledger.hasProduced(row)) {
          if (merging && existing) {
            counts.merged++;
            const m = mergedInto.get(customerId) ?? { customerId, company: existing.company, rows: 0 };
            m.rows++;
            mergedInto.set(customerId, m);
          } else counts.imported++;
        } else {
          counts.duplicates++;
          const creator = ledger.creatorOf(customerId);
          const of =
            ledger.repeatOf(row) ??
            (creator !== undefined
              ? { kind: 'row' as const, row: creator }
              : { kind: 'customer' as const, id: customerId, label: existing?.company ?? '' });
          chunkDuplicates.push({ row: row.row, of });
        }
      }
      ledger.endGroup();
      this.done += rows.length;
      if (this.done % 2000 < rows.length) {
        this.job.progress(this.done, this.total, 'writing');
        await this.job.checkpoint();
      }
    }
    // Duplicates are listed by row, the first MAX_LISTED of the file (chunks come in file order).
    chunkDuplicates.sort((a, b) => a.row - b.row);
    this.duplicateCount += chunkDuplicates.length;
    for (const d of chunkDuplicates) if (this.duplicates.length < MAX_LISTED) this.duplicates.push({ row: d.row, of: detachedValue(d.of) });
  }

  /** After the last chunk: the search documents of what was added, and the whole account. */
  finish(rowsRead: number, failedRows: number): WriteResult {
    this.job.progress(this.total, this.total, 'indexing');
    this.target.finish();
    const counts = { ...this.counts, rows: rowsRead, failed: failedRows, customersMerged: this.merged.size };
    counts.skipped = counts.duplicates + counts.failed;
    return {
      counts,
      duplicates: this.duplicates,
      mergedInto: [...this.mergedInto.values()].slice(0, MAX_LISTED),
      customerOfGroup: this.customerOfGroup,
    };
  }
}

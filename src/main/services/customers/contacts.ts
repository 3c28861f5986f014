import { sql, type Selectable, type Updateable } from 'kysely';
import type { contactInputSchema, Contact } from '../../../shared/domain/customer';
import { AppError } from '../../../shared/errors';
import type { ContactsTable } from '../../db/schema';
import type { WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import type { z } from 'zod';

type ContactFields = z.output<typeof contactInputSchema>;

export function toContact(r: Selectable<ContactsTable>): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    email: r.email,
    phone: r.phone,
    mobile: r.mobile,
    whatsapp: r.whatsapp,
    wechat: r.wechat,
    skype: r.skype,
    language: r.language,
    isPrimary: r.is_primary === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = {
  name: 'name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  whatsapp: 'whatsapp',
  wechat: 'wechat',
  skype: 'skype',
  language: 'language',
} as const;

function clearPrimary(tx: WriteTx, customerId: number, exceptId: number): void {
  tx.run(tx.updateTable('contacts').set({ is_primary: 0 }).where('customer_id', '=', customerId).where('id', '<>', exceptId));
}

function touchCustomer(tx: WriteTx, customerId: number, now: string): void {
  tx.run(
    tx
      .updateTable('customers')
      .set({ updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', customerId),
  );
}

export function insertContact(tx: WriteTx, customerId: number, c: ContactFields, now: string): number {
  const id = tx.run(
    tx.insertInto('contacts').values({
      customer_id: customerId,
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
      mobile: c.mobile,
      whatsapp: c.whatsapp,
      wechat: c.wechat,
      skype: c.skype,
      language: c.language,
      is_primary: c.isPrimary ? 1 : 0,
      created_at: now,
      updated_at: now,
      import_batch_id: null,
    }),
  ).lastInsertRowid;
  if (c.isPrimary) clearPrimary(tx, customerId, id);
  return id;
}

function loadContact(tx: WriteTx, id: number): Contact {
  const r = tx.first(tx.selectFrom('contacts').selectAll().where('id', '=', id));
  if (!r) throw new AppError('NOT_FOUND', `contact ${id} does not exist`, { id });
  return toContact(r);
}

export function addContact(ctx: ServiceContext, customerId: number, contact: ContactFields): Promise<Contact> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const customer = tx.first(tx.selectFrom('customers').select('id').where('id', '=', customerId));
    if (!customer) throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
    const existing = tx.first(tx.selectFrom('contacts').select('id').where('customer_id', '=', customerId).limit(1));
    const id = insertContact(tx, customerId, { ...contact, isPrimary: contact.isPrimary || !existing }, now);
    touchCustomer(tx, customerId, now);
    return loadContact(tx, id);
  });
}

export function updateContact(ctx: ServiceContext, id: number, patch: Partial<ContactFields>): Promise<Contact> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const current = loadContact(tx, id);
    const values: Updateable<ContactsTable> = { updated_at: now };
    for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]][]) {
      const value = patch[key];
      if (value !== undefined) values[column] = value;
    }
    if (patch.isPrimary !== undefined) values.is_primary = patch.isPrimary ? 1 : 0;
    tx.run(tx.updateTable('contacts').set(values).where('id', '=', id));
    if (patch.isPrimary) clearPrimary(tx, current.customerId, id);
    touchCustomer(tx, current.customerId, now);
    return loadContact(tx, id);
  });
}

export function removeContact(ctx: ServiceContext, id: number): Promise<{ removed: boolean }> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const row = tx.first(tx.selectFrom('contacts').select(['customer_id', 'is_primary']).where('id', '=', id));
    if (!row) throw new AppError('NOT_FOUND', `contact ${id} does not exist`, { id });
    tx.run(tx.deleteFrom('contacts').where('id', '=', id));
    if (row.is_primary === 1) {
      // Another contact of the same customer takes over as primary.
      const next = tx.first(tx.selectFrom('contacts').select('id').where('customer_id', '=', row.customer_id).orderBy('id').limit(1));
      if (next) tx.run(tx.updateTable('contacts').set({ is_primary: 1 }).where('id', '=', next.id));
    }
    touchCustomer(tx, row.customer_id, now);
    return { removed: true };
  });
}

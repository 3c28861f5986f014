import { sql, type Kysely } from 'kysely';
import { contactInputSchema, type Contact } from '../../shared/domain/customer';
import { AppError } from '../../shared/errors';
import type { DB } from '../db/schema';
import { isoNow, type ServiceContext } from './context';
import type { z } from 'zod';

type ContactFields = z.output<typeof contactInputSchema>;

export interface ContactRecord {
  id: number;
  customer_id: number;
  name: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  whatsapp: string;
  wechat: string;
  skype: string;
  language: string;
  is_primary: number;
  created_at: string;
  updated_at: string;
}

export function toContact(r: ContactRecord): Contact {
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

async function clearPrimary(db: Kysely<DB>, customerId: number, exceptId: number): Promise<void> {
  await db.updateTable('contacts').set({ is_primary: 0 }).where('customer_id', '=', customerId).where('id', '<>', exceptId).execute();
}

async function touchCustomer(db: Kysely<DB>, customerId: number, now: string): Promise<void> {
  await db.updateTable('customers').set({ updated_at: now, version: sql<number>`version + 1` }).where('id', '=', customerId).execute();
}

export async function insertContact(db: Kysely<DB>, customerId: number, c: ContactFields, now: string): Promise<number> {
  const { id } = await db
    .insertInto('contacts')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.isPrimary) await clearPrimary(db, customerId, id);
  return id;
}

async function loadContact(db: Kysely<DB>, id: number): Promise<Contact> {
  const r = (await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst()) as ContactRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', `contact ${id} does not exist`, { id });
  return toContact(r);
}

export async function addContact(ctx: ServiceContext, customerId: number, contact: ContactFields): Promise<Contact> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async (trx) => {
    const customer = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
    if (!customer) throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
    const existing = await trx.selectFrom('contacts').select('id').where('customer_id', '=', customerId).limit(1).executeTakeFirst();
    const id = await insertContact(trx, customerId, { ...contact, isPrimary: contact.isPrimary || !existing }, now);
    await touchCustomer(trx, customerId, now);
    return loadContact(trx, id);
  });
}

export async function updateContact(ctx: ServiceContext, id: number, patch: Partial<ContactFields>): Promise<Contact> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async (trx) => {
    const current = await loadContact(trx, id);
    const values: Record<string, unknown> = { updated_at: now };
    for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      if (patch[key] !== undefined) values[column] = patch[key];
    }
    if (patch.isPrimary !== undefined) values.is_primary = patch.isPrimary ? 1 : 0;
    await trx.updateTable('contacts').set(values).where('id', '=', id).execute();
    if (patch.isPrimary) await clearPrimary(trx, current.customerId, id);
    await touchCustomer(trx, current.customerId, now);
    return loadContact(trx, id);
  });
}

export async function removeContact(ctx: ServiceContext, id: number): Promise<{ removed: boolean }> {
  const now = isoNow(ctx);
  return ctx.kysely.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contacts').select(['customer_id', 'is_primary']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `contact ${id} does not exist`, { id });
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
    if (row.is_primary === 1) {
      // Another contact of the same customer takes over as primary.
      const next = await trx.selectFrom('contacts').select('id').where('customer_id', '=', row.customer_id).orderBy('id').limit(1).executeTakeFirst();
      if (next) await trx.updateTable('contacts').set({ is_primary: 1 }).where('id', '=', next.id).execute();
    }
    await touchCustomer(trx, row.customer_id, now);
    return { removed: true };
  });
}

/**
 * The products a customer asked for (inquiries) and bought (order lines; an order without lines by
 * its own product text), linked to catalogue products where they match: the reference
 * (inquiries.product_ref / order_lines.product_ref) equal to a product's Alibaba product id, else
 * to its SKU; else the product text equal to a SKU, English or Chinese name (trimmed,
 * case-insensitively). What matches nothing is listed by its text as written.
 */
import { sql } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { CustomerProduct } from '../../../shared/domain/products';
import { AppError } from '../../../shared/errors';
import type { ReadDb } from '../../db/sql';
import type { ServiceContext } from '../context';

export interface Mention {
  text: string;
  ref: string;
  quantity: number | null;
  at: string;
}

export interface Catalogued {
  id: number;
  sku: string;
  name_en: string;
  name_zh: string;
  alibaba_product_id: string | null;
  archived_at: string | null;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** SQLite's IN takes at most this many values at a time here (well under its variable limit). */
const IN_CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

/** The catalogue products the mentions could name (fetched by what they say, not the whole catalogue). */
export function candidates(db: ReadDb, mentions: readonly Pick<Mention, 'text' | 'ref'>[]): Catalogued[] {
  const refs = [...new Set(mentions.map((m) => m.ref.trim()).filter(Boolean))];
  const texts = [...new Set(mentions.map((m) => m.text.trim()).filter(Boolean))];
  const byId = new Map<number, Catalogued>();
  const base = () => db.selectFrom('products').select(['id', 'sku', 'name_en', 'name_zh', 'alibaba_product_id', 'archived_at']);
  for (const part of chunks(refs)) {
    for (const r of db.all(base().where((eb) => eb.or([eb('alibaba_product_id', 'in', part), eb('sku', 'in', part)])))) byId.set(r.id, r);
  }
  for (const part of chunks(texts)) {
    const rows = db.all(
      base().where((eb) =>
        eb.or([eb('sku', 'in', part), eb(sql`name_en COLLATE NOCASE`, 'in', part), eb(sql`name_zh COLLATE NOCASE`, 'in', part)]),
      ),
    );
    for (const r of rows) byId.set(r.id, r);
  }
  return [...byId.values()];
}

/** What a mention names: a catalogue product (and how it matched), else its folded text. */
export interface MentionMatch {
  /** `p:<id>` for a catalogue product, `t:<folded text>` otherwise. */
  key: string;
  product: Catalogued | undefined;
  matchedBy: CustomerProduct['matchedBy'];
}

/**
 * The matcher of mentions against catalogue products: the reference as an Alibaba product id,
 * else as a SKU, else the text as a SKU or a name. Null for a mention that says nothing.
 */
export function mentionMatcher(catalogue: readonly Catalogued[]): (m: Pick<Mention, 'text' | 'ref'>) => MentionMatch | null {
  // Active products first, then the oldest: the one a key names when several share it.
  const ordered = [...catalogue].sort((a, b) => Number(a.archived_at !== null) - Number(b.archived_at !== null) || a.id - b.id);
  const byAlibaba = new Map<string, Catalogued>();
  const bySku = new Map<string, Catalogued>();
  const byName = new Map<string, Catalogued>();
  for (const p of ordered) {
    if (p.alibaba_product_id && !byAlibaba.has(fold(p.alibaba_product_id))) byAlibaba.set(fold(p.alibaba_product_id), p);
    if (!bySku.has(fold(p.sku))) bySku.set(fold(p.sku), p);
    for (const name of [p.sku, p.name_en, p.name_zh]) if (name.trim() && !byName.has(fold(name))) byName.set(fold(name), p);
  }
  return (m) => {
    const ref = fold(m.ref);
    const text = fold(m.text);
    if (!ref && !text) return null;
    let hit: Catalogued | undefined;
    let matchedBy: CustomerProduct['matchedBy'] = null;
    if (ref && (hit = byAlibaba.get(ref))) matchedBy = 'alibabaId';
    else if (ref && (hit = bySku.get(ref))) matchedBy = 'sku';
    else if (text && (hit = byName.get(text))) matchedBy = 'name';
    return { key: hit ? `p:${hit.id}` : `t:${text || ref}`, product: hit, matchedBy };
  };
}

/** Groups mentions by the catalogue product they name, else by their folded text. */
export function groupMentions(mentions: readonly Mention[], catalogue: readonly Catalogued[]): CustomerProduct[] {
  const match = mentionMatcher(catalogue);
  const groups = new Map<string, CustomerProduct>();
  for (const m of mentions) {
    const found = match(m);
    if (!found) continue;
    const { key, product: hit, matchedBy } = found;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        productId: hit?.id ?? null,
        sku: hit?.sku ?? null,
        nameEn: hit?.name_en ?? null,
        nameZh: hit?.name_zh ?? null,
        text: m.text.trim() || m.ref.trim(),
        matchedBy,
        count: 1,
        lastAt: m.at,
        quantity: m.quantity,
      });
      continue;
    }
    g.count++;
    if (m.at > g.lastAt) g.lastAt = m.at;
    if (m.quantity !== null) g.quantity = (g.quantity ?? 0) + m.quantity;
  }
  return [...groups.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt) || b.count - a.count || a.text.localeCompare(b.text));
}

export function customerProducts(ctx: ServiceContext, customerId: number): ChannelOutput<'products.ofCustomer'> {
  const db = ctx.read;
  if (!db.first(db.selectFrom('customers').select('id').where('id', '=', customerId))) {
    throw new AppError('NOT_FOUND', `customer ${customerId} does not exist`, { id: customerId });
  }
  const asked: Mention[] = db
    .all(db.selectFrom('inquiries').select(['product', 'product_ref', 'quantity', 'received_at']).where('customer_id', '=', customerId))
    .map((r) => ({ text: r.product, ref: r.product_ref, quantity: r.quantity, at: r.received_at }));
  const lines: Mention[] = db
    .all(
      db
        .selectFrom('order_lines as l')
        .innerJoin('orders as o', 'o.id', 'l.order_id')
        .select(['l.product', 'l.product_ref', 'l.quantity', 'o.ordered_at'])
        .where('o.customer_id', '=', customerId)
        .where('o.cancelled', '=', 0),
    )
    .map((r) => ({ text: r.product, ref: r.product_ref, quantity: r.quantity, at: r.ordered_at }));
  const bare: Mention[] = db
    .all(
      db
        .selectFrom('orders as o')
        .select(['o.product', 'o.quantity', 'o.ordered_at'])
        .where('o.customer_id', '=', customerId)
        .where('o.cancelled', '=', 0)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('order_lines as l').select('l.id').whereRef('l.order_id', '=', 'o.id')))),
    )
    .map((r) => ({ text: r.product, ref: '', quantity: r.quantity, at: r.ordered_at }));
  const bought = [...lines, ...bare];
  const catalogue = candidates(db, [...asked, ...bought]);
  return { asked: groupMentions(asked, catalogue), bought: groupMentions(bought, catalogue) };
}

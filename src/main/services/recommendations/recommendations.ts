/**
 * Recommendations from what buyers asked for and bought (#21 item 5), explained by who bought:
 * - for a customer, the products bought by customers like it (its cohort: same industry and UN M49
 *   region; widened to the industry anywhere, then to the region, when fewer than MIN_BUYERS others
 *   bought anything) that it never asked for nor bought, ranked by how many of the cohort's buyers
 *   who share a product with this customer also bought it, then by buyers;
 * - for a catalogue product, the active customers in the cohorts whose buyers bought it who have
 *   neither bought nor asked for it, ranked by the share of their cohort that bought it.
 * Purchases name products as the customer panel matches them (customer-products.ts: Alibaba id, SKU
 * or name; else the text as written).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Cohort, ProductRef, ProductSuggestion } from '../../../shared/domain/recommendations';
import { AppError } from '../../../shared/errors';
import type { ReadDb } from '../../db/sql';
import { countriesOfAreas, regionOf } from '../../geo/regions';
import type { ServiceContext } from '../context';
import { candidates, mentionMatcher, type Catalogued, type MentionMatch } from '../products/customer-products';

/** A cohort is used when at least this many other customers of it bought anything. */
const MIN_BUYERS = 3;

interface Purchase {
  customerId: number;
  text: string;
  ref: string;
}

/** Purchases (order lines; an order without lines by its own product) of the customers a condition selects. */
function purchases(db: ReadDb, where: RawBuilder<boolean>): Purchase[] {
  const lines = db.all(
    sql<Purchase>`SELECT o.customer_id AS customerId, l.product AS text, l.product_ref AS ref
      FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id
      WHERE o.cancelled = 0 AND c.archived_at IS NULL AND ${where}`,
  );
  const bare = db.all(
    sql<Purchase>`SELECT o.customer_id AS customerId, o.product AS text, '' AS ref
      FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.cancelled = 0 AND c.archived_at IS NULL AND ${where}
        AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)`,
  );
  return [...lines, ...bare];
}

/** What a customer asked for (inquiries) and bought. */
function ownMentions(db: ReadDb, customerId: number): Purchase[] {
  const asked = db.all(
    db
      .selectFrom('inquiries')
      .select(['customer_id as customerId', 'product as text', 'product_ref as ref'])
      .where('customer_id', '=', customerId),
  );
  return [...asked, ...purchases(db, sql<boolean>`c.id = ${customerId}`)];
}

function refOf(match: MentionMatch, text: string): ProductRef {
  const p = match.product;
  return {
    productId: p?.id ?? null,
    sku: p?.sku ?? null,
    nameEn: p?.name_en ?? null,
    nameZh: p?.name_zh ?? null,
    text: p ? p.name_en || p.name_zh || p.sku : text.trim(),
  };
}

/** Customer ids → the product keys each bought, with a representative reference per key. */
function keysByCustomer(list: readonly Purchase[], match: (m: Purchase) => MentionMatch | null, refs: Map<string, ProductRef>) {
  const byCustomer = new Map<number, Set<string>>();
  for (const p of list) {
    const m = match(p);
    if (!m) continue;
    if (!refs.has(m.key)) refs.set(m.key, refOf(m, p.text || p.ref));
    let keys = byCustomer.get(p.customerId);
    if (!keys) byCustomer.set(p.customerId, (keys = new Set()));
    keys.add(m.key);
  }
  return byCustomer;
}

export function recommendForCustomer(
  ctx: ServiceContext,
  input: ChannelParsedInput<'recommendations.forCustomer'>,
): ChannelOutput<'recommendations.forCustomer'> {
  const db = ctx.read;
  const customer = db.first(db.selectFrom('customers').select(['id', 'industry', 'country']).where('id', '=', input.customerId));
  if (!customer) throw new AppError('NOT_FOUND', `customer ${input.customerId} does not exist`, { id: input.customerId });
  const region = regionOf(customer.country);
  const industry = customer.industry.trim();
  const regionCountries = region.code ? (countriesOfAreas([], [region.code]) ?? []) : [];

  const scopes: { scope: Cohort['scope']; where: () => RawBuilder<boolean> }[] = [];
  const inRegion = () => sql<boolean>`c.country IN (SELECT value FROM json_each(${JSON.stringify(regionCountries)}))`;
  const inIndustry = () => sql<boolean>`c.industry = ${industry} COLLATE NOCASE`;
  if (industry && region.code) scopes.push({ scope: 'both', where: () => sql<boolean>`${inIndustry()} AND ${inRegion()}` });
  if (industry) scopes.push({ scope: 'industry', where: inIndustry });
  if (region.code) scopes.push({ scope: 'region', where: inRegion });

  let chosen: { scope: Cohort['scope']; list: Purchase[]; buyers: number } | null = null;
  for (const s of scopes) {
    const list = purchases(db, sql<boolean>`c.id <> ${customer.id} AND ${s.where()}`);
    const buyers = new Set(list.map((p) => p.customerId)).size;
    if (!chosen || buyers > chosen.buyers) chosen = { scope: s.scope, list, buyers };
    if (buyers >= MIN_BUYERS) break;
  }
  if (!chosen) return { cohort: null, items: [] };

  const own = ownMentions(db, customer.id);
  const match = mentionMatcher(candidates(db, [...own, ...chosen.list]) as Catalogued[]);
  const refs = new Map<string, ProductRef>();
  const ownKeys = new Set(keysByCustomer(own, match, refs).get(customer.id) ?? []);
  const cohortKeys = keysByCustomer(chosen.list, match, refs);

  const tally = new Map<string, { buyers: number; also: number; shared: Map<string, number> }>();
  for (const keys of cohortKeys.values()) {
    const sharedWithMe = [...keys].filter((k) => ownKeys.has(k));
    for (const key of keys) {
      if (ownKeys.has(key)) continue;
      let t = tally.get(key);
      if (!t) tally.set(key, (t = { buyers: 0, also: 0, shared: new Map() }));
      t.buyers++;
      if (sharedWithMe.length) {
        t.also++;
        for (const s of sharedWithMe) t.shared.set(s, (t.shared.get(s) ?? 0) + 1);
      }
    }
  }
  const items: ProductSuggestion[] = [...tally].map(([key, t]) => {
    const top = [...t.shared].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return { ...refs.get(key)!, buyers: t.buyers, alsoBoughtBuyers: t.also, alsoBought: top ? refs.get(top[0])! : null };
  });
  items.sort((a, b) => b.alsoBoughtBuyers - a.alsoBoughtBuyers || b.buyers - a.buyers || a.text.localeCompare(b.text));
  return {
    cohort: { industry, region: { code: region.code, name: region.name }, scope: chosen.scope, buyers: chosen.buyers },
    items: items.slice(0, input.limit),
  };
}

export function recommendForProduct(
  ctx: ServiceContext,
  input: ChannelParsedInput<'recommendations.forProduct'>,
): ChannelOutput<'recommendations.forProduct'> {
  const db = ctx.read;
  const product = db.first(
    db
      .selectFrom('products')
      .select(['id', 'sku', 'name_en', 'name_zh', 'alibaba_product_id', 'archived_at'])
      .where('id', '=', input.productId),
  );
  if (!product) throw new AppError('NOT_FOUND', `product ${input.productId} does not exist`, { id: input.productId });
  const keys = [product.sku, product.name_en, product.name_zh].map((s) => s.trim()).filter(Boolean);
  const refKeys = [product.sku, product.alibaba_product_id ?? ''].map((s) => s.trim()).filter(Boolean);
  const names = JSON.stringify(keys);
  const references = JSON.stringify(refKeys);
  // Every purchase and inquiry that could name the product (then matched as the panel matches them).
  const mentionsOf = (textCol: string, refCol: string | null) => {
    const byText = sql<boolean>`trim(${sql.ref(textCol)}) COLLATE NOCASE IN (SELECT value FROM json_each(${names}))`;
    return refCol
      ? sql<boolean>`(${byText} OR trim(${sql.ref(refCol)}) COLLATE NOCASE IN (SELECT value FROM json_each(${references})))`
      : byText;
  };
  const bought = [
    ...db.all(
      sql<Purchase>`SELECT o.customer_id AS customerId, l.product AS text, l.product_ref AS ref
        FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.cancelled = 0 AND ${mentionsOf('l.product', 'l.product_ref')}`,
    ),
    ...db.all(
      sql<Purchase>`SELECT o.customer_id AS customerId, o.product AS text, '' AS ref FROM orders o
        WHERE o.cancelled = 0 AND ${mentionsOf('o.product', null)} AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)`,
    ),
  ];
  const asked = db.all(
    sql<Purchase>`SELECT customer_id AS customerId, product AS text, product_ref AS ref FROM inquiries WHERE ${mentionsOf('product', 'product_ref')}`,
  );
  const match = mentionMatcher(candidates(db, [...bought, ...asked]) as Catalogued[]);
  const isThis = (p: Purchase) => match(p)?.key === `p:${product.id}`;
  const buyers = new Set(bought.filter(isThis).map((p) => p.customerId));
  const excluded = new Set([...buyers, ...asked.filter(isThis).map((p) => p.customerId)]);

  // Cohorts (industry × region) of the buyers, and every active customer of those industries.
  const cohortOf = (industry: string, country: string) => `${industry.trim().toLowerCase()}\u0001${regionOf(country).code}`;
  const buyerRows = buyers.size
    ? db.all(
        db
          .selectFrom('customers')
          .select(['id', 'industry', 'country'])
          .where(sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify([...buyers])}))`),
      )
    : [];
  const cohortBuyers = new Map<string, number>();
  for (const r of buyerRows) {
    if (!r.industry.trim() || !regionOf(r.country).code) continue;
    const k = cohortOf(r.industry, r.country);
    cohortBuyers.set(k, (cohortBuyers.get(k) ?? 0) + 1);
  }
  const industries = [...new Set(buyerRows.map((r) => r.industry.trim()).filter(Boolean))];
  const people = industries.length
    ? db.all(
        db
          .selectFrom('customers')
          .select(['id', 'company', 'country', 'industry', 'owner'])
          .where('archived_at', 'is', null)
          .where(sql<boolean>`trim(industry) COLLATE NOCASE IN (SELECT value FROM json_each(${JSON.stringify(industries)}))`),
      )
    : [];
  const cohortSize = new Map<string, number>();
  for (const r of people) {
    const k = cohortOf(r.industry, r.country);
    if (cohortBuyers.has(k)) cohortSize.set(k, (cohortSize.get(k) ?? 0) + 1);
  }
  const items = people
    .filter((r) => !excluded.has(r.id) && cohortBuyers.has(cohortOf(r.industry, r.country)))
    .map((r) => {
      const k = cohortOf(r.industry, r.country);
      const region = regionOf(r.country);
      return {
        customerId: r.id,
        company: r.company,
        country: r.country,
        industry: r.industry,
        owner: r.owner,
        cohortBuyers: cohortBuyers.get(k)!,
        cohortSize: cohortSize.get(k)!,
        region: { code: region.code, name: region.name },
      };
    })
    .sort(
      (a, b) =>
        b.cohortBuyers / b.cohortSize - a.cohortBuyers / a.cohortSize ||
        b.cohortBuyers - a.cohortBuyers ||
        a.company.localeCompare(b.company),
    );
  return {
    product: {
      productId: product.id,
      sku: product.sku,
      nameEn: product.name_en,
      nameZh: product.name_zh,
      text: product.name_en || product.name_zh || product.sku,
    },
    buyers: buyers.size,
    items: items.slice(0, input.limit),
  };
}

/**
 * What a deal opened from an inquiry starts with: the title from the inquiry's product and
 * quantity, the amount from the catalogue product it names (its Alibaba product id, else its
 * name) at the price tier of the quantity, the owner from the customer.
 */
import { sql } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { readPriceTiers, tierFor } from '../../../shared/domain/price-tiers';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteTx } from '../../db/sql';
import { readUserCurrency } from '../currency/currency';

export function proposeFromInquiry(db: ReadDb | WriteTx, inquiryId: number): ChannelOutput<'deals.propose'> {
  const inq = db.first(
    db
      .selectFrom('inquiries as i')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .select(['i.customer_id', 'c.company', 'c.owner', 'i.subject', 'i.product', 'i.product_ref', 'i.quantity', 'i.unit'])
      .where('i.id', '=', inquiryId),
  );
  if (!inq) throw new AppError('NOT_FOUND', `inquiry ${inquiryId} does not exist`, { id: inquiryId });
  const product = inq.product.trim();
  const what = product || inq.subject.trim() || inq.company;
  const title = (inq.quantity ? `${what} × ${inq.quantity}${inq.unit ? ` ${inq.unit}` : ''}` : what).slice(0, 200);
  let match: { sku: string; currency: string; price_tiers: string } | undefined;
  const ref = inq.product_ref.trim();
  const live = db.selectFrom('products').select(['sku', 'currency', 'price_tiers']).where('archived_at', 'is', null);
  if (ref) match = db.first(live.where('alibaba_product_id', '=', ref).orderBy('id').limit(1));
  if (!match && product)
    match = db.first(
      live
        .where((eb) => eb.or([eb(sql`name_en COLLATE NOCASE`, '=', product), eb('name_zh', '=', product), eb('sku', '=', product)]))
        .orderBy('id')
        .limit(1),
    );
  const tier = match && inq.quantity ? tierFor(readPriceTiers(match.price_tiers), inq.quantity) : null;
  return {
    customerId: inq.customer_id,
    company: inq.company,
    title,
    amountMinor: tier && inq.quantity ? tier.tier.unitPriceMinor * inq.quantity : 0,
    currency: tier && match ? match.currency : readUserCurrency(db).base,
    owner: inq.owner,
    productSku: tier && match ? match.sku : null,
  };
}

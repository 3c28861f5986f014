import { readPriceTiers } from '../../../shared/domain/price-tiers';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../context';

/** Catalogue products (not archived) whose SKU or name holds the query, SKU order; for the quotation line picker. */
export function quotableProducts(
  ctx: ServiceContext,
  input: ChannelParsedInput<'quotations.products'>,
): ChannelOutput<'quotations.products'> {
  const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = ctx.read
    .selectFrom('products')
    .select(['id', 'sku', 'name_en', 'name_zh', 'unit', 'currency', 'moq', 'price_tiers'])
    .where('archived_at', 'is', null);
  if (input.query) {
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('like', ['sku', eb.val(like)]), '=', 1),
        eb(eb.fn('like', ['name_en', eb.val(like)]), '=', 1),
        eb(eb.fn('like', ['name_zh', eb.val(like)]), '=', 1),
      ]),
    );
  }
  return ctx.read.all(q.orderBy('sku').limit(input.limit)).map((p) => ({
    id: p.id,
    sku: p.sku,
    nameEn: p.name_en,
    nameZh: p.name_zh,
    unit: p.unit,
    currency: p.currency,
    moq: p.moq,
    priceTiers: readPriceTiers(p.price_tiers),
  }));
}

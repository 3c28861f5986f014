import { readPriceTiers } from '../../../shared/domain/price-tiers';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../context';

/** Catalogue products (not archived) whose SKU or name holds the query, SKU order; for the quotation line picker. */
export function quotableProducts(
  ctx: ServiceContext,
  input: ChannelParsedInput<'quotations.products'>,
): ChannelOutput<'quotations.products'> {
  const needle = input.query.toLowerCase();
  let q = ctx.read
    .selectFrom('products')
    .select(['id', 'sku', 'name_en', 'name_zh', 'unit', 'currency', 'moq', 'price_tiers'])
    .where('archived_at', 'is', null);
  if (needle) {
    // instr on lower(): no LIKE wildcards to escape in what the user typed (Chinese has no case).
    q = q.where((eb) => {
      const holds = (column: 'sku' | 'name_en' | 'name_zh') =>
        eb(eb.fn<number>('instr', [eb.fn('lower', [column]), eb.val(needle)]), '>', 0);
      return eb.or([holds('sku'), holds('name_en'), holds('name_zh')]);
    });
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

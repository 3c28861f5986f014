import { readPriceTiers, tierFor } from '../../../shared/domain/price-tiers';
import { type DocumentLanguage, type QuotationLine, type QuotationLineInput } from '../../../shared/domain/quotations';
import { AppError } from '../../../shared/errors';
import type { ReadDb, WriteTx } from '../../db/sql';

/** A line ready to be written: a catalogue product's price from its quantity's tier, its name in the document's language. */
export interface LineRow {
  product_id: number | null;
  sku: string | null;
  description: string;
  unit: string;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
}

/** A product's name as a document in `language` prints it (bilingual: English then Chinese). */
export function productDescription(p: { sku: string; name_en: string; name_zh: string }, language: DocumentLanguage): string {
  const en = p.name_en.trim();
  const zh = p.name_zh.trim();
  const text = language === 'zh' ? zh || en : language === 'both' ? [en, zh].filter(Boolean).join(' / ') : en || zh;
  return (text || p.sku).slice(0, 500);
}

/**
 * The lines as written: a product line takes the product's SKU, unit and name unless given, and the
 * unit price of its quantity's tier unless one is given (the tiers must then be in the document's
 * currency); a free line needs a description and a price.
 */
export function resolveLines(tx: WriteTx, lines: readonly QuotationLineInput[], currency: string, language: DocumentLanguage): LineRow[] {
  return lines.map((line, index) => {
    const quantity = line.quantity;
    if (line.productId) {
      const p = tx.first(
        tx
          .selectFrom('products')
          .select(['id', 'sku', 'name_en', 'name_zh', 'unit', 'currency', 'price_tiers'])
          .where('id', '=', line.productId),
      );
      if (!p) throw new AppError('NOT_FOUND', `product ${line.productId} does not exist`, { productId: line.productId, line: index });
      let price = line.unitPriceMinor ?? null;
      if (price === null) {
        if (p.currency !== currency) {
          throw new AppError('QUOTATION_PRODUCT_CURRENCY', `product ${p.sku} is priced in ${p.currency}, the document in ${currency}`, {
            line: index,
            sku: p.sku,
            productCurrency: p.currency,
            currency,
          });
        }
        const hit = tierFor(readPriceTiers(p.price_tiers), quantity);
        if (!hit)
          throw new AppError('QUOTATION_NO_PRICE', `product ${p.sku} has no price tiers; give a unit price`, { line: index, sku: p.sku });
        price = hit.tier.unitPriceMinor;
      }
      return {
        product_id: p.id,
        sku: line.sku ?? p.sku,
        description: line.description ?? productDescription(p, language),
        unit: line.unit ?? p.unit,
        quantity,
        unit_price_minor: price,
        amount_minor: quantity * price,
      };
    }
    if (!line.description)
      throw new AppError('INVALID_INPUT', `line ${index + 1} needs a description`, { line: index, field: 'description' });
    if (line.unitPriceMinor === undefined || line.unitPriceMinor === null) {
      throw new AppError('QUOTATION_NO_PRICE', `line ${index + 1} needs a unit price`, { line: index });
    }
    return {
      product_id: null,
      sku: line.sku ?? null,
      description: line.description,
      unit: line.unit ?? 'pcs',
      quantity,
      unit_price_minor: line.unitPriceMinor,
      amount_minor: quantity * line.unitPriceMinor,
    };
  });
}

/**
 * Replaces a document's lines and sets its total to their sum, in the caller's transaction (the
 * total is never written apart from its lines).
 */
export function writeLines(tx: WriteTx, quotationId: number, rows: readonly LineRow[]): number {
  tx.run(tx.deleteFrom('quotation_lines').where('quotation_id', '=', quotationId));
  let total = 0;
  rows.forEach((row, position) => {
    tx.run(tx.insertInto('quotation_lines').values({ ...row, quotation_id: quotationId, position }));
    total += row.amount_minor;
  });
  tx.run(tx.updateTable('quotations').set({ total_minor: total }).where('id', '=', quotationId));
  return total;
}

/** A document's lines as the editor shows them, with the catalogue's MOQ (or first tier) and whether the quantity is under it. */
export function readLines(db: ReadDb | WriteTx, quotationId: number): QuotationLine[] {
  const rows = db.all(
    db
      .selectFrom('quotation_lines as l')
      .leftJoin('products as p', 'p.id', 'l.product_id')
      .select([
        'l.id',
        'l.position',
        'l.product_id',
        'l.sku',
        'l.description',
        'l.unit',
        'l.quantity',
        'l.unit_price_minor',
        'l.amount_minor',
        'p.moq',
        'p.price_tiers',
      ])
      .where('l.quotation_id', '=', quotationId)
      .orderBy('l.position'),
  );
  return rows.map((r) => {
    const firstTier = r.price_tiers ? (readPriceTiers(r.price_tiers)[0]?.minQty ?? null) : null;
    const moq = r.moq ?? firstTier;
    return {
      id: r.id,
      position: r.position,
      productId: r.product_id,
      sku: r.sku,
      description: r.description,
      unit: r.unit,
      quantity: r.quantity,
      unitPriceMinor: r.unit_price_minor,
      amountMinor: r.amount_minor,
      moq,
      belowMoq: r.product_id !== null && moq !== null && r.quantity < moq,
    };
  });
}

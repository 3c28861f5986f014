import type { TFunction } from 'i18next';
import { tierFor } from '../../../../shared/domain/price-tiers';
import {
  formatMinor,
  parseMinor,
  type DocumentLanguage,
  type QuotableProduct,
  type Quotation,
  type QuotationLineInput,
} from '../../../../shared/domain/quotations';

/** A line as the editor holds it: text as typed, and the catalogue product it came from. */
export interface EditorLine {
  key: number;
  product: QuotableProduct | null;
  sku: string;
  description: string;
  /** The user typed the description (a product's name is no longer put in by language). */
  descriptionTyped: boolean;
  unit: string;
  quantity: string;
  price: string;
  /** The user typed the price (the tier no longer sets it). */
  priceTyped: boolean;
  moq: number | null;
}

let nextKey = 1;
export const newLineKey = () => nextKey++;

export const emptyLine = (): EditorLine => ({
  key: newLineKey(),
  product: null,
  sku: '',
  description: '',
  descriptionTyped: false,
  unit: 'pcs',
  quantity: '1',
  price: '',
  priceTyped: false,
  moq: null,
});

/** A product's name for a document in `language` (as the engine prints it). */
export function productName(p: Pick<QuotableProduct, 'sku' | 'nameEn' | 'nameZh'>, language: DocumentLanguage): string {
  const en = p.nameEn.trim();
  const zh = p.nameZh.trim();
  const text = language === 'zh' ? zh || en : language === 'both' ? [en, zh].filter(Boolean).join(' / ') : en || zh;
  return text || p.sku;
}

export const quantityOf = (text: string): number | null => (/^\d{1,10}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null);

/** The tier price of the line's quantity when the product is priced in the document's currency. */
export function tierPrice(line: EditorLine, currency: string): { minor: number; minQty: number } | null {
  if (!line.product || line.product.currency !== currency) return null;
  const hit = tierFor(line.product.priceTiers, quantityOf(line.quantity) ?? 1);
  return hit ? { minor: hit.tier.unitPriceMinor, minQty: hit.tier.minQty } : null;
}

/** The line after a change: a product line's price follows its tier until typed, its name the language until typed. */
export function settle(line: EditorLine, currency: string, language: DocumentLanguage): EditorLine {
  let next = line;
  if (line.product && !line.priceTyped) {
    const tier = tierPrice(line, currency);
    next = { ...next, price: tier ? formatMinor(tier.minor, currency).replace(/,/g, '') : '' };
  }
  if (line.product && !line.descriptionTyped) next = { ...next, description: productName(line.product, language) };
  return next;
}

export function fromProduct(p: QuotableProduct, quantity: string, currency: string, language: DocumentLanguage): EditorLine {
  const moq = p.moq ?? p.priceTiers[0]?.minQty ?? null;
  return settle(
    {
      key: newLineKey(),
      product: p,
      sku: p.sku,
      description: '',
      descriptionTyped: false,
      unit: p.unit,
      quantity: quantity || String(moq ?? 1),
      price: '',
      priceTyped: false,
      moq,
    },
    currency,
    language,
  );
}

/** A saved document's lines in the editor (their prices as saved, kept unless changed). */
export function fromSaved(q: Quotation): EditorLine[] {
  return q.lines.map((l) => ({
    key: newLineKey(),
    product: l.productId
      ? { id: l.productId, sku: l.sku ?? '', nameEn: '', nameZh: '', unit: l.unit, currency: q.currency, moq: l.moq, priceTiers: [] }
      : null,
    sku: l.sku ?? '',
    description: l.description,
    descriptionTyped: true,
    unit: l.unit,
    quantity: String(l.quantity),
    price: formatMinor(l.unitPriceMinor, q.currency).replace(/,/g, ''),
    priceTyped: true,
    moq: l.moq,
  }));
}

export type LineErrors = Partial<Record<'quantity' | 'price' | 'description', string>>;

/** The lines as the engine takes them, or the problems of each line (localized). */
export function toInput(
  t: TFunction,
  lines: readonly EditorLine[],
  currency: string,
): { lines: QuotationLineInput[]; errors: null } | { lines: null; errors: LineErrors[] } {
  const errors: LineErrors[] = [];
  const out: QuotationLineInput[] = [];
  for (const line of lines) {
    const e: LineErrors = {};
    const quantity = quantityOf(line.quantity);
    const price = parseMinor(line.price, currency);
    if (quantity === null) e.quantity = t('quotations.editor.errors.quantity');
    if (price === null) e.price = t('quotations.editor.errors.price');
    if (!line.description.trim()) e.description = t('quotations.editor.errors.description');
    errors.push(e);
    if (quantity !== null && price !== null) {
      out.push({
        productId: line.product?.id ?? null,
        sku: line.sku.trim() || null,
        description: line.description.trim() || null,
        unit: line.unit.trim() || null,
        quantity,
        unitPriceMinor: price,
      });
    }
  }
  return errors.some((e) => Object.keys(e).length > 0) ? { lines: null, errors } : { lines: out, errors: null };
}

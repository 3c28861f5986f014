import type { TFunction } from 'i18next';
import type { Product, ProductFieldsInput } from '../../../../shared/domain/products';
import { currencyDigits } from '../../lib/money-format';

/** The form's values as typed (text), money in major units of the product's currency. */
export interface ProductFormValues {
  sku: string;
  nameEn: string;
  nameZh: string;
  category: string;
  unit: string;
  moq: string;
  currency: string;
  tiers: { qty: string; price: string }[];
  cost: string;
  costCurrency: string;
  hsCode: string;
  unitsPerCarton: string;
  cartonLengthCm: string;
  cartonWidthCm: string;
  cartonHeightCm: string;
  cartonWeightKg: string;
  leadTimeDays: string;
  alibabaProductId: string;
  notes: string;
}

export type FormErrors = Partial<Record<string, string>>;

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function majorText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export function formValues(p: Product | null): ProductFormValues {
  const currency = p?.currency ?? 'USD';
  return {
    sku: p?.sku ?? '',
    nameEn: p?.nameEn ?? '',
    nameZh: p?.nameZh ?? '',
    category: p?.category ?? '',
    unit: p?.unit ?? 'pcs',
    moq: text(p?.moq),
    currency,
    tiers: (p?.priceTiers ?? []).map((t) => ({ qty: String(t.minQty), price: majorText(t.unitPriceMinor, currency) })),
    cost: p?.costMinor === null || p?.costMinor === undefined ? '' : majorText(p.costMinor, p.costCurrency ?? currency),
    costCurrency: p?.costCurrency ?? '',
    hsCode: p?.hsCode ?? '',
    unitsPerCarton: text(p?.unitsPerCarton),
    cartonLengthCm: text(p?.cartonLengthCm),
    cartonWidthCm: text(p?.cartonWidthCm),
    cartonHeightCm: text(p?.cartonHeightCm),
    cartonWeightKg: text(p?.cartonWeightKg),
    leadTimeDays: text(p?.leadTimeDays),
    alibabaProductId: p?.alibabaProductId ?? '',
    notes: p?.notes ?? '',
  };
}

/** Major units typed ("12.80", "1,280.5") → minor units, or null when it is not an amount. */
export function toMinor(value: string, currency: string): number | null {
  const s = value.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const digits = currencyDigits(currency);
  const n = Math.round(Number(s) * 10 ** digits);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The values as the engine's input, or the errors (localized, by field name: sku, moq, tiers.0.qty…).
 * Empty optional fields are null.
 */
export function toInput(t: TFunction, v: ProductFormValues): { input: ProductFieldsInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const currency = v.currency.trim().toUpperCase();
  const costCurrency = v.costCurrency.trim().toUpperCase();
  if (!v.sku.trim()) errors.sku = t('products.errors.required');
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = t('products.errors.currency');
  if (costCurrency && !/^[A-Z]{3}$/.test(costCurrency)) errors.costCurrency = t('products.errors.currency');
  const whole = (key: keyof ProductFormValues, min = 1): number | null => {
    const s = (v[key] as string).trim();
    if (!s) return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < min) errors[key] = t('products.errors.wholeNumber');
    return n;
  };
  const positive = (key: keyof ProductFormValues): number | null => {
    const s = (v[key] as string).trim();
    if (!s) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) errors[key] = t('products.errors.number');
    return n;
  };
  const tiers: { minQty: number; unitPriceMinor: number }[] = [];
  const seen = new Set<number>();
  v.tiers.forEach((tier, i) => {
    if (!tier.qty.trim() && !tier.price.trim()) return;
    const qty = Number(tier.qty);
    if (!Number.isInteger(qty) || qty < 1) errors[`tiers.${i}.qty`] = t('products.errors.wholeNumber');
    else if (seen.has(qty)) errors[`tiers.${i}.qty`] = t('products.errors.tierTwice');
    seen.add(qty);
    const price = toMinor(tier.price, currency);
    if (price === null) errors[`tiers.${i}.price`] = t('products.errors.amount');
    if (price !== null && Number.isInteger(qty) && qty >= 1) tiers.push({ minQty: qty, unitPriceMinor: price });
  });
  if (tiers.length > 20) errors.tiers = t('products.errors.tooMany');
  const cost = v.cost.trim() ? toMinor(v.cost, costCurrency || currency) : null;
  if (v.cost.trim() && cost === null) errors.cost = t('products.errors.amount');
  const input: ProductFieldsInput = {
    sku: v.sku.trim(),
    nameEn: v.nameEn.trim(),
    nameZh: v.nameZh.trim(),
    category: v.category.trim() || null,
    unit: v.unit.trim() || 'pcs',
    moq: whole('moq'),
    currency,
    priceTiers: tiers,
    costMinor: cost,
    costCurrency: costCurrency || null,
    hsCode: v.hsCode.trim() || null,
    unitsPerCarton: whole('unitsPerCarton'),
    cartonLengthCm: positive('cartonLengthCm'),
    cartonWidthCm: positive('cartonWidthCm'),
    cartonHeightCm: positive('cartonHeightCm'),
    cartonWeightKg: positive('cartonWeightKg'),
    leadTimeDays: whole('leadTimeDays', 0),
    alibabaProductId: v.alibabaProductId.trim() || null,
    notes: v.notes.trim() || null,
  };
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

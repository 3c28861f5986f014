/**
 * How the catalogue writes a product's price tiers and carton size as text, and reads them back:
 * the export writes these, the import reads them (and the forms people already keep in Excel:
 * "100+: 2.50; 500+: 2.20", "100-499: 2.5 / 500+ 2.2", "60x40x35 cm", "600*400*350mm").
 */
import type { PriceTier } from '../../../shared/domain/price-tiers';
import { currencyExponent, parseAmount } from './money';

export function minorToMajorText(minor: number, currency: string): string {
  const digits = currencyExponent(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** "100+: 2.50; 500+: 2.20" (major units of the currency). */
export function tiersText(tiers: readonly PriceTier[], currency: string): string {
  return tiers.map((t) => `${t.minQty}+: ${minorToMajorText(t.unitPriceMinor, currency)}`).join('; ');
}

const TIER =
  /^\s*(?:[≥>]=?\s*)?(\d[\d,]*)\s*(?:(?:pcs|pc|件|个|套|台|只|sets?|units?)\s*)?(?:\+|以上|及以上|起|and up|or more|(?:-|~|～|–|至|to)\s*\d[\d,]*\s*(?:pcs|pc|件|个|套|台|只|sets?|units?)?)?\s*[:：=]?\s*(.+?)\s*$/iu;

/**
 * A price-tier text → tiers (ascending), or null when a part of it does not read. Parts are split
 * by ';', '；', '|' or line breaks; each is a minimum quantity (a range's start) and a price.
 */
export function parseTiersText(text: string, currency: string): PriceTier[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[;|\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return [];
  const tiers = new Map<number, number>();
  for (const part of parts) {
    const m = TIER.exec(part);
    if (!m) return null;
    const minQty = Number((m[1] ?? '').replace(/,/g, ''));
    // "2.50/pc", "2.50 per set": the unit after the price says nothing more.
    const price = parseAmount((m[2] ?? '').replace(/\s*(?:\/|per\s)\s*\p{L}+\.?$/iu, ''), currency);
    if (!Number.isSafeInteger(minQty) || minQty < 1 || price === null || price < 0) return null;
    if (tiers.has(minQty)) return null;
    tiers.set(minQty, price);
  }
  return [...tiers].map(([minQty, unitPriceMinor]) => ({ minQty, unitPriceMinor })).sort((a, b) => a.minQty - b.minQty);
}

/**
 * The minimum quantity a price column's header names ("Price 1000+", "单价(≥500)", "1000pcs+",
 * "FOB 100-499"), or null when the header names none.
 */
export function tierHeaderQuantity(header: string): number | null {
  const h = header.normalize('NFKC');
  const m =
    /(?:^|[^\d])(\d[\d,]*)\s*(?:pcs|pc|件|个|套|台|只|sets?|units?)?\s*(?:\+|以上|及以上|起|(?:-|~|–|至)\s*\d)/iu.exec(h) ??
    /[≥>]=?\s*(\d[\d,]*)/u.exec(h);
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** "60x40x35 cm" / "60*40*35" / "600×400×350mm" / "60 x 40 x 35 (cm)" → centimetres, or null. */
export function parseCartonSize(text: string): { length: number; width: number; height: number } | null {
  const s = text.normalize('NFKC').trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*[x*×]\s*(\d+(?:\.\d+)?)\s*[x*×]\s*(\d+(?:\.\d+)?)\s*\(?\s*(cm|mm|m|厘米|毫米|公分)?\s*\)?$/u.exec(s);
  if (!m) return null;
  const unit = m[4] ?? 'cm';
  const factor = unit === 'mm' || unit === '毫米' ? 0.1 : unit === 'm' ? 100 : 1;
  const [length, width, height] = [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * factor * 100) / 100) as [number, number, number];
  if (![length, width, height].every((v) => v > 0 && v <= 100_000)) return null;
  return { length, width, height };
}

export function cartonSizeText(l: number | null, w: number | null, h: number | null): string {
  return l !== null && w !== null && h !== null ? `${l}x${w}x${h} cm` : '';
}

/** A weight "12.5", "12.5 kg", "12500 g", "12.5公斤" → kilograms, or null. */
export function parseWeightKg(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  const m = /^(\d+(?:\.\d+)?)\s*(kgs?|g|克|千克|公斤)?$/iu.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === 'g' || m[2] === '克' ? 0.001 : 1);
  return n > 0 && n <= 100_000 ? Math.round(n * 1000) / 1000 : null;
}

/** A lead time "15", "15 days", "15天", "15-20 days" (the longer end), "2 weeks", "3周" → days, or null. */
export function parseLeadTimeDays(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 3650 ? value : null;
  const m = /^(\d+)(?:\s*(?:-|~|～|–|至|to)\s*(\d+))?\s*(days?|d|天|工作日|working days|weeks?|wks?|周|星期)?$/iu.exec(
    value.normalize('NFKC').trim(),
  );
  if (!m) return null;
  const n = Number(m[2] ?? m[1]) * (/^(weeks?|wks?|周|星期)$/iu.test(m[3] ?? '') ? 7 : 1);
  return n <= 3650 ? n : null;
}

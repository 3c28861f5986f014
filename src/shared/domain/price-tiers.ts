import { z } from 'zod';

/**
 * A catalogue product's prices by quantity (#21): each tier is the unit price (minor units of the
 * product's currency) from a minimum quantity up. Kept in products.price_tiers as JSON, ascending by
 * minQty, one tier per minQty. A quotation line takes the tier of its quantity.
 */
export const priceTierSchema = z.strictObject({
  minQty: z.number().int().min(1).max(1_000_000_000),
  unitPriceMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type PriceTier = z.infer<typeof priceTierSchema>;

export const priceTiersSchema = z
  .array(priceTierSchema)
  .max(20)
  .transform((tiers) => [...tiers].sort((a, b) => a.minQty - b.minQty))
  .refine((tiers) => tiers.every((t, i) => i === 0 || t.minQty !== tiers[i - 1]!.minQty), {
    message: 'two price tiers start at the same quantity',
  });

/**
 * The tier a quantity falls in: the one with the largest minQty not above it. Below the first
 * tier's minimum (under the MOQ) the first tier applies and `belowMinimum` says so; no tiers: null.
 */
export function tierFor(tiers: readonly PriceTier[], quantity: number): { tier: PriceTier; belowMinimum: boolean } | null {
  if (tiers.length === 0) return null;
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty);
  let hit = sorted[0]!;
  for (const t of sorted) if (t.minQty <= quantity) hit = t;
  return { tier: hit, belowMinimum: quantity < sorted[0]!.minQty };
}

/** Parses products.price_tiers (JSON); a malformed value reads as no tiers. */
export function readPriceTiers(json: string): PriceTier[] {
  try {
    const parsed = priceTiersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

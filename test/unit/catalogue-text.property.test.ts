import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCartonSize,
  parseLeadTimeDays,
  parseTiersText,
  tierHeaderQuantity,
  tiersText,
} from '../../src/main/import/normalize/catalogue';
import { priceTiersSchema, tierFor } from '../../src/shared/domain/price-tiers';

const tiersArb = fc
  .uniqueArray(fc.record({ minQty: fc.integer({ min: 1, max: 1_000_000 }), unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }) }), {
    selector: (t) => t.minQty,
    minLength: 1,
    maxLength: 20,
  })
  .map((tiers) => priceTiersSchema.parse(tiers));

describe('catalogue text', () => {
  it('reads back the price tiers it writes, in any currency exponent', () => {
    fc.assert(
      fc.property(tiersArb, fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'), (tiers, currency) => {
        expect(parseTiersText(tiersText(tiers, currency), currency)).toEqual(tiers);
      }),
    );
  });

  it("takes a price column header's quantity, however it is written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(
          'Price {n}+',
          '单价({n}+)',
          '{n}pcs+',
          'FOB {n}-{m}',
          '≥{n}',
          '{n}件以上',
          'Price ({n} and up)'.replace(' and up', '+'),
        ),
        (n, pattern) => {
          const header = pattern.replace('{n}', n.toLocaleString('en')).replace('{m}', String(n + 99));
          expect(tierHeaderQuantity(header)).toBe(n);
        },
      ),
    );
    expect(tierHeaderQuantity('Unit Price')).toBeNull();
    expect(tierHeaderQuantity('毛重(kg)')).toBeNull();
  });

  it('a quantity gets the tier its parsed text says', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 1, max: 2_000_000 }), (tiers, qty) => {
        const parsed = parseTiersText(tiersText(tiers, 'USD'), 'USD')!;
        expect(tierFor(parsed, qty)).toEqual(tierFor(tiers, qty));
      }),
    );
  });

  it('reads carton sizes and lead times as people write them', () => {
    expect(parseCartonSize('60x40x35 cm')).toEqual({ length: 60, width: 40, height: 35 });
    expect(parseCartonSize('600×400×350mm')).toEqual({ length: 60, width: 40, height: 35 });
    expect(parseCartonSize('60*40*35')).toEqual({ length: 60, width: 40, height: 35 });
    expect(parseCartonSize('big box')).toBeNull();
    expect(parseLeadTimeDays('15天')).toBe(15);
    expect(parseLeadTimeDays('20-25 days')).toBe(25);
    expect(parseLeadTimeDays('3周')).toBe(21);
    expect(parseLeadTimeDays('soon')).toBeNull();
    expect(parseTiersText('100-499: 2.50 / pc; 500+: US$2.20', 'USD')).toEqual([
      { minQty: 100, unitPriceMinor: 250 },
      { minQty: 500, unitPriceMinor: 220 },
    ]);
    expect(parseTiersText('100+: cheap', 'USD')).toBeNull();
  });
});

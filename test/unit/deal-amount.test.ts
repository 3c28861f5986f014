import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountText, parseAmount } from '../../src/renderer/src/features/deals/deal-amount';

describe('the New deal amount field', () => {
  it('reads amounts as typed, in the currency’s minor units', () => {
    expect(parseAmount('12,500.50', 'USD')).toBe(1_250_050);
    expect(parseAmount(' 12 500.5 ', 'EUR')).toBe(1_250_050);
    expect(parseAmount('１２５００．５', 'CNY')).toBe(1_250_050);
    expect(parseAmount('48000', 'JPY')).toBe(48_000);
    expect(parseAmount('', 'USD')).toBe(0);
    expect(parseAmount('1.005', 'USD')).toBeNull();
    expect(parseAmount('1.5', 'JPY')).toBeNull();
    expect(parseAmount('12x', 'USD')).toBeNull();
    expect(parseAmount('-5', 'USD')).toBeNull();
    expect(parseAmount('99999999999999999999', 'USD')).toBeNull();
  });

  it('reads back what it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'), (minor, currency) => {
        expect(parseAmount(amountText(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

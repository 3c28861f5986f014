import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7, uuidv7Generator, uuidv7Time } from '../../src/shared/sync/uuidv7';

describe('UUIDv7', () => {
  it('has the RFC 9562 layout (version 7, variant 10) and carries its millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), (ms) => {
        const id = uuidv7Generator()(ms);
        expect(isUuidv7(id)).toBe(true);
        expect(uuidv7Time(id)).toBe(ms);
      }),
    );
  });

  it('is unique and sorts in the order made, within a millisecond and when the clock goes back', () => {
    const make = uuidv7Generator();
    const ids: string[] = [];
    for (let i = 0; i < 20_000; i++) ids.push(make(1_718_000_000_000 - (i % 3 === 0 ? 5 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(isUuidv7(uuidv7())).toBe(true);
  });
});

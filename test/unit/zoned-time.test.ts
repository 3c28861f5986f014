import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addLocalDays, instantOf, isTimeZone, startOfLocalDay, wallTime } from '../../src/shared/time/zoned';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock time in a zone', () => {
  it('start of the local day in Shanghai (no DST) and New York', () => {
    expect(iso(startOfLocalDay(Date.parse('2026-11-22T03:00:00Z'), 'Asia/Shanghai'))).toBe('2026-11-21T16:00:00.000Z');
    expect(iso(startOfLocalDay(Date.parse('2026-11-22T03:00:00Z'), 'America/New_York'))).toBe('2026-11-21T05:00:00.000Z');
    expect(iso(startOfLocalDay(Date.parse('2026-11-22T03:00:00Z'), 'UTC'))).toBe('2026-11-22T00:00:00.000Z');
  });

  it('a day later keeps the wall time across DST: 23 hours in spring, 25 in autumn', () => {
    // Berlin: clocks go forward on 2026-03-29 and back on 2026-10-25.
    const spring = Date.parse('2026-03-28T08:00:00Z'); // 09:00 CET
    expect(iso(addLocalDays(spring, 1, 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z'); // 09:00 CEST
    const autumn = Date.parse('2026-10-24T07:00:00Z'); // 09:00 CEST
    expect(iso(addLocalDays(autumn, 1, 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z'); // 09:00 CET
    // New York, a week across 2026-03-08.
    expect(iso(addLocalDays(Date.parse('2026-03-05T14:00:00Z'), 7, 'America/New_York'))).toBe('2026-03-12T13:00:00.000Z');
  });

  it('a time skipped by DST moves past the gap; a repeated one takes the earlier instant', () => {
    // 2026-03-08 02:30 does not exist in New York (02:00 → 03:00).
    expect(iso(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
    expect(iso(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('the local day of an instant starts at or before it and lasts 23–25 hours (property)', () => {
    const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2028-12-31') }), fc.constantFrom(...zones), (ms, zone) => {
        const start = startOfLocalDay(ms, zone);
        const next = addLocalDays(start, 1, zone);
        expect(start).toBeLessThanOrEqual(ms);
        expect(next).toBeGreaterThan(ms);
        expect([23, 24, 25]).toContain((next - start) / 3_600_000);
        expect(wallTime(start, zone)).toMatchObject({ hour: 0, minute: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

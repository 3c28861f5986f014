import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buyerDay,
  buyerTimeAt,
  holidaysWithin,
  MON_FRI,
  nextGoodTime,
  outsideReason,
  utcOffsetLabel,
  workDaysOf,
  workingHoursOf,
} from '../../src/shared/domain/buyer-time';
import { buyerZone, countriesInWorkingHours, countryHolidays, loadBuyerLibs } from '../../src/main/services/customers/buyer-zone';
import { wallTime } from '../../src/shared/time/zoned';

// The holiday and city libraries load on first use (the engine awaits them; so do these tests).
beforeAll(() => loadBuyerLibs());

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T00:00:00.000Z');
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Riyadh',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'Asia/Shanghai',
  'UTC',
];
const WEEKS = [MON_FRI, workDaysOf('SA'), workDaysOf('IR')];

describe('next good time to call (property)', () => {
  it('is never before now, is inside working hours, is not on a holiday, and nothing earlier is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: NOW - 800 * DAY, max: NOW + 800 * DAY }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...WEEKS),
        fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 8 }),
        (now, zone, days, holidayOffsets) => {
          const holidays = new Set(holidayOffsets.map((d) => buyerDay(now + d * DAY, zone)));
          const hours = workingHoursOf(days);
          const next = nextGoodTime(now, zone, hours, holidays);
          expect(next).not.toBeNull();
          const at = next!;
          expect(at).toBeGreaterThanOrEqual(now);
          expect(outsideReason(at, zone, hours, holidays)).toBeNull();
          expect(holidays.has(buyerDay(at, zone))).toBe(false);
          const w = wallTime(at, zone);
          expect(w.hour * 60 + w.minute).toBeGreaterThanOrEqual(9 * 60);
          expect(w.hour * 60 + w.minute).toBeLessThan(18 * 60);
          // Earliest: either now itself (rounded to the minute) or a day's 09:00 with the minute before outside.
          if (at > Math.ceil(now / 60_000) * 60_000) {
            expect(outsideReason(at - 60_000, zone, hours, holidays)).not.toBeNull();
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is now when now is inside the hours', () => {
    const hours = workingHoursOf(MON_FRI);
    const tue = Date.parse('2026-03-03T10:30:00.000Z'); // 11:30 in Berlin, a Tuesday
    expect(nextGoodTime(tue, 'Europe/Berlin', hours, new Set())).toBe(tue);
    expect(buyerTimeAt(tue, 'Europe/Berlin', MON_FRI, [])).toMatchObject({ localTime: '11:30', inWorkingHours: true, offsetMinutes: 60 });
  });

  it('skips the weekend and holidays: Friday evening in Berlin before a Monday holiday is Tuesday 09:00', () => {
    const friEvening = Date.parse('2026-04-03T17:30:00.000Z'); // Fri 19:30 CEST
    const r = buyerTimeAt(friEvening, 'Europe/Berlin', MON_FRI, [{ date: '2026-04-06', name: 'Easter Monday', nameZh: null }]);
    expect(r).toMatchObject({ inWorkingHours: false, reason: 'after', localTime: '19:30' });
    expect(new Date(r.nextGood!).toISOString()).toBe('2026-04-07T07:00:00.000Z');
  });

  it('keeps a Sunday–Thursday week for Saudi Arabia', () => {
    const sunday = Date.parse('2026-03-01T08:00:00.000Z'); // Sun 11:00 in Riyadh
    expect(buyerTimeAt(sunday, 'Asia/Riyadh', workDaysOf('SA'), []).inWorkingHours).toBe(true);
    expect(buyerTimeAt(sunday, 'Europe/Berlin', workDaysOf('DE'), []).reason).toBe('weekend');
    expect(workDaysOf('AE')).toEqual(MON_FRI);
  });

  it('labels offsets', () => {
    expect(utcOffsetLabel(60)).toBe('UTC+1');
    expect(utcOffsetLabel(-210)).toBe('UTC-3:30');
    expect(utcOffsetLabel(345)).toBe('UTC+5:45');
    expect(utcOffsetLabel(0)).toBe('UTC');
  });

  it('lists holidays within a window of days', () => {
    const list = [
      { date: '2026-03-01', name: 'a', nameZh: null },
      { date: '2026-03-14', name: 'b', nameZh: null },
      { date: '2026-03-15', name: 'c', nameZh: null },
    ];
    expect(holidaysWithin(list, '2026-03-01', 14).map((h) => h.name)).toEqual(['a', 'b']);
  });
});

describe('buyer zone (offline libraries)', () => {
  const now = Date.parse('2026-12-20T12:00:00.000Z');

  it('gives a single-zone country its zone and holidays in English (and Chinese where the library has them)', async () => {
    const de = await buyerZone('DE', 'Hamburg', now);
    expect(de).toMatchObject({ zone: 'Europe/Berlin', source: 'country', place: 'Hamburg' });
    expect(de.holidays.map((h) => h.date)).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-26', '2027-01-01']));
    expect(de.holidays.find((h) => h.date === '2026-12-25')?.name).toMatch(/Christmas/);
  });

  it('finds the zone of a city in a country with several, else guesses the most populous one', async () => {
    expect(await buyerZone('US', 'Chicago', now)).toMatchObject({ zone: 'America/Chicago', source: 'city' });
    expect(await buyerZone('US', 'los angeles', now)).toMatchObject({ zone: 'America/Los_Angeles', source: 'city' });
    expect(await buyerZone('BR', 'Manaus', now)).toMatchObject({ zone: 'America/Manaus', source: 'city' });
    expect(await buyerZone('AU', 'Perth', now)).toMatchObject({ zone: 'Australia/Perth', source: 'city' });
    expect(await buyerZone('US', '', now)).toMatchObject({ zone: 'America/New_York', source: 'guess', place: 'New York' });
    expect(await buyerZone('RU', 'Nowhere-on-Volga', now)).toMatchObject({ zone: 'Europe/Moscow', source: 'guess' });
  });

  it('has no zone without a country, and the Gulf work week', async () => {
    expect(await buyerZone(null, 'Berlin', now)).toMatchObject({ zone: null, source: 'none', holidays: [] });
    expect(await buyerZone('SA', 'Riyadh', now)).toMatchObject({ zone: 'Asia/Riyadh', workDays: [0, 1, 2, 3, 4] });
  });

  it('lists holidays only inside the window and each day of a multi-day one', () => {
    const cn = countryHolidays('CN', '2026-09-28', 14);
    expect(cn.length).toBeGreaterThan(0);
    for (const h of cn) expect(h.date >= '2026-09-28' && h.date < '2026-10-12').toBe(true);
    expect(cn.map((h) => h.date)).toContain('2026-10-01');
  });
});

describe('countries in working hours now (the list filter)', () => {
  it('takes each country by its main zone, its working week and its public holidays', () => {
    // Tuesday 3 March 2026, 10:00 UTC: 11:00 in Berlin, 13:00 in Riyadh, 05:00 in New York, 18:00 in Shanghai (closed).
    const tue = countriesInWorkingHours(Date.parse('2026-03-03T10:00:00.000Z'));
    expect(tue).toEqual(expect.arrayContaining(['DE', 'SA', 'GB', 'TR']));
    for (const code of ['US', 'CN', 'JP', 'BR']) expect(tue).not.toContain(code);
    // Sunday 1 March 2026, 09:00 UTC: working in Riyadh (Sunday–Thursday), not in Berlin.
    const sun = countriesInWorkingHours(Date.parse('2026-03-01T09:00:00.000Z'));
    expect(sun).toContain('SA');
    expect(sun).not.toContain('DE');
    // Friday 25 December 2026, 08:00 UTC: Christmas closes Germany and Poland; Japan (17:00) is at work.
    const xmas = countriesInWorkingHours(Date.parse('2026-12-25T08:00:00.000Z'));
    expect(xmas).toContain('JP');
    expect(xmas).not.toContain('DE');
    expect(xmas).not.toContain('PL');
  });

  it('is quick enough to run with every list request', () => {
    countriesInWorkingHours(Date.parse('2026-06-01T08:00:00.000Z'));
    const start = performance.now();
    countriesInWorkingHours(Date.parse('2026-06-02T08:00:00.000Z'));
    expect(performance.now() - start).toBeLessThan(50);
  });
});

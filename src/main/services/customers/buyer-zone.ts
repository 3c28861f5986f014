import countriesAndTimezones from 'countries-and-timezones';
import type { CityData } from 'city-timezones';
import type Holidays from 'date-holidays';
import {
  buyerDay,
  HOLIDAY_LOOKAHEAD_DAYS,
  nextGoodTime,
  outsideReason,
  workDaysOf,
  workingHoursOf,
  type BuyerHoliday,
  type BuyerZone,
} from '../../../shared/domain/buyer-time';
import { isTimeZone } from '../../../shared/time/zoned';

/**
 * A customer's time zone and their country's public holidays, from maintained offline libraries:
 * countries-and-timezones (a country's zones), city-timezones (a city's zone, for countries with
 * several), date-holidays (public holidays, English and, where the library has them, Chinese).
 * The clock itself is computed in the page (shared/domain/buyer-time).
 *
 * date-holidays (13 MB of rules, ~200 ms to load) and city-timezones (~40 ms) are loaded on first
 * use (loadBuyerLibs: their own chunks of the engine bundle), not at every engine start: the engine
 * awaits them before a call whose filter asks for working hours (engine.ts), and buyerZone awaits
 * them itself.
 */

interface BuyerLibs {
  Holidays: typeof Holidays;
  cityMapping: readonly CityData[];
}

let libs: BuyerLibs | null = null;
let loading: Promise<BuyerLibs> | null = null;

/** Loads the holiday and city libraries once (later calls return the same promise). */
export function loadBuyerLibs(): Promise<BuyerLibs> {
  loading ??= Promise.all([import('date-holidays'), import('city-timezones')]).then(([hd, ct]) => {
    // A CommonJS module: its exports are the default export (named ones too, where interop makes them).
    const cities = (ct as unknown as { default?: typeof ct }).default ?? ct;
    libs = { Holidays: hd.default, cityMapping: cities.cityMapping };
    return libs;
  });
  return loading;
}

/** The loaded libraries; a caller that did not await loadBuyerLibs first is a bug, said loudly. */
function loaded(): BuyerLibs {
  if (!libs) throw new Error('buyer-zone: loadBuyerLibs() was not awaited before use');
  return libs;
}

/**
 * Whether a call's input needs the holiday library: its filter asks for "in working hours now", or
 * its sort is the good time to call (localTime). The engine loads the libraries first then.
 */
export function needsBuyerLibs(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const { filter, sort } = input as { filter?: unknown; sort?: unknown };
  const asksHours = typeof filter === 'object' && filter !== null && (filter as { workingHoursNow?: unknown }).workingHoursNow === true;
  const sortsByCall = typeof sort === 'object' && sort !== null && (sort as { key?: unknown }).key === 'localTime';
  return asksHours || sortsByCall;
}

/**
 * The most populous zone of countries whose zones differ in offset: used when the customer's city
 * is unknown or not found (then the zone is called a guess).
 */
const MAIN_ZONE: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  EC: 'America/Guayaquil',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  RU: 'Europe/Moscow',
  KZ: 'Asia/Almaty',
  ID: 'Asia/Jakarta',
  CN: 'Asia/Shanghai',
  MN: 'Asia/Ulaanbaatar',
  CD: 'Africa/Kinshasa',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  UA: 'Europe/Kyiv',
  GB: 'Europe/London',
  FR: 'Europe/Paris',
  DK: 'Europe/Copenhagen',
  NL: 'Europe/Amsterdam',
  KI: 'Pacific/Tarawa',
  FM: 'Pacific/Pohnpei',
  PF: 'Pacific/Tahiti',
  GL: 'America/Nuuk',
  CY: 'Asia/Nicosia',
  MY: 'Asia/Kuala_Lumpur',
};

interface CountryZones {
  /** The zone used without a city. */
  main: string;
  /** True when the country's zones differ in offset (the city decides). */
  several: boolean;
}

function countryZones(country: string): CountryZones | null {
  const zones = countriesAndTimezones.getTimezonesForCountry(country) ?? [];
  const known = zones.filter((z) => isTimeZone(z.name));
  if (known.length === 0) return null;
  const offsets = new Set(known.map((z) => `${z.utcOffset}/${z.dstOffset}`));
  const preferred = MAIN_ZONE[country];
  const main = preferred && isTimeZone(preferred) ? preferred : (known.find((z) => z.aliasOf === null) ?? known[0])!.name;
  return { main, several: offsets.size > 1 };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

let citiesByCountry: Map<string, Map<string, { zone: string; pop: number; name: string }>> | null = null;

/** The zone of a city in a country (the most populous of that name), or null. */
function cityZone(country: string, city: string): { zone: string; name: string } | null {
  if (!citiesByCountry) {
    citiesByCountry = new Map();
    for (const c of loaded().cityMapping) {
      if (!c.timezone || !c.iso2) continue;
      let byName = citiesByCountry.get(c.iso2);
      if (!byName) citiesByCountry.set(c.iso2, (byName = new Map()));
      for (const key of new Set([fold(c.city), fold(c.city_ascii ?? '')])) {
        if (!key) continue;
        const had = byName.get(key);
        if (!had || c.pop > had.pop) byName.set(key, { zone: c.timezone, pop: c.pop, name: c.city });
      }
    }
  }
  const hit = citiesByCountry.get(country)?.get(fold(city));
  return hit && isTimeZone(hit.zone) ? { zone: hit.zone, name: hit.name } : null;
}

/** "America/New_York" → "New York". */
const zoneCity = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

const holidayBooks = new Map<string, Holidays | null>();
let knownCountries: Set<string> | undefined;

function holidayBook(country: string): Holidays | null {
  if (!holidayBooks.has(country)) {
    const hd = new (loaded().Holidays)();
    knownCountries ??= new Set(Object.keys(hd.getCountries('en')));
    const known = knownCountries.has(country);
    if (known) hd.init(country);
    holidayBooks.set(country, known ? hd : null);
  }
  return holidayBooks.get(country) ?? null;
}

const yearLists = new Map<string, ReturnType<Holidays['getHolidays']>>();

/** A country's public holidays of a year in a language (kept: the filter asks for every country). */
function publicHolidays(hd: Holidays, country: string, year: number, lang: string): ReturnType<Holidays['getHolidays']> {
  const key = `${country}:${year}:${lang}`;
  let list = yearLists.get(key);
  if (!list) {
    list = hd.getHolidays(year, lang).filter((h) => h.type === 'public');
    yearLists.set(key, list);
  }
  return list;
}

/** Public holidays of a country on local days from `fromDay` for `days` days (each day of a multi-day holiday). */
export function countryHolidays(country: string, fromDay: string, days: number): BuyerHoliday[] {
  const hd = holidayBook(country);
  if (!hd) return [];
  const [y, m, d] = fromDay.split('-').map(Number) as [number, number, number];
  const endDay = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const out = new Map<string, BuyerHoliday>();
  for (let year = y; year <= Number(endDay.slice(0, 4)); year++) {
    const en = publicHolidays(hd, country, year, 'en');
    const zh = publicHolidays(hd, country, year, 'zh');
    en.forEach((h, i) => {
      const zhName = zh[i]?.rule === h.rule && zh[i]?.name !== h.name ? zh[i]!.name : null;
      const first = h.date.slice(0, 10);
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      const [hy, hm, hdd] = first.split('-').map(Number) as [number, number, number];
      for (let k = 0; k < span; k++) {
        const date = new Date(Date.UTC(hy, hm - 1, hdd + k)).toISOString().slice(0, 10);
        if (date < fromDay || date >= endDay) continue;
        const had = out.get(date);
        out.set(date, had ? { ...had, name: `${had.name} / ${h.name}` } : { date, name: h.name, nameZh: zhName });
      }
    });
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** A customer's zone (by city where the country has several), working days and holidays from the buyer's today. */
export async function buyerZone(country: string | null, city: string | null, nowMs: number): Promise<BuyerZone> {
  await loadBuyerLibs();
  const code = country?.toUpperCase() ?? null;
  const zones = code ? countryZones(code) : null;
  if (!code || !zones) return { zone: null, source: 'none', place: null, workDays: [...workDaysOf(code)], holidays: [] };
  const cityText = city?.trim() ?? '';
  let zone = zones.main;
  let source: BuyerZone['source'] = 'country';
  let place: string | null = cityText || zoneCity(zone);
  if (zones.several) {
    const hit = cityText ? cityZone(code, cityText) : null;
    if (hit) {
      zone = hit.zone;
      source = 'city';
      place = cityText;
    } else {
      source = 'guess';
      place = zoneCity(zone);
    }
  }
  return {
    zone,
    source,
    place,
    workDays: [...workDaysOf(code)],
    holidays: countryHolidays(code, buyerDay(nowMs, zone), HOLIDAY_LOOKAHEAD_DAYS),
  };
}

const countryMainZones = new Map<string, string>();

/** Every country code with its main zone (the city decides only in buyerZone). */
function mainZones(): Map<string, string> {
  if (countryMainZones.size === 0) {
    for (const code of Object.keys(countriesAndTimezones.getAllCountries())) {
      const zones = countryZones(code);
      if (zones) countryMainZones.set(code, zones.main);
    }
  }
  return countryMainZones;
}

/**
 * The countries where it is working hours now in their main zone (their working days, 09:00–18:00)
 * and not a public holiday: the customer list's "in working hours now" filter. Multi-zone countries
 * are judged by their most populous zone.
 */
export function countriesInWorkingHours(nowMs: number): string[] {
  const out: string[] = [];
  for (const [code, zone] of mainZones()) {
    const hours = workingHoursOf(workDaysOf(code));
    if (outsideReason(nowMs, zone, hours, new Set()) !== null) continue;
    if (isPublicHoliday(code, buyerDay(nowMs, zone))) continue;
    out.push(code);
  }
  return out.sort();
}

/** Whether a local day (YYYY-MM-DD) is a public holiday of a country (English list only: quicker). */
function isPublicHoliday(country: string, day: string): boolean {
  const hd = holidayBook(country);
  if (!hd) return false;
  return yearsAround(day, day).some((y) =>
    publicHolidays(hd, country, y, 'en').some((h) => {
      const first = h.date.slice(0, 10);
      if (first === day) return true;
      // A multi-day holiday: the day falls within its span.
      const span = Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000);
      return span > 1 && first < day && Date.parse(`${day}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`) < span * 86_400_000;
    }),
  );
}

/**
 * A country's main zone and whether it has zones of other offsets (then a customer's city may put
 * them elsewhere): the grid's local-time column and its sort go by the main zone, like the filter.
 */
export function countryMainZone(country: string): { zone: string; several: boolean } | null {
  if (!country) return null;
  const zone = mainZones().get(country);
  return zone ? { zone, several: countryZones(country)?.several ?? false } : null;
}

/** Minutes to the next good time of a country with none in the next weeks (after every country that has one). */
export const NO_GOOD_TIME_MINUTES = 100_000_000;
/** The sort value of a customer without a (known) country: last. */
export const NO_ZONE_MINUTES = 1_000_000_000;

let callMinutesCache: { minute: number; minutes: Map<string, number> } | null = null;

/**
 * For every country, the minutes from `nowMs` to its next good time to call (0: in working hours
 * now), by its main zone, its working week and its public holidays: the "good time to call" sort.
 * Kept for the minute it was computed in (a grid's pages ask with the same time).
 */
export function minutesToCall(nowMs: number): Map<string, number> {
  const minute = Math.floor(nowMs / 60_000);
  if (callMinutesCache?.minute === minute) return callMinutesCache.minutes;
  const minutes = new Map<string, number>();
  const at = minute * 60_000;
  for (const [code, zone] of mainZones()) {
    const hours = workingHoursOf(workDaysOf(code));
    const holidays = holidayDates(code, buyerDay(at, zone), HOLIDAY_LOOKAHEAD_DAYS);
    const next = nextGoodTime(at, zone, hours, holidays);
    minutes.set(code, next === null ? NO_GOOD_TIME_MINUTES : Math.round((next - at) / 60_000));
  }
  callMinutesCache = { minute, minutes };
  return minutes;
}

/** A country's public-holiday days (YYYY-MM-DD, English list) from `fromDay` for `days` days. */
function holidayDates(country: string, fromDay: string, days: number): Set<string> {
  const out = new Set<string>();
  const hd = holidayBook(country);
  if (!hd) return out;
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const end = from + days * 86_400_000;
  for (const y of yearsAround(fromDay, new Date(end - 86_400_000).toISOString().slice(0, 10))) {
    for (const h of publicHolidays(hd, country, y, 'en')) {
      const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
      const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let k = 0; k < span; k++) {
        const day = first + k * 86_400_000;
        if (day >= from && day < end) out.add(new Date(day).toISOString().slice(0, 10));
      }
    }
  }
  return out;
}

/**
 * The years whose holiday lists can hold a day from `fromDay` to `toDay`: theirs, and the year
 * before only in the first days of January (a holiday of several days begun on 31 December). A
 * year's list costs 4–9 ms per country in date-holidays, so none is computed that cannot matter.
 */
function yearsAround(fromDay: string, toDay: string): number[] {
  const first = Number(fromDay.slice(0, 4));
  const last = Number(toDay.slice(0, 4));
  const years = fromDay.slice(5) <= '01-10' ? [first - 1] : [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

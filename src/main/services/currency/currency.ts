/**
 * The base currency and the exchange rates: the user's own (kept in settings, edited offline, each
 * with the day it was set) over ExportDesk's dated reference table; the currencies the orders use;
 * and the conversion every revenue figure goes through.
 */
import { sql } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { currencySettingsSchema, type CurrencySettings } from '../../../shared/domain/classification';
import { REFERENCE_CURRENCIES, referenceRate } from '../../../shared/domain/reference-rates';
import type { ReadDb, WriteTx } from '../../db/sql';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';
import { currencyExponent } from '../../import/normalize/money';

/** The base currency and the rates the user set (no reference rates). */
export function readUserCurrency(reader: ReadDb | WriteTx): CurrencySettings {
  const base = readSetting<string>(reader, 'baseCurrency');
  const rates = readSetting<Record<string, number>>(reader, 'exchangeRates');
  const parsed = currencySettingsSchema.safeParse({ base: base ?? 'USD', rates: rates ?? {} });
  return parsed.success ? parsed.data : { base: 'USD', rates: {} };
}

/** The user's rates over the reference table's, in the base currency: what revenue is counted with. */
export function effectiveRates(settings: CurrencySettings): CurrencySettings {
  const rates: Record<string, number> = {};
  for (const code of REFERENCE_CURRENCIES) {
    const rate = code === settings.base ? undefined : referenceRate(code, settings.base);
    if (rate !== undefined) rates[code] = rate;
  }
  for (const [code, rate] of Object.entries(settings.rates)) if (code !== settings.base) rates[code] = rate;
  return { base: settings.base, rates };
}

/** The base currency and every rate in force (the user's, else the reference table's). */
export function readCurrency(reader: ReadDb | WriteTx): CurrencySettings {
  return effectiveRates(readUserCurrency(reader));
}

function readRateDates(reader: ReadDb | WriteTx): Record<string, string> {
  const dates = readSetting<Record<string, string>>(reader, 'exchangeRateDates');
  return dates && typeof dates === 'object' ? dates : {};
}

/**
 * Saves the base and the user's rates. A rate new or changed since the last save is dated today
 * (the user's day); an unchanged one keeps its day.
 */
export function writeCurrency(tx: WriteTx, settings: CurrencySettings, now: string, today: string): CurrencySettings {
  const before = readUserCurrency(tx);
  const beforeDates = readRateDates(tx);
  const rates = Object.fromEntries(Object.entries(settings.rates).filter(([code]) => code !== settings.base));
  const dates: Record<string, string> = {};
  for (const [code, rate] of Object.entries(rates)) {
    const kept = before.base === settings.base && before.rates[code] === rate ? beforeDates[code] : undefined;
    dates[code] = kept ?? today;
  }
  writeSetting(tx, 'baseCurrency', settings.base, now);
  writeSetting(tx, 'exchangeRates', rates, now);
  writeSetting(tx, 'exchangeRateDates', dates, now);
  return { base: settings.base, rates };
}

/**
 * Converts minor units of any currency to base-currency minor units: amount × factor(currency).
 * NaN for a currency without a rate (such amounts are left out and reported).
 */
export function conversionFactors(settings: CurrencySettings): (currency: string) => number {
  const baseExp = currencyExponent(settings.base);
  const cache = new Map<string, number>();
  return (currency) => {
    let f = cache.get(currency);
    if (f === undefined) {
      const code = currency.toUpperCase();
      const rate = code === settings.base ? 1 : settings.rates[code];
      f = rate === undefined ? Number.NaN : rate * 10 ** (baseExp - currencyExponent(code));
      cache.set(currency, f);
    }
    return f;
  };
}

/** Orders (not cancelled) per currency, most first. */
function ordersPerCurrency(read: ReadDb, customerId?: number): { currency: string; orders: number }[] {
  let q = read
    .selectFrom('orders')
    .select(['currency', sql<number>`count(*)`.as('orders')])
    .where('cancelled', '=', sql.lit(0))
    .groupBy('currency')
    .orderBy('orders', 'desc')
    .orderBy('currency');
  if (customerId !== undefined) q = q.where('customer_id', '=', customerId);
  return read.all(q);
}

/** Of orders per currency, those revenue leaves out: no rate in force (an unknown currency never has one). */
function withoutRate(settings: CurrencySettings, inUse: { currency: string; orders: number }[]): { currency: string; orders: number }[] {
  const factor = conversionFactors(settings);
  return inUse.filter((u) => Number.isNaN(factor(u.currency)));
}

/**
 * Orders revenue leaves out, per currency: one customer's (from its own orders), or the whole
 * book's as the last classification counted them (the revenue shown comes from that run, and a
 * change of rates starts a new one), so the note beside every revenue figure costs no pass over
 * the orders; counted live only before any run.
 */
export function uncountedOrders(ctx: ServiceContext, customerId?: number): { currency: string; orders: number }[] {
  if (customerId === undefined) {
    const run = ctx.read.first(ctx.read.selectFrom('classification_runs').select('missing_rates').orderBy('id', 'desc').limit(1));
    if (run) {
      return Object.entries(JSON.parse(run.missing_rates) as Record<string, number>)
        .map(([currency, orders]) => ({ currency, orders }))
        .filter((u) => u.orders > 0)
        .sort((a, b) => b.orders - a.orders || (a.currency < b.currency ? -1 : 1));
    }
  }
  return withoutRate(readCurrency(ctx.read), ordersPerCurrency(ctx.read, customerId));
}

export function currencyInUse(ctx: ServiceContext): ChannelOutput<'currency.get'> {
  const user = readUserCurrency(ctx.read);
  const inUse = ordersPerCurrency(ctx.read);
  return {
    ...user,
    rateDates: readRateDates(ctx.read),
    inUse,
    uncounted: withoutRate(effectiveRates(user), inUse),
  };
}

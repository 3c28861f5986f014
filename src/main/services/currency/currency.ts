/**
 * The base currency and the exchange rates (kept in settings, edited by the user, offline), the
 * currencies the orders use, and the conversion every revenue figure goes through.
 */
import { sql } from 'kysely';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { currencySettingsSchema, type CurrencySettings } from '../../../shared/domain/classification';
import type { ReadDb, WriteTx } from '../../db/sql';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';
import { currencyExponent } from '../../import/normalize/money';

export function readCurrency(reader: ReadDb | WriteTx): CurrencySettings {
  const base = readSetting<string>(reader, 'baseCurrency');
  const rates = readSetting<Record<string, number>>(reader, 'exchangeRates');
  const parsed = currencySettingsSchema.safeParse({ base: base ?? 'USD', rates: rates ?? {} });
  return parsed.success ? parsed.data : { base: 'USD', rates: {} };
}

export function writeCurrency(tx: WriteTx, settings: CurrencySettings, now: string): CurrencySettings {
  const rates = Object.fromEntries(Object.entries(settings.rates).filter(([code]) => code !== settings.base));
  writeSetting(tx, 'baseCurrency', settings.base, now);
  writeSetting(tx, 'exchangeRates', rates, now);
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

export function currencyInUse(ctx: ServiceContext): ChannelOutput<'currency.get'> {
  const inUse = ctx.read.all(
    ctx.read
      .selectFrom('orders')
      .select(['currency', sql<number>`count(*)`.as('orders')])
      .where('cancelled', '=', sql.lit(0))
      .groupBy('currency')
      .orderBy('orders', 'desc'),
  );
  return { ...readCurrency(ctx.read), inUse };
}

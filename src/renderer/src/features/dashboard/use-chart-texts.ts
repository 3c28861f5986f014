import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRevenue } from '../../lib/class-labels';
import { currencyDigits } from '../../lib/money-format';
import type { ChartTexts } from './chart-options';

/** Series names and number formats for charts, in the UI language and the base currency. */
export function useChartTexts(currency: string): ChartTexts {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(lang);
    let axisMoney: Intl.NumberFormat | null;
    try {
      axisMoney = new Intl.NumberFormat(lang, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      axisMoney = null;
    }
    return {
      customers: t('dashboard.series.customers'),
      revenue: t('dashboard.series.revenue'),
      orders: t('dashboard.series.orders'),
      count: (n) => number.format(n),
      money: (minor) => formatRevenue(minor, currency, lang),
      moneyAxis: (minor) => (axisMoney ? axisMoney.format(minor / 10 ** currencyDigits(currency)) : formatRevenue(minor, currency, lang)),
    };
  }, [t, lang, currency]);
}

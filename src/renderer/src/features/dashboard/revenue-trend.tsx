import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard, ChartData } from '../../components/charts/chart-card';
import { trendOption, type MonthRow } from './chart-options';
import { EChart } from '../../components/charts/echart';
import { useChartTexts } from './use-chart-texts';

interface Props {
  months: readonly { month: string; revenueMinor: number; orders: number }[];
  currency: string;
}

function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}

/** Revenue (base currency) and orders per calendar month, oldest first. */
export function RevenueTrend({ months, currency }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const texts = useChartTexts(currency);
  const rows = useMemo<MonthRow[]>(() => {
    const short = new Intl.DateTimeFormat(lang, { year: '2-digit', month: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    return months.map((m) => {
      const d = monthDate(m.month);
      return { label: short.format(d), longLabel: long.format(d), revenueMinor: m.revenueMinor, orders: m.orders };
    });
  }, [months, lang]);
  const option = useMemo(() => trendOption(rows, texts), [rows, texts]);
  const title = t('dashboard.charts.trend', { count: months.length });

  return (
    <ChartCard title={title} note={t('dashboard.trendNote', { currency })} wide>
      <EChart option={option} label={t('dashboard.chartLabel', { title })} className="echart-trend" />
      <ChartData
        summary={t('dashboard.table.show')}
        caption={title}
        data-dimension="month"
        columns={
          <>
            <th scope="col">{t('dashboard.table.month')}</th>
            <th scope="col" className="num">
              {texts.revenue}
            </th>
            <th scope="col" className="num">
              {texts.orders}
            </th>
          </>
        }
      >
        {rows.map((r, i) => (
          <tr key={months[i]?.month} data-key={months[i]?.month}>
            <th scope="row">{r.longLabel}</th>
            <td className="num">{texts.money(r.revenueMinor)}</td>
            <td className="num">{texts.count(r.orders)}</td>
          </tr>
        ))}
      </ChartData>
    </ChartCard>
  );
}

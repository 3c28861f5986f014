import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { ChartCard } from '../../components/charts/chart-card';
import { AT_RISK_FILTER } from './dashboard-links';
import { useChartTexts } from './use-chart-texts';

type AtRiskCustomer = ChannelOutput<'dashboard.overview'>['atRisk'][number];

interface Props {
  customers: readonly AtRiskCustomer[];
  /** All customers with a churn warning (the table shows the top ones by revenue). */
  total: number | undefined;
  currency: string;
}

/** The customers past their own order rhythm with the most revenue at stake, each linking to the customer. */
export function AtRiskTable({ customers, total, currency }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const texts = useChartTexts(currency);
  const allHref = customersHash(AT_RISK_FILTER);
  const note =
    total !== undefined && total > customers.length
      ? t('dashboard.atRisk.topNote', { count: customers.length, total })
      : t('dashboard.atRisk.note');

  return (
    <ChartCard title={t('dashboard.atRisk.title')} note={note} wide>
      {customers.length === 0 ? (
        <p className="muted dash-card-empty">{t('dashboard.atRisk.none')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table at-risk-table">
              <caption className="visually-hidden">{t('dashboard.atRisk.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.atRisk.company')}</th>
                  <th scope="col">{t('dashboard.atRisk.country')}</th>
                  <th scope="col">{t('dashboard.atRisk.tier')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.atRisk.daysPast')}
                  </th>
                  <th scope="col">{t('dashboard.atRisk.lastOrder')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.atRisk.revenue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {customers.map((c) => (
                  <tr key={c.id} data-id={c.id}>
                    <th scope="row">
                      <a href={customersHash({ ...AT_RISK_FILTER, search: c.company })}>{c.company}</a>
                    </th>
                    <td>{classLabel(t, lang, 'country', c.country)}</td>
                    <td>{classLabel(t, lang, 'tier', c.tier)}</td>
                    <td className="num">{t('dashboard.atRisk.days', { count: c.daysPastRhythm })}</td>
                    <td className="nowrap">{c.lastOrderAt ? formatDate(c.lastOrderAt, lang) : t('common.notSet')}</td>
                    <td className="num">{texts.money(c.revenueMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="dash-card-foot">
            <a href={allHref}>
              {total !== undefined ? t('dashboard.atRisk.showAll', { count: total }) : t('dashboard.atRisk.showAllPlain')}
            </a>
          </p>
        </>
      )}
    </ChartCard>
  );
}

import { useTranslation } from 'react-i18next';
import { customersHash } from '../../app/route-filter';
import { hashFor } from '../../app/routes';
import { formatDateTime } from '../../i18n/format-date';
import { formatRevenue } from '../../lib/class-labels';
import { AT_RISK_FILTER } from './dashboard-links';

interface Props {
  customers: number;
  revenueMinor: number;
  currency: string;
  /** Months of orders in revenue; undefined while loading. */
  revenueMonths: number | undefined;
  atRisk: number | undefined;
  classifiedAt: string | null;
}

/** The four figures at the top: customers, revenue, customers at risk, last classification. */
export function HeadlineFigures({ customers, revenueMinor, currency, revenueMonths, atRisk, classifiedAt }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang);
  return (
    <dl className="headline" aria-label={t('dashboard.headline.label')}>
      <div className="headline-item" data-figure="customers">
        <dt>{t('dashboard.headline.customers')}</dt>
        <dd className="headline-value">
          <a href={hashFor('customers')}>{number.format(customers)}</a>
        </dd>
        <dd className="headline-hint muted">{t('dashboard.headline.customersHint')}</dd>
      </div>
      <div className="headline-item" data-figure="revenue">
        <dt>{t('dashboard.headline.revenue')}</dt>
        <dd className="headline-value">{formatRevenue(revenueMinor, currency, lang)}</dd>
        <dd className="headline-hint muted">
          {revenueMonths !== undefined
            ? t('dashboard.headline.revenueHint', { count: revenueMonths, currency })
            : t('dashboard.headline.revenueHintPlain', { currency })}
        </dd>
      </div>
      <div className="headline-item" data-figure="at-risk">
        <dt>{t('dashboard.headline.atRisk')}</dt>
        <dd className="headline-value">
          {atRisk === undefined ? <span className="muted">…</span> : <a href={customersHash(AT_RISK_FILTER)}>{number.format(atRisk)}</a>}
        </dd>
        <dd className="headline-hint muted">{t('dashboard.headline.atRiskHint')}</dd>
      </div>
      <div className="headline-item" data-figure="classified">
        <dt>{t('dashboard.headline.classifiedAt')}</dt>
        <dd className="headline-value headline-value-small">
          {classifiedAt ? formatDateTime(classifiedAt, lang) : t('dashboard.headline.never')}
        </dd>
        <dd className="headline-hint muted">{t('dashboard.headline.classifiedHint')}</dd>
      </div>
    </dl>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hashFor } from '../../app/routes';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { formatMoney } from '../../lib/money-format';
import { stageLabel } from './deal-labels';
import { useStaleDeals } from './use-deals';

/** Today's "Stale deals": open deals without activity for the threshold's days, the quietest first. */
export function StaleDealsPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useId();
  const stale = useStaleDeals();
  const data = stale.data;
  if (!data || data.total === 0) return null;
  return (
    <section className="stale-deals" aria-labelledby={heading}>
      <h2 id={heading} className="section-title">
        {t('deals.stale.heading')}
      </h2>
      <p className="muted">{t('deals.stale.intro', { days: data.staleDays })}</p>
      <ul className="stale-deals-list">
        {data.deals.map((d) => (
          <li key={d.id} className="stale-deals-item" data-deal-id={d.id}>
            <a href={customersHash({ search: d.company })}>{d.company}</a>
            <span className="stale-deals-title">{d.title}</span>
            <span className="badge">{stageLabel(t, d.stage)}</span>
            <span>{formatMoney(d.amountMinor, d.currency, lang)}</span>
            <span className="muted">{t('deals.stale.quiet', { date: formatDate(d.lastActivityAt, lang) })}</span>
          </li>
        ))}
      </ul>
      {data.total > data.deals.length ? (
        <a href={hashFor('deals')}>{t('deals.stale.more', { count: data.total - data.deals.length })}</a>
      ) : null}
    </section>
  );
}

import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { customersHash } from '../../app/route-filter';
import { errorText } from '../../i18n/error-text';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { toIpcError } from '../../lib/ipc';
import { useClassContextValue } from '../../lib/class-context';
import type { TierFilter } from './followup-keys';
import { CHURN_LIMIT, useChurnRisk, type ChurnRiskRow } from './use-followups';
import { useWinBack } from './use-win-back';

interface Props {
  owner: string | null;
  tiers: readonly TierFilter[];
  filtered: boolean;
}

/**
 * The churn-risk tab: customers past their own buying rhythm, most valuable first, with their
 * next planned follow-up; "Plan win-back" plans one in a click (and is off once one is planned).
 */
export function ChurnRiskPanel({ owner, tiers, filtered }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useChurnRisk(owner, tiers);
  const { segmentNames } = useClassContextValue();
  const winBack = useWinBack();
  const data = query.data;

  if (!data) return <p className="followup-message muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>;

  const tierCell = (tier: string) =>
    tier === 'A' || tier === 'B' || tier === 'C' ? (
      <span className={`class-badge cls-tier-${tier}`}>{classLabel(t, lang, 'tier', tier)}</span>
    ) : (
      <span className="muted">{classLabel(t, lang, 'tier', tier)}</span>
    );

  const row = (r: ChurnRiskRow) => {
    const next = r.nextFollowUpAt ?? winBack.planned.get(r.customerId) ?? null;
    const busy = winBack.busy.has(r.customerId);
    const off = next !== null || busy;
    return (
      <tr key={r.customerId} className="churn-row" data-customer-id={r.customerId}>
        <th scope="row" className="churn-company">
          <a href={customersHash({ search: r.company })} className="followup-company">
            {r.company}
          </a>
        </th>
        <td className="followup-country">{r.country || t('common.notSet')}</td>
        <td>{tierCell(r.tier)}</td>
        <td>{classLabel(t, lang, 'segment', r.segment, segmentNames[r.segment])}</td>
        <td className="churn-number">{r.lastOrderAt ? formatDate(r.lastOrderAt, lang) : t('common.notSet')}</td>
        <td className="churn-number">{t('followups.churn.days', { count: r.daysSinceOrder })}</td>
        <td className="churn-number">{t('followups.churn.every', { count: r.rhythmDays })}</td>
        <td className="churn-number churn-past">{t('followups.churn.past', { count: r.daysPastRhythm })}</td>
        <td className="churn-next">{next ? formatDateTime(next, lang) : <span className="muted">{t('followups.churn.noneNext')}</span>}</td>
        <td className="followup-actions">
          {/* aria-disabled, not disabled: focus stays on the button after the click. */}
          <Button
            type="primary"
            size="small"
            aria-disabled={off || undefined}
            aria-busy={busy || undefined}
            aria-label={t('followups.churn.planWinBackLabel', { company: r.company })}
            title={
              next !== null
                ? t('followups.churn.alreadyPlanned', { company: r.company })
                : t('followups.churn.planWinBackLabel', { company: r.company })
            }
            onClick={() => {
              if (!off) void winBack.plan(r);
            }}
          >
            {t('followups.churn.planWinBack')}
          </Button>
        </td>
      </tr>
    );
  };

  return (
    <>
      <p className="followup-intro muted">{t('followups.churn.intro')}</p>
      {data.items.length === 0 ? (
        <EmptyState text={filtered ? t('followups.churn.emptyFiltered') : t('followups.churn.empty')} />
      ) : (
        <table className="row-table churn-table" aria-label={t('followups.churn.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('followups.churn.columns.company')}</th>
              <th scope="col">{t('followups.churn.columns.country')}</th>
              <th scope="col">{t('followups.churn.columns.tier')}</th>
              <th scope="col">{t('followups.churn.columns.segment')}</th>
              <th scope="col">{t('followups.churn.columns.lastOrder')}</th>
              <th scope="col">{t('followups.churn.columns.daysSince')}</th>
              <th scope="col">{t('followups.churn.columns.rhythm')}</th>
              <th scope="col">{t('followups.churn.columns.pastRhythm')}</th>
              <th scope="col">{t('followups.churn.columns.next')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('followups.churn.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>{data.items.map(row)}</tbody>
        </table>
      )}
      {data.more ? <p className="followup-message muted">{t('followups.churn.more', { count: CHURN_LIMIT })}</p> : null}
    </>
  );
}

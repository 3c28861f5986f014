import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type Deal, type DealStage } from '../../../../shared/domain/deals';
import { hashFor } from '../../app/routes';
import { MenuButton } from '../../components/menu-button';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { formatMoney } from '../../lib/money-format';
import { DealDialog } from './deal-dialog';
import { EditDealDialog } from './edit-deal-dialog';
import { lostReasonLabel, stageLabel } from './deal-labels';
import { useBoard, useCustomerDeals } from './use-deals';
import { useDealMove } from './use-deal-move';

interface Props {
  customer: { id: number; company: string; archivedAt: string | null };
  /** Another form in the panel is open: nothing can be recorded meanwhile. */
  locked: boolean;
}

/** The customer's deals in the detail panel: stage, title, amount, "Move to…", and "New deal". */
export function CustomerDealsSection({ customer, locked }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useId();
  const deals = useCustomerDeals(customer.id);
  const board = useBoard();
  const { move, dialogs } = useDealMove();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Deal | null>(null);
  const archived = Boolean(customer.archivedAt);
  return (
    <section className="detail-section deals-section" aria-labelledby={heading}>
      <div className="section-header">
        <h3 id={heading}>{t('deals.section.heading')}</h3>
        <Button size="small" onClick={() => setCreating(true)} disabled={locked || archived}>
          {t('deals.newDeal')}
        </Button>
      </div>
      {archived ? <p className="muted">{t('deals.section.archived')}</p> : null}
      {deals.data === undefined ? (
        <p className="muted">{deals.isError ? errorText(t, toIpcError(deals.error)) : t('common.loading')}</p>
      ) : deals.data.length === 0 ? (
        <p className="muted">{t('deals.section.none')}</p>
      ) : (
        <ul className="deals-section-list" aria-labelledby={heading}>
          {deals.data.map((d) => (
            <li key={d.id} className="deals-section-item" data-deal-id={d.id}>
              <div className="deals-section-head">
                <span className={`badge deal-stage-${d.stage}`}>{stageLabel(t, d.stage)}</span>
                <span className="deals-section-title">{d.title}</span>
                <span className="deals-section-amount">{formatMoney(d.amountMinor, d.currency, lang)}</span>
                {d.stale ? <span className="badge deal-stale">{t('deals.card.stale')}</span> : null}
              </div>
              <div className="deals-section-meta muted">
                {d.expectedClose ? (
                  <span>{t('deals.card.expected', { date: formatDate(`${d.expectedClose}T12:00:00Z`, lang) })}</span>
                ) : null}
                {d.orderId !== null && d.stage === 'won' ? <span>{t('deals.section.order')}</span> : null}
                {d.lostReason ? <span>{t('deals.card.lostBecause', { reason: lostReasonLabel(t, d.lostReason) })}</span> : null}
                <Button
                  size="small"
                  onClick={() => setEditing(d)}
                  disabled={locked}
                  aria-label={t('deals.edit.buttonLabel', { title: d.title })}
                >
                  {t('deals.edit.button')}
                </Button>
                <MenuButton
                  text={t('deals.card.moveTo')}
                  label={t('deals.card.moveTitle', { title: d.title, company: customer.company })}
                  items={DEAL_STAGES.filter((s) => s !== d.stage && !(d.stage === 'won' && s === 'lost')).map((s) => ({
                    key: s,
                    label: stageLabel(t, s),
                  }))}
                  disabled={locked}
                  onSelect={(key) => {
                    const stage = DEAL_STAGES.find((s): s is DealStage => s === key);
                    if (stage) void move(d, stage);
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <a className="relationship-more" href={hashFor('deals')}>
        {t('deals.section.open')}
      </a>
      {creating ? <DealDialog customer={customer} currency={board.data?.base ?? 'USD'} onClose={() => setCreating(false)} /> : null}
      {editing ? <EditDealDialog deal={editing} onClose={() => setEditing(null)} /> : null}
      {dialogs}
    </section>
  );
}

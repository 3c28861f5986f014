import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type Deal, type DealStage } from '../../../../shared/domain/deals';
import { customersHash } from '../../app/route-filter';
import { MenuButton } from '../../components/menu-button';
import { formatDate } from '../../i18n/format-date';
import { formatMoney } from '../../lib/money-format';
import { lostReasonLabel, stageLabel } from './deal-labels';

/** The drag payload type of a deal card (its id). */
export const DEAL_DRAG_TYPE = 'application/x-exportdesk-deal';

interface Props {
  deal: Deal;
  staleDays: number;
  busy: boolean;
  onMove: (deal: Deal, stage: DealStage) => void;
}

/** One deal on the board: customer (a link to it), title, amount, expected close, owner, a stale badge, "Move to…". */
export function DealCard({ deal, staleDays, busy, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const onDragStart = (e: DragEvent<HTMLElement>) => {
    e.dataTransfer.setData(DEAL_DRAG_TYPE, String(deal.id));
    e.dataTransfer.effectAllowed = 'move';
  };
  const targets = DEAL_STAGES.filter((s) => s !== deal.stage && !(deal.stage === 'won' && s === 'lost')).map((s) => ({
    key: s,
    label: stageLabel(t, s),
  }));
  return (
    <article
      className={busy ? 'deal-card is-busy' : 'deal-card'}
      aria-label={t('deals.card.label', { company: deal.company, title: deal.title, stage: stageLabel(t, deal.stage) })}
      aria-busy={busy || undefined}
      data-deal-id={deal.id}
      draggable={!busy}
      onDragStart={onDragStart}
    >
      <a className="deal-card-company" href={customersHash({ search: deal.company })}>
        {deal.company}
      </a>
      <p className="deal-card-title">{deal.title}</p>
      <div className="deal-card-meta">
        <span className="deal-card-amount">
          {deal.amountMinor > 0 ? formatMoney(deal.amountMinor, deal.currency, lang) : t('deals.card.noAmount')}
        </span>
        {deal.stale ? (
          <span className="badge deal-stale" title={t('deals.card.staleHint', { days: staleDays })}>
            {t('deals.card.stale')}
          </span>
        ) : null}
        {deal.lostReason ? (
          <span className="badge">{t('deals.card.lostBecause', { reason: lostReasonLabel(t, deal.lostReason) })}</span>
        ) : null}
      </div>
      <div className="deal-card-meta muted">
        {deal.expectedClose ? <span>{t('deals.card.expected', { date: formatDate(`${deal.expectedClose}T12:00:00Z`, lang) })}</span> : null}
        {deal.owner ? <span>{t('deals.card.owner', { owner: deal.owner })}</span> : null}
      </div>
      <MenuButton
        text={t('deals.card.moveTo')}
        label={t('deals.card.moveTitle', { title: deal.title, company: deal.company })}
        items={targets}
        disabled={busy}
        onSelect={(key) => {
          const stage = DEAL_STAGES.find((s) => s === key);
          if (stage) onMove(deal, stage);
        }}
      />
    </article>
  );
}

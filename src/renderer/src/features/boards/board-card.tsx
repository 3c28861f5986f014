import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard as Card } from '../../../../shared/domain/classification';
import { formatDate } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { classLabel, formatRevenue } from '../../lib/class-labels';
import { statusReason } from '../../lib/customer-status';
import { useBoardDragActions } from './board-drag';
import { MenuButton } from '../../components/menu-button';
import type { MoveTarget } from './move-target';

interface Props {
  card: Card;
  /** The column the card is in. */
  columnKey: string;
  currency: string;
  /** Other columns it can be moved to (empty on a derived board: no "Move to…"). */
  targets: readonly MoveTarget[];
  moving: boolean;
  onMove: (card: Card, from: string, target: MoveTarget) => void;
}

function isPast(iso: string): boolean {
  const d = new Date(iso);
  return !Number.isNaN(d.getTime()) && d.getTime() < Date.now();
}

/** One customer on a board: focusable, draggable, with the facts that decide where it belongs. */
export const BoardCardItem = memo(function BoardCardItem({ card, columnKey, currency, targets, moving, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const drag = useBoardDragActions();
  const [dragged, setDragged] = useState(false);
  const id = useId();
  const notSet = t('common.notSet');
  // The card's one status is its lifecycle stage; a quiet buyer says why, in its own order rhythm
  // (a Champions card badged Dormant is among the year's best buyers, quiet for longer than usual now).
  const reason = statusReason(t, {
    stage: card.lifecycle,
    overridden: card.lifecycleOverridden,
    rhythmDays: card.rhythmDays,
    recencyDays: card.recencyDays,
  });
  const quiet = card.lifecycle === 'dormant' || card.lifecycle === 'lost';
  const priority = card.priority
    ? classLabel(t, lang, 'priority', card.priority)
    : t('boards.card.suggested', { priority: classLabel(t, lang, 'priority', card.suggestedPriority) });

  return (
    <li
      className={`board-card${dragged ? ' is-dragging' : ''}${moving ? ' is-moving' : ''}`}
      data-testid={`board-card-${card.id}`}
      data-card-id={card.id}
      tabIndex={0}
      aria-labelledby={`${id}-company`}
      aria-describedby={`${id}-details`}
      aria-busy={moving || undefined}
      draggable={!moving}
      onDragStart={(e) => {
        setDragged(true);
        drag.startDrag({ card, from: columnKey }, e);
      }}
      onDragEnd={(e) => {
        setDragged(false);
        drag.endDrag(e);
      }}
    >
      <div className="board-card-head">
        <span id={`${id}-company`} className="board-card-company">
          {card.company}
        </span>
        <span className="board-card-country" title={card.country ? regionName(card.country, lang) : t('enums.unknownArea')}>
          {card.country || '??'}
        </span>
      </div>
      <div id={`${id}-details`} className="board-card-details">
        <div className="board-card-badges">
          <span className="badge lifecycle-badge" title={reason || undefined}>
            {classLabel(t, lang, 'lifecycle', card.lifecycle)}
            {card.lifecycleOverridden ? (
              <span className="override-mark" data-testid="card-override" title={t('boards.card.overrideTitle')}>
                <span aria-hidden="true">✎ </span>
                {t('boards.card.override')}
              </span>
            ) : null}
          </span>
          <span className={`badge tier-badge tier-${card.tier}`}>{classLabel(t, lang, 'tier', card.tier)}</span>
          <span className={card.priority ? `badge priority-${card.priority}` : 'badge badge-suggested'}>{priority}</span>
        </div>
        {quiet && reason ? <p className="board-card-reason">{reason}</p> : null}
        <dl className="board-card-facts">
          <div>
            <dt>{t('boards.card.lastOrder')}</dt>
            <dd>{card.lastOrderAt ? <time dateTime={card.lastOrderAt}>{formatDate(card.lastOrderAt, lang)}</time> : notSet}</dd>
          </div>
          <div>
            <dt>{t('boards.card.nextFollowUp')}</dt>
            <dd className={card.nextFollowUpAt && isPast(card.nextFollowUpAt) ? 'is-overdue' : undefined}>
              {card.nextFollowUpAt ? <time dateTime={card.nextFollowUpAt}>{formatDate(card.nextFollowUpAt, lang)}</time> : notSet}
            </dd>
          </div>
          <div>
            <dt>{t('boards.card.revenue')}</dt>
            <dd>{formatRevenue(card.revenueMinor, currency, lang)}</dd>
          </div>
          {card.owner ? (
            <div>
              <dt>{t('boards.card.owner')}</dt>
              <dd>{card.owner}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      {targets.length > 0 ? (
        <MenuButton
          text={t('boards.move.button')}
          label={t('boards.move.menuFor', { company: card.company })}
          items={targets}
          disabled={moving}
          onSelect={(key) => {
            const target = targets.find((x) => x.key === key);
            if (target) onMove(card, columnKey, target);
          }}
        />
      ) : null}
    </li>
  );
});

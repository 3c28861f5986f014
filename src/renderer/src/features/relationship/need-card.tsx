import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../../shared/domain/relationship';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { MenuButton, type MenuButtonItem } from '../../components/menu-button';
import { needCategoryLabel, needStatusLabel, priorityLabel } from './relationship-labels';

/** The drag payload type of a need card (its id). */
export const NEED_DRAG_TYPE = 'application/x-exportdesk-need';

interface Props {
  need: Need;
  /** The board's grouping: the card shows the other one as a badge. */
  groupBy: 'status' | 'category';
  /** The other columns of the board, offered by "Move to…". */
  targets: readonly MenuButtonItem[];
  busy: boolean;
  onMove: (need: Need, key: string) => void;
}

/** One need on the board: company (a link to it in the customer list), description, priority, category or status, date, "Move to…". */
export function NeedCard({ need, groupBy, targets, busy, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const category = needCategoryLabel(t, need.category);
  const onDragStart = (e: DragEvent<HTMLElement>) => {
    e.dataTransfer.setData(NEED_DRAG_TYPE, String(need.id));
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <article
      className={busy ? 'need-card is-busy' : 'need-card'}
      aria-label={t('relationship.needs.cardLabel', { company: need.company, category })}
      aria-busy={busy || undefined}
      data-need-id={need.id}
      draggable={!busy}
      onDragStart={onDragStart}
    >
      <a className="need-card-company" href={customersHash({ search: need.company })}>
        {need.company}
      </a>
      <p className={need.description ? 'need-card-text' : 'need-card-text muted'}>
        {need.description || t('relationship.needs.noDescription')}
      </p>
      <div className="need-card-meta">
        <span className={`badge priority-${need.priority}`}>
          {t('relationship.needs.priorityBadge', { priority: priorityLabel(t, need.priority) })}
        </span>
        <span className="badge">{groupBy === 'status' ? category : needStatusLabel(t, need.status)}</span>
        <time className="muted need-card-date" dateTime={need.createdAt}>
          {formatDate(need.createdAt, i18n.language)}
        </time>
      </div>
      <MenuButton
        text={t('relationship.needs.moveTo')}
        label={t('relationship.needs.moveTitle', { company: need.company })}
        items={targets}
        disabled={busy}
        onSelect={(key) => onMove(need, key)}
      />
    </article>
  );
}

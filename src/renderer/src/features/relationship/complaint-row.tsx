import { Button } from 'antd';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/domain/relationship';
import { customersHash } from '../../app/route-filter';
import { formatDateTime } from '../../i18n/format-date';
import { ACTION_KEYS, actionsFor, type ComplaintAction } from './complaint-actions';
import { ComplaintFacts } from './complaint-facts';
import { complaintCategoryLabel, complaintStatusLabel, severityLabel } from './relationship-labels';

interface Props {
  complaint: Complaint;
  /** The row Tab lands on (roving tabindex). */
  tabbable: boolean;
  busy: boolean;
  rowRef: Ref<HTMLTableRowElement>;
  onFocusRow: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => void;
  onAction: (action: ComplaintAction) => void;
  /** Opens the complaint's photos (to see, add or remove them). */
  onShowPhotos: () => void;
}

/**
 * One complaint: respond-by (red, "Overdue" when late), customer link, category, severity, status,
 * owner, description (with the order, the amount claimed and the photos), actions.
 */
export function ComplaintRow({ complaint: k, tabbable, busy, rowRef, onFocusRow, onKeyDown, onAction, onShowPhotos }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const severity = severityLabel(t, k.severity);
  const done = k.status === 'resolved' || k.status === 'closed';

  return (
    <tr
      ref={rowRef}
      className={k.overdue ? 'focus-row complaint-row is-overdue' : 'focus-row complaint-row'}
      tabIndex={tabbable ? 0 : -1}
      aria-label={t('relationship.complaints.subject', { severity, category: complaintCategoryLabel(t, k.category), company: k.company })}
      data-complaint-id={k.id}
      onFocus={onFocusRow}
      onKeyDown={onKeyDown}
    >
      <td className="complaint-due">
        <time dateTime={k.dueBy}>{formatDateTime(k.dueBy, lang)}</time>
        {k.overdue ? <span className="complaint-overdue">{t('relationship.complaints.overdue')}</span> : null}
        {done && k.resolvedAt ? (
          <span className="muted complaint-resolved-at">
            {t('relationship.complaints.resolvedAt', { when: formatDateTime(k.resolvedAt, lang) })}
          </span>
        ) : null}
      </td>
      <td>
        <a href={customersHash({ search: k.company })} tabIndex={tabbable ? 0 : -1} className="complaint-company">
          {k.company}
        </a>
      </td>
      <td>{complaintCategoryLabel(t, k.category)}</td>
      <td>
        <span className={`badge rel-severity-${k.severity}`}>{severity}</span>
      </td>
      <td>
        <span className={`badge rel-complaint-status-${k.status}`}>{complaintStatusLabel(t, k.status)}</span>
      </td>
      <td>{k.owner || <span className="muted">{t('common.notSet')}</span>}</td>
      <td className="complaint-text">
        {k.description}
        <ComplaintFacts details={k} onShowPhotos={onShowPhotos} tabIndex={tabbable ? 0 : -1} />
        {k.resolution ? (
          <span className="complaint-resolution">{t('relationship.complaints.resolutionLine', { text: k.resolution })}</span>
        ) : null}
      </td>
      <td className="complaint-actions">
        {actionsFor(k.status).map((action) => {
          const label = t(`relationship.complaints.actions.${action}`);
          return (
            <Button
              key={action}
              size="small"
              type={action === 'resolve' ? 'primary' : 'default'}
              title={t('relationship.withKey', { label, key: ACTION_KEYS[action].toUpperCase() })}
              disabled={busy}
              tabIndex={tabbable ? 0 : -1}
              onClick={() => onAction(action)}
            >
              {label}
            </Button>
          );
        })}
      </td>
    </tr>
  );
}

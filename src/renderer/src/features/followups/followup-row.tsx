import { Button } from 'antd';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_REASONS, type FollowUp, type PlanProposal } from '../../../../shared/domain/followups';
import { customersHash } from '../../app/route-filter';
import { formatDateTime } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { localDaysOverdue } from '../../lib/local-time';

export type RowAction = 'complete' | 'snooze1' | 'snoozeMore' | 'reschedule' | 'cancel';

interface Props {
  followUp: FollowUp;
  /** The row Tab lands on (roving tabindex). */
  tabbable: boolean;
  /** Done rows show the outcome and no actions. */
  done: boolean;
  rowRef: Ref<HTMLTableRowElement>;
  onFocusRow: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => void;
  onAction: (action: RowAction) => void;
  busy: boolean;
}

/** One follow-up: due (red with "n days overdue" when late), type, company link, country, tier, owner, note, actions. */
export function FollowUpRow({ followUp: f, tabbable, done, rowRef, onFocusRow, onKeyDown, onAction, busy }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const overdueDays = done ? 0 : localDaysOverdue(f.dueAt);
  const type = t(`followups.types.${f.type}`);
  const button = (action: RowAction, label: string, title: string, look: 'primary' | 'danger' | 'default' = 'default') => (
    <Button
      size="small"
      type={look === 'primary' ? 'primary' : 'default'}
      danger={look === 'danger'}
      title={title}
      disabled={busy}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onAction(action)}
    >
      {label}
    </Button>
  );

  return (
    <tr
      ref={rowRef}
      className={overdueDays > 0 ? 'focus-row followup-row is-overdue' : 'focus-row followup-row'}
      tabIndex={tabbable ? 0 : -1}
      aria-label={t('followups.subject', { type, company: f.company })}
      data-followup-id={f.id}
      onFocus={onFocusRow}
      onKeyDown={onKeyDown}
    >
      <td className="followup-due">
        <span className="followup-due-time">{formatDateTime(done && f.doneAt ? f.doneAt : f.dueAt, lang)}</span>
        {overdueDays > 0 ? <span className="followup-overdue">{t('followups.daysOverdue', { count: overdueDays })}</span> : null}
      </td>
      <td>{type}</td>
      <td>
        <a href={customersHash({ search: f.company })} tabIndex={tabbable ? 0 : -1} className="followup-company">
          {f.company}
        </a>
      </td>
      <td className="followup-country">{f.country || t('common.notSet')}</td>
      <td>
        {f.tier === 'A' || f.tier === 'B' || f.tier === 'C' ? (
          <span className={`class-badge cls-tier-${f.tier}`}>{classLabel(t, lang, 'tier', f.tier)}</span>
        ) : (
          <span className="muted">{classLabel(t, lang, 'tier', f.tier)}</span>
        )}
      </td>
      <td>{f.owner || <span className="muted">{t('common.notSet')}</span>}</td>
      <td className="followup-note">
        {done ? (
          <>
            <span className="followup-outcome">{f.outcome}</span>
            {f.note ? <span className="muted followup-note-text">{f.note}</span> : null}
          </>
        ) : f.note ? (
          f.note
        ) : isPlanReason(f.source) ? (
          <span className="muted">{t(`followups.proposals.reason.${f.source}`)}</span>
        ) : null}
      </td>
      {done ? null : (
        <td className="followup-actions">
          {button(
            'complete',
            t('followups.actions.complete'),
            t('followups.withKey', { label: t('followups.actions.complete'), key: 'C' }),
            'primary',
          )}
          {button('snooze1', t('followups.actions.snooze1'), t('followups.withKey', { label: t('followups.actions.snooze1'), key: 'S' }))}
          {button(
            'snoozeMore',
            t('followups.actions.snoozeMore'),
            t('followups.withKey', { label: t('followups.actions.snoozeMore'), key: 'Shift+S' }),
          )}
          {button(
            'reschedule',
            t('followups.actions.reschedule'),
            t('followups.withKey', { label: t('followups.actions.reschedule'), key: 'R' }),
          )}
          {button(
            'cancel',
            t('followups.actions.cancel'),
            t('followups.withKey', { label: t('followups.actions.cancel'), key: 'Delete' }),
            'danger',
          )}
        </td>
      )}
    </tr>
  );
}

const isPlanReason = (source: string): source is PlanProposal['reason'] => (PLAN_REASONS as readonly string[]).includes(source);

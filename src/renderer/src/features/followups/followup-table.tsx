import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/followups';
import { useConfirm } from '../../components/use-confirm';
import { formatDateTime } from '../../i18n/format-date';
import { CompleteDialog } from './complete-dialog';
import { FollowUpRow, type RowAction } from './followup-row';
import { RescheduleDialog } from './reschedule-dialog';
import { SnoozeDialog } from './snooze-dialog';
import { useFollowUpActions } from './use-followup-actions';

type Open = { kind: 'complete' | 'snooze' | 'reschedule'; followUp: FollowUp } | null;

interface Props {
  label: string;
  items: readonly FollowUp[];
  done: boolean;
  /** Shown instead of the table when the list is empty (the dialogs stay: completing the last row goes on to plan the next). */
  emptyText: string;
}

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The follow-ups of one list as a table of focusable rows: ↑/↓/Home/End move between rows; on the
 * focused row C completes, S snoozes a day, Shift+S offers 1/3/7 days, R reschedules, Delete cancels.
 * After an action removes a row, focus stays at the same place in the list.
 */
export function FollowUpTable({ label, items, done, emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const actions = useFollowUpActions();
  const { confirm, confirmDialog } = useConfirm();
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<Open>(null);
  const [busy, setBusy] = useState<number | null>(null);
  /**
   * Focus belongs in the list (an action ran from it): when the focused row goes away as the list
   * reloads, focus moves to the row now at the same place. Cleared when focus moves elsewhere.
   */
  const refocus = useRef(false);

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const focusRow = (index: number) => {
    const f = items[index];
    if (!f) return;
    setActive(index);
    rows.current.get(f.id)?.focus();
  };

  useEffect(() => {
    if (!refocus.current || dialog) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    const f = items[activeIndex];
    if (f) rows.current.get(f.id)?.focus();
  }, [items, activeIndex, dialog]);

  const closeDialog = () => {
    refocus.current = true;
    setDialog(null);
  };

  const runAction = async (f: FollowUp, action: RowAction) => {
    if (action === 'complete') return setDialog({ kind: 'complete', followUp: f });
    if (action === 'snoozeMore') return setDialog({ kind: 'snooze', followUp: f });
    if (action === 'reschedule') return setDialog({ kind: 'reschedule', followUp: f });
    if (action === 'cancel') {
      const type = t(`followups.types.${f.type}`);
      const ok = await confirm({
        title: t('followups.cancel.title'),
        body: t('followups.cancel.body', { type, company: f.company, when: formatDateTime(f.dueAt, i18n.language) }),
        confirmLabel: t('followups.cancel.confirm'),
        cancelLabel: t('followups.cancel.keep'),
        destructive: true,
      });
      if (!ok) return undefined;
    }
    refocus.current = true;
    setBusy(f.id);
    try {
      if (action === 'snooze1') await actions.snooze(f, 1);
      else if (action === 'cancel') await actions.cancel(f);
    } finally {
      setBusy(null);
    }
    return undefined;
  };

  const onRowKeyDown = (index: number, f: FollowUp) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.defaultPrevented || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    const move = (to: number) => {
      e.preventDefault();
      focusRow(Math.max(0, Math.min(items.length - 1, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      default:
        break;
    }
    if (done || busy !== null) return;
    const key = e.key.toLowerCase();
    const action: RowAction | null =
      key === 'c' ? 'complete' : key === 's' ? (e.shiftKey ? 'snoozeMore' : 'snooze1') : key === 'r' ? 'reschedule' : e.key === 'Delete' ? 'cancel' : null;
    if (!action) return;
    e.preventDefault();
    void runAction(f, action);
  };

  return (
    <>
      {items.length === 0 ? <p className="followup-message muted">{emptyText}</p> : null}
      <table
        className="followup-table"
        aria-label={label}
        hidden={items.length === 0}
        onBlur={(e) => {
          if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) refocus.current = false;
        }}
      >
        <thead>
          <tr>
            <th scope="col">{done ? t('followups.columns.doneAt') : t('followups.columns.due')}</th>
            <th scope="col">{t('followups.columns.type')}</th>
            <th scope="col">{t('followups.columns.company')}</th>
            <th scope="col">{t('followups.columns.country')}</th>
            <th scope="col">{t('followups.columns.tier')}</th>
            <th scope="col">{t('followups.columns.owner')}</th>
            <th scope="col">{done ? t('followups.columns.outcome') : t('followups.columns.note')}</th>
            {done ? null : (
              <th scope="col">
                <span className="visually-hidden">{t('followups.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((f, index) => (
            <FollowUpRow
              key={f.id}
              followUp={f}
              done={done}
              tabbable={index === activeIndex}
              busy={busy === f.id}
              rowRef={(el) => {
                if (el) rows.current.set(f.id, el);
                else rows.current.delete(f.id);
              }}
              onFocusRow={() => setActive(index)}
              onKeyDown={onRowKeyDown(index, f)}
              onAction={(action) => void runAction(f, action)}
            />
          ))}
        </tbody>
      </table>
      {dialog?.kind === 'complete' ? <CompleteDialog followUp={dialog.followUp} onClose={closeDialog} /> : null}
      {dialog?.kind === 'snooze' ? <SnoozeDialog followUp={dialog.followUp} onClose={closeDialog} /> : null}
      {dialog?.kind === 'reschedule' ? <RescheduleDialog followUp={dialog.followUp} onClose={closeDialog} /> : null}
      {confirmDialog}
    </>
  );
}

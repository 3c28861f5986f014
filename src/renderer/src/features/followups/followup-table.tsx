import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import type { FollowUp } from '../../../../shared/domain/followups';
import { useConfirm } from '../../components/use-confirm';
import { useRowFocus } from '../../components/use-row-focus';
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

/**
 * The follow-ups of one list as a table of focusable rows: ↑/↓/Home/End move between rows; on the
 * focused row C completes, S snoozes a day, Shift+S offers 1/3/7 days, R reschedules, Delete cancels.
 * After an action removes a row, focus stays at the same place in the list.
 */
export function FollowUpTable({ label, items, done, emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const actions = useFollowUpActions();
  const { confirm, confirmDialog } = useConfirm();
  const [dialog, setDialog] = useState<Open>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const nav = useRowFocus(items, dialog !== null);

  const closeDialog = () => {
    nav.keepFocus();
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
    nav.keepFocus();
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
    if (nav.handleRowKey(e, index)) return;
    if (done || busy !== null) return;
    const key = e.key.toLowerCase();
    const action: RowAction | null =
      key === 'c'
        ? 'complete'
        : key === 's'
          ? e.shiftKey
            ? 'snoozeMore'
            : 'snooze1'
          : key === 'r'
            ? 'reschedule'
            : e.key === 'Delete'
              ? 'cancel'
              : null;
    if (!action) return;
    e.preventDefault();
    void runAction(f, action);
  };

  return (
    <>
      {items.length === 0 ? <EmptyState text={emptyText} /> : null}
      <table className="row-table" aria-label={label} hidden={items.length === 0} onBlur={nav.onTableBlur}>
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
              {...nav.rowProps(index, f)}
              busy={busy === f.id}
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

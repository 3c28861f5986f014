import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import type { Complaint } from '../../../../shared/domain/relationship';
import { useRowFocus } from '../../components/use-row-focus';
import { call } from '../../lib/ipc';
import { ACTION_KEYS, actionsFor, type ComplaintAction } from './complaint-actions';
import { ComplaintPhotosDialog } from './complaint-photos-dialog';
import { ComplaintRow } from './complaint-row';
import { ReassignDialog } from './reassign-dialog';
import { ResolveDialog } from './resolve-dialog';
import { complaintStatusLabel } from './relationship-labels';
import { useRelationshipWrites } from './use-relationship-writes';

type Open = { kind: 'resolve' | 'reassign' | 'photos'; complaint: Complaint } | null;

interface Props {
  label: string;
  items: readonly Complaint[];
  emptyText: string;
}

/**
 * Complaints as a table of focusable rows: ↑/↓/Home/End move between rows; on the focused row P
 * starts work, R resolves, C closes, O reopens, A reassigns. When an action takes a row out of the
 * list, focus stays at the same place in it.
 */
export function ComplaintsTable({ label, items, emptyText }: Props) {
  const { t } = useTranslation();
  const { run } = useRelationshipWrites();
  const [dialog, setDialog] = useState<Open>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const nav = useRowFocus(items, dialog !== null);

  const closeDialog = () => {
    nav.keepFocus();
    setDialog(null);
  };

  const setStatus = async (k: Complaint, status: Complaint['status']) => {
    nav.keepFocus();
    setBusy(k.id);
    try {
      await run(() => call('complaints.update', { id: k.id, version: k.version, patch: { status } }), {
        done: () => t('relationship.complaints.statusChanged', { company: k.company, status: complaintStatusLabel(t, status) }),
        conflict: t('relationship.complaints.conflict'),
      });
    } finally {
      setBusy(null);
    }
  };

  const runAction = (k: Complaint, action: ComplaintAction) => {
    if (action === 'resolve' || action === 'reassign') setDialog({ kind: action, complaint: k });
    else void setStatus(k, action === 'start' ? 'in_progress' : action === 'close' ? 'closed' : 'open');
  };

  const onRowKeyDown = (index: number, k: Complaint) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (nav.handleRowKey(e, index)) return;
    if (busy !== null || e.shiftKey) return;
    const action = actionsFor(k.status).find((a) => ACTION_KEYS[a] === e.key.toLowerCase());
    if (!action) return;
    e.preventDefault();
    runAction(k, action);
  };

  return (
    <>
      {items.length === 0 ? <EmptyState text={emptyText} /> : null}
      <table className="row-table complaint-table" aria-label={label} hidden={items.length === 0} onBlur={nav.onTableBlur}>
        <thead>
          <tr>
            <th scope="col">{t('relationship.complaints.columns.dueBy')}</th>
            <th scope="col">{t('relationship.complaints.columns.customer')}</th>
            <th scope="col">{t('relationship.complaints.columns.category')}</th>
            <th scope="col">{t('relationship.complaints.columns.severity')}</th>
            <th scope="col">{t('relationship.complaints.columns.status')}</th>
            <th scope="col">{t('relationship.complaints.columns.owner')}</th>
            <th scope="col">{t('relationship.complaints.columns.description')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('relationship.complaints.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((k, index) => (
            <ComplaintRow
              key={k.id}
              complaint={k}
              {...nav.rowProps(index, k)}
              busy={busy === k.id}
              onKeyDown={onRowKeyDown(index, k)}
              onAction={(action) => runAction(k, action)}
              onShowPhotos={() => setDialog({ kind: 'photos', complaint: k })}
            />
          ))}
        </tbody>
      </table>
      {dialog?.kind === 'resolve' ? <ResolveDialog complaint={dialog.complaint} onClose={closeDialog} /> : null}
      {dialog?.kind === 'reassign' ? <ReassignDialog complaint={dialog.complaint} onClose={closeDialog} /> : null}
      {dialog?.kind === 'photos' ? <ComplaintPhotosDialog complaint={dialog.complaint} onClose={closeDialog} /> : null}
    </>
  );
}

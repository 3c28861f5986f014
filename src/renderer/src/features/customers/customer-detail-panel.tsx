import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { LogTouchDialog, PlanFollowUpDialog, TimelineSection } from '../followups';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { ClassificationSection } from './classification-section';
import { PoolOwnerLine } from '../pool';
import { RelationshipSection } from '../relationship';
import { CustomerQuotationsSection } from '../quotations';
import { CustomerDealsSection } from '../deals';
import { CustomerProductsSection } from '../products';
import { RecommendedProductsSection } from '../recommendations';
import { ContactsSection, type ContactEditing } from './contacts-section';
import { CustomerEditForm } from './customer-edit-form';
import { customerKeys } from '../../lib/customer-keys';
import { CustomerSummary } from './customer-summary';
import { useCustomerDetail } from './use-customer-detail';
import { usePrintCard } from './print-card';
import { useAppCommand } from '../../app/use-app-command';
import { regionName } from '../../i18n/region-names';
import { shortcutLabel } from '../../lib/local-day';
import { NextStepSection } from './next-step-section';
import { BuyerTimeLine } from './buyer-time-line';
import { ClassesSummaryLine, StatusLine } from './status-line';

type Mode =
  | { kind: 'view' }
  | { kind: 'edit'; generation: number }
  | { kind: 'potential' }
  | { kind: 'contact'; target: Exclude<ContactEditing, null> };

interface Props {
  id: number;
  /** The company name known from the grid, used until the full record arrives. */
  company: string;
  /** Close (the page asks about unsaved changes first). */
  onClose: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The selected customer: all fields, its classes (potential editable), Edit, Archive / Restore, and contacts. */
export function CustomerDetailPanel({ id, company, onClose, onDirtyChange }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useCustomerDetail(id);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [archiving, setArchiving] = useState(false);
  const [planning, setPlanning] = useState(false);
  const [logging, setLogging] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const dirty = useRef(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();

  const setDirty = useCallback(
    (d: boolean) => {
      dirty.current = d;
      onDirtyChange(d);
    },
    [onDirtyChange],
  );

  const backToView = () => {
    setDirty(false);
    setMode({ kind: 'view' });
    window.setTimeout(() => editButton.current?.focus(), 0);
  };

  const leaveForm = async () => {
    if (dirty.current && !(await confirmDiscard())) return;
    backToView();
  };

  const onSaved = (saved: CustomerDetail) => {
    client.setQueryData(customerKeys.detail(id), saved);
    backToView();
  };

  const onConflict = async () => {
    await client.refetchQueries({ queryKey: customerKeys.detail(id), exact: true });
    setDirty(false);
    setMode((m) => ({ kind: 'edit', generation: m.kind === 'edit' ? m.generation + 1 : 0 }));
  };

  /** The potential editor lost to another edit: show the latest classes and let the user decide again. */
  const onPotentialConflict = async () => {
    await client.refetchQueries({ queryKey: customerKeys.detail(id), exact: true });
    backToView();
  };

  const toggleArchived = async (customer: CustomerDetail) => {
    const archived = !customer.archivedAt;
    setArchiving(true);
    notices.clearError();
    try {
      await call('customers.archive', { ids: [customer.id], archived });
      notices.announce(t(archived ? 'detail.archived' : 'detail.restored', { company: customer.company }), {
        label: t('common.undo'),
        run: async () => {
          await call('customers.archive', { ids: [customer.id], archived: !archived });
          notices.announce(t(archived ? 'detail.restored' : 'detail.archived', { company: customer.company }));
        },
      });
    } catch (err) {
      notices.showError(err);
    } finally {
      setArchiving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
    }
  };

  const detail = query.data;
  const name = detail?.company ?? company;
  // Ctrl/⌘+L logs a touch with the open customer, from anywhere while the panel is open.
  const canLog = Boolean(detail) && !detail?.archivedAt && mode.kind === 'view';
  useEffect(() => {
    if (!canLog) return undefined;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l' && !e.defaultPrevented) {
        e.preventDefault();
        setLogging(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canLog]);
  const printCard = usePrintCard(detail);
  // Ctrl/Cmd+P (or File → Print customer card) prints the open customer's card.
  useAppCommand('printCustomer', printCard.print, Boolean(detail));

  return (
    <aside className="detail-panel" aria-label={name} onKeyDown={onKeyDown}>
      <div className="detail-header">
        <h2 className="detail-title">{name}</h2>
        <Button type="text" className="detail-close" aria-label={t('detail.closePanel')} title={t('detail.closePanel')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </Button>
      </div>
      {!detail ? (
        <p className="muted">{query.isError ? errorText(t, toIpcError(query.error)) : t('common.loading')}</p>
      ) : (
        <div className="detail-body">
          <p className="detail-subtitle muted">
            {[
              detail.country ? regionName(detail.country, i18n.language) : '',
              detail.city,
              detail.owner ? t('detail.ownerIs', { owner: detail.owner }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <BuyerTimeLine country={detail.country} city={detail.city} />
          <PoolOwnerLine customerId={detail.id} company={detail.company} locked={mode.kind !== 'view'} />
          {detail.archivedAt ? <p className="inline-notice">{t('detail.archivedNotice')}</p> : null}
          {mode.kind === 'edit' ? (
            <section className="detail-section" aria-label={t('detail.editHeading')}>
              <CustomerEditForm
                key={mode.generation}
                customer={detail}
                onSaved={onSaved}
                onCancel={() => void leaveForm()}
                onConflict={() => void onConflict()}
                onDirtyChange={setDirty}
              />
            </section>
          ) : (
            <>
              <div className="detail-actions">
                <Button
                  type="primary"
                  onClick={() => setLogging(true)}
                  disabled={!canLog}
                  aria-keyshortcuts="Control+L Meta+L"
                  title={shortcutLabel('⌘L', 'Ctrl+L')}
                >
                  {t('followups.log.button')}
                </Button>
                <Button onClick={() => setPlanning(true)} disabled={mode.kind !== 'view' || Boolean(detail.archivedAt)}>
                  {t('followups.plan.button')}
                </Button>
                <Button ref={editButton} onClick={() => setMode({ kind: 'edit', generation: 0 })} disabled={mode.kind !== 'view'}>
                  {t('detail.edit')}
                </Button>
                <Button onClick={printCard.print} title="Ctrl+P">
                  {t('detail.printCard')}
                </Button>
                <Button onClick={() => void toggleArchived(detail)} disabled={archiving || mode.kind !== 'view'}>
                  {t(detail.archivedAt ? 'detail.restore' : 'detail.archive')}
                </Button>
              </div>
              <StatusLine customer={detail} />
            </>
          )}
          {/* A salesperson's order: who to reach and how, what is next, notes, then the history. */}
          <ContactsSection
            customer={detail}
            editing={mode.kind === 'contact' ? mode.target : null}
            locked={mode.kind === 'edit' || mode.kind === 'potential'}
            onEdit={(target) => target !== null && setMode({ kind: 'contact', target })}
            onCancelEdit={() => void leaveForm()}
            onEditDone={backToView}
            onDirtyChange={setDirty}
          />
          <NextStepSection customerId={detail.id} />
          {mode.kind !== 'edit' ? (
            <section className="detail-section" aria-label={t('detail.notes')}>
              <h3>{t('detail.notes')}</h3>
              <p className={detail.notes ? 'notes-text' : 'notes-text muted'}>{detail.notes || t('detail.noNotes')}</p>
            </section>
          ) : null}
          <CustomerDealsSection customer={detail} locked={mode.kind === 'edit' || mode.kind === 'potential'} />
          <CustomerProductsSection customerId={detail.id} />
          <RecommendedProductsSection customerId={detail.id} />
          <CustomerQuotationsSection customer={detail} locked={mode.kind === 'edit' || mode.kind === 'potential'} />
          <RelationshipSection customer={detail} locked={mode.kind === 'edit' || mode.kind === 'potential'} />
          <TimelineSection customerId={detail.id} />
          {mode.kind !== 'edit' ? (
            <>
              <details className="detail-fold">
                <summary>
                  <ClassesSummaryLine customer={detail} />
                </summary>
                <ClassificationSection
                  customer={detail}
                  editingPotential={mode.kind === 'potential'}
                  locked={mode.kind !== 'view'}
                  onEditPotential={() => setMode({ kind: 'potential' })}
                  onPotentialSaved={onSaved}
                  onCancelPotential={() => void leaveForm()}
                  onConflict={() => void onPotentialConflict()}
                  onDirtyChange={setDirty}
                />
              </details>
              <details className="detail-fold">
                <summary>{t('detail.allDetails')}</summary>
                <CustomerSummary customer={detail} />
              </details>
            </>
          ) : null}
        </div>
      )}
      {discardDialog}
      {printCard.card}
      {logging && detail ? <LogTouchDialog customerId={detail.id} company={detail.company} onClose={() => setLogging(false)} /> : null}
      {planning && detail ? (
        <PlanFollowUpDialog
          customerId={detail.id}
          company={detail.company}
          owner={detail.owner}
          buyer={{ country: detail.country, city: detail.city }}
          onClose={() => setPlanning(false)}
        />
      ) : null}
    </aside>
  );
}

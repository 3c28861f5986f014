import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/domain/relationship';
import { TabList } from '../../components/tab-list';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { ComplaintDialog } from './complaint-dialog';
import { ComplaintsTable } from './complaints-table';
import { newShortcutLabel, NewRecordButton, useNewShortcut } from './new-record-button';
import { PAGE_LIMIT, useComplaintList } from './use-relationship-data';

const TABS = ['open', 'in_progress', 'overdue', 'resolved', 'closed', 'all'] as const;
type Tab = (typeof TABS)[number];

const inTab = (tab: Tab, k: Complaint): boolean => (tab === 'all' ? true : tab === 'overdue' ? k.overdue : k.status === tab);

/**
 * Complaints (投诉): lists by status plus Overdue, each with its count, worked from the keyboard;
 * "New complaint" (Ctrl/⌘+N) records one for a customer picked by typing.
 */
export function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<Tab>('open');
  const list = useComplaintList({ limit: PAGE_LIMIT });
  const all = list.data;
  const number = new Intl.NumberFormat(i18n.language);
  const newButton = useRef<HTMLButtonElement>(null);
  const [creating, setCreating] = useState(false);
  /** The complaint just recorded: its row gets focus once the list shows it. */
  const [focusId, setFocusId] = useState<number | null>(null);
  const [backToButton, setBackToButton] = useState(0);
  useNewShortcut(() => setCreating(true), !creating);

  const counts = useMemo(() => {
    const out = Object.fromEntries(TABS.map((name) => [name, 0])) as Record<Tab, number>;
    for (const k of all ?? []) for (const name of TABS) if (inTab(name, k)) out[name] += 1;
    return out;
  }, [all]);
  const items = useMemo(() => (all ?? []).filter((k) => inTab(tab, k)), [all, tab]);

  const created = (saved: Complaint | null) => {
    setCreating(false);
    if (!saved) {
      setBackToButton((n) => n + 1);
      return;
    }
    if (!inTab(tab, saved)) setTab('open');
    setFocusId(saved.id);
  };
  // After the dialog has gone (it gives focus back to where it was opened from): the new row, or the button.
  useEffect(() => {
    if (backToButton > 0) newButton.current?.focus();
  }, [backToButton]);
  useEffect(() => {
    if (focusId === null) return;
    const row = document.querySelector<HTMLElement>(`tr[data-complaint-id="${focusId}"]`);
    if (!row) return;
    row.focus();
    setFocusId(null);
  }, [focusId, items]);

  return (
    <div className="complaints-page">
      <div className="page-header">
        <h1 className="page-title">{t('relationship.complaints.title')}</h1>
        <NewRecordButton ref={newButton} label={t('relationship.newComplaint')} onClick={() => setCreating(true)} />
      </div>
      <div className="tab-subbar">
        <TabList
          idPrefix="complaints"
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          label={t('relationship.complaints.tabsLabel')}
          tabLabel={(name) => t(`relationship.complaints.tabs.${name}`)}
          count={(name) => (all ? number.format(counts[name]) : '')}
          overdue={(name) => name === 'overdue' && counts.overdue > 0}
        />
        <p className="keys-hint muted" id="complaints-keys-hint">
          {t('relationship.complaints.shortcutsHint')}
        </p>
      </div>
      <div
        role="tabpanel"
        id="complaints-panel"
        aria-labelledby={`complaints-tab-${tab}`}
        aria-describedby="complaints-keys-hint"
        className="tab-panel"
        aria-busy={list.isFetching || undefined}
      >
        {!all ? (
          <p className="relationship-message muted">{list.isError ? errorText(t, toIpcError(list.error)) : t('common.loading')}</p>
        ) : (
          <>
            <ComplaintsTable
              label={t(`relationship.complaints.tabs.${tab}`)}
              items={items}
              emptyText={t(`relationship.complaints.empty.${tab}`, { shortcut: newShortcutLabel() })}
            />
            {all.length >= PAGE_LIMIT ? (
              <p className="relationship-message muted">{t('relationship.complaints.more', { count: PAGE_LIMIT })}</p>
            ) : null}
          </>
        )}
      </div>
      {creating ? <ComplaintDialog onClose={created} /> : null}
    </div>
  );
}

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/domain/followups';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { ComplaintsTable } from './complaints-table';
import { PAGE_LIMIT, useComplaintList } from './use-relationship-data';

const TABS = ['open', 'in_progress', 'overdue', 'resolved', 'closed', 'all'] as const;
type Tab = (typeof TABS)[number];

const inTab = (tab: Tab, k: Complaint): boolean => (tab === 'all' ? true : tab === 'overdue' ? k.overdue : k.status === tab);

/** Complaints (投诉): lists by status plus Overdue, each with its count, worked from the keyboard. */
export function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<Tab>('open');
  const list = useComplaintList({ limit: PAGE_LIMIT });
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());
  const all = list.data;
  const number = new Intl.NumberFormat(i18n.language);

  const counts = useMemo(() => {
    const out = Object.fromEntries(TABS.map((name) => [name, 0])) as Record<Tab, number>;
    for (const k of all ?? []) for (const name of TABS) if (inTab(name, k)) out[name] += 1;
    return out;
  }, [all]);
  const items = useMemo(() => (all ?? []).filter((k) => inTab(tab, k)), [all, tab]);

  const onTabKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length] ?? 'open';
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <div className="complaints-page">
      <div className="page-header">
        <h1 className="page-title">{t('relationship.complaints.title')}</h1>
      </div>
      <div className="relationship-subbar">
        <div role="tablist" aria-label={t('relationship.complaints.tabsLabel')} className="relationship-tabs" onKeyDown={onTabKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                if (el) tabRefs.current.set(name, el);
                else tabRefs.current.delete(name);
              }}
              type="button"
              role="tab"
              id={`complaints-tab-${name}`}
              aria-selected={tab === name}
              aria-controls="complaints-panel"
              tabIndex={tab === name ? 0 : -1}
              className={name === 'overdue' && counts.overdue > 0 ? 'relationship-tab has-overdue' : 'relationship-tab'}
              onClick={() => setTab(name)}
            >
              {t(`relationship.complaints.tabs.${name}`)}
              <span className="relationship-tab-count" data-testid={`complaints-count-${name}`}>
                {all ? number.format(counts[name]) : ''}
              </span>
            </button>
          ))}
        </div>
        <p className="relationship-keys-hint muted" id="complaints-keys-hint">
          {t('relationship.complaints.shortcutsHint')}
        </p>
      </div>
      <div
        role="tabpanel"
        id="complaints-panel"
        aria-labelledby={`complaints-tab-${tab}`}
        aria-describedby="complaints-keys-hint"
        className="relationship-panel"
        aria-busy={list.isFetching || undefined}
      >
        {!all ? (
          <p className="relationship-message muted">{list.isError ? errorText(t, toIpcError(list.error)) : t('common.loading')}</p>
        ) : (
          <>
            <ComplaintsTable label={t(`relationship.complaints.tabs.${tab}`)} items={items} emptyText={t(`relationship.complaints.empty.${tab}`)} />
            {all.length >= PAGE_LIMIT ? <p className="relationship-message muted">{t('relationship.complaints.more', { count: PAGE_LIMIT })}</p> : null}
          </>
        )}
      </div>
    </div>
  );
}

import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CustomerDetailPanel } from './customer-detail-panel';
import { CustomerGrid } from './customer-grid';
import { CustomersToolbar } from './customers-toolbar';
import { ExportDialog } from './export-dialog';
import { EMPTY_FILTER, hasNarrowingFilter, toCustomerFilter, type GridFilterState } from './grid-filter';
import { GridEmptyState } from './grid-empty-state';
import { NewCustomerDialog } from './new-customer-dialog';
import { useCustomerTotal } from './use-customer-total';

const SEARCH_DEBOUNCE_MS = 150;

interface Selection {
  id: number;
  company: string;
}

/** Customers: toolbar, the virtualized grid, the detail panel, and the New customer and Export dialogs. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [filterState, setFilterState] = useState<GridFilterState>(EMPTY_FILTER);
  const search = useDebouncedValue(filterState.search, SEARCH_DEBOUNCE_MS);
  const filterJson = JSON.stringify(toCustomerFilter({ ...filterState, search }));
  // One filter object per distinct filter, so queries and effects see a change only when there is one.
  const filter = useMemo(() => JSON.parse(filterJson) as CustomerFilterInput, [filterJson]);
  const [sort, setSort] = useState<CustomerSort>({ key: 'company', dir: 'asc' });
  const total = useCustomerTotal(filter);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const panelDirty = useRef(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  const onPanelDirtyChange = useCallback((dirty: boolean) => {
    panelDirty.current = dirty;
  }, []);

  const mayLeavePanel = async () => !panelDirty.current || (await confirmDiscard());

  const select = async (next: Selection) => {
    if (selected?.id === next.id) return;
    if (!(await mayLeavePanel())) return;
    panelDirty.current = false;
    setSelected(next);
  };

  const closePanel = async () => {
    if (!(await mayLeavePanel())) return;
    panelDirty.current = false;
    setSelected(null);
  };

  const count = total.data;
  const empty = count === 0 && !total.isPlaceholderData;

  return (
    <div className="customers-page">
      <div className="page-header">
        <h1 className="page-title">{t('customers.title')}</h1>
        <CustomersToolbar value={filterState} onChange={setFilterState} total={count} onNewCustomer={() => setCreating(true)} onExport={() => setExporting(true)} />
      </div>
      <div className="customers-body">
        <div className="grid-area">
          {empty ? (
            <GridEmptyState filtered={hasNarrowingFilter(filterState)} onClearFilters={() => setFilterState({ ...EMPTY_FILTER, showArchived: filterState.showArchived })} />
          ) : count === undefined ? (
            <p className="muted grid-loading">{t('common.loading')}</p>
          ) : (
            <CustomerGrid
              filter={filter}
              sort={sort}
              onSortChange={setSort}
              total={count}
              openId={selected?.id ?? null}
              onActivate={(customer, open) => {
                if (open || selected) void select({ id: customer.id, company: customer.company });
              }}
            />
          )}
        </div>
        {selected ? (
          <CustomerDetailPanel
            key={selected.id}
            id={selected.id}
            company={selected.company}
            onClose={() => void closePanel()}
            onDirtyChange={onPanelDirtyChange}
          />
        ) : null}
      </div>
      {creating ? (
        <NewCustomerDialog
          onClose={() => setCreating(false)}
          onCreated={(customer) => {
            setCreating(false);
            panelDirty.current = false;
            setSelected({ id: customer.id, company: customer.company });
          }}
        />
      ) : null}
      {exporting ? <ExportDialog filter={filter} sort={sort} total={count} onClose={() => setExporting(false)} /> : null}
      {discardDialog}
    </div>
  );
}

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerSort } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useWorkspaceStatus, WelcomeScreen } from '../welcome';
import { ClassContext, useClassContextValue } from '../../lib/class-context';
import { ColumnChooser } from './column-chooser';
import { CustomerDetailPanel } from './customer-detail-panel';
import { CustomerDrawer } from './customer-drawer';
import { CustomerGrid } from './customer-grid';
import { CustomersToolbar, GridScope } from './customers-toolbar';
import { ExportDialog } from './export-dialog';
import { FilterChips } from './filter-chips';
import { UnrecognisedCountriesNotice } from './unrecognised-countries';
import { DEFAULT_SORT } from './grid-column-ids';
import { shownColumns } from './grid-column-layout';
import { clearedFilter, EMPTY_FILTER, hasNarrowingFilter, sameFilter, toCustomerFilter, type GridFilterState } from './grid-filter';
import { GridEmptyState } from './grid-empty-state';
import type { GridViewState } from './grid-view-state';
import { MoreFiltersPanel } from './more-filters-panel';
import { NewCustomerDialog } from './new-customer-dialog';
import { OwnerScope } from '../pool';
import { SavedViews } from './saved-views';
import { useCustomerTotal } from './use-customer-total';
import { useGridColumns } from './use-grid-columns';
import { linkFilter } from './link-filter';
import { openedFromHash } from '../../app/route-filter';
import { forgetLinkFilter, useLinkFilter } from './use-link-filter';
import { SelectionBar } from './selection-bar';
import { useGridSelection } from './use-grid-selection';

const SEARCH_DEBOUNCE_MS = 150;

interface Selection {
  id: number;
  company: string;
}

/**
 * Customers: toolbar, saved views, columns and filter chips, "More filters", the virtualized grid
 * with its selection and the bulk actions on it, the detail panel, and the New customer and Export
 * dialogs. A link (#/customers?filter=…) opens it filtered; its filter shows as chips like any other.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  const classContext = useClassContextValue();
  const [filterState, setFilterState] = useState<GridFilterState>(() => linkFilter(window.location.hash) ?? EMPTY_FILTER);
  const search = useDebouncedValue(filterState.search, SEARCH_DEBOUNCE_MS);
  const filterJson = JSON.stringify(toCustomerFilter({ ...filterState, search }));
  // One filter object per distinct filter, so queries and effects see a change only when there is one.
  const filter = useMemo(() => JSON.parse(filterJson) as CustomerFilterInput, [filterJson]);
  const [sort, setSort] = useState<CustomerSort>(DEFAULT_SORT);
  const [layout, setLayout] = useGridColumns();
  const [viewId, setViewId] = useState<number | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const morePanelId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const total = useCustomerTotal(filter);
  const selection = useGridSelection(filter, sort, total.data);
  const workspace = useWorkspaceStatus();
  // A link may open one customer's panel (global search): #/customers?filter=…&open=<id>.
  const [selected, setSelected] = useState<Selection | null>(() => openedFromHash(window.location.hash));
  const [creating, setCreating] = useState(false);
  /** The export dialog: closed, for the list, or for the selected rows. */
  const [exporting, setExporting] = useState<null | 'list' | 'selected'>(null);
  const panelDirty = useRef(false);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  const onPanelDirtyChange = useCallback((dirty: boolean) => {
    panelDirty.current = dirty;
  }, []);

  useLinkFilter((next) => {
    setFilterState(next);
    setViewId(null);
    notices.announce(t('customers.linkApplied'));
    const opened = openedFromHash(window.location.hash);
    if (opened) void select(opened);
  });
  // Once, for the link the page opened with.
  const linkAnnounced = useRef(false);
  useEffect(() => {
    if (linkAnnounced.current) return;
    linkAnnounced.current = true;
    if (linkFilter(window.location.hash)) notices.announce(t('customers.linkApplied'));
  }, [notices, t]);
  // Once the filter is no longer the link's (a chip removed, "Clear filters"), the address stops carrying
  // it: reopening the app or the page shows the filter the user left, not the link's again.
  useEffect(() => {
    const linked = linkFilter(window.location.hash);
    if (linked && !sameFilter(linked, filterState)) forgetLinkFilter();
  }, [filterState]);

  const applyView = (state: GridViewState) => {
    setFilterState(state.filter);
    setLayout(state);
    setSort(state.sort);
  };

  const closeMore = () => {
    setMoreOpen(false);
    window.setTimeout(() => moreButton.current?.focus(), 0);
  };

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
    // Focus goes back to the grid, on the customer's row (or the row the grid would focus), not to the page.
    const grid = document.querySelector<HTMLElement>('.customers-page [role="grid"]');
    const row = grid?.querySelector<HTMLElement>('[role="row"].is-open') ?? grid?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
    setSelected(null);
    window.setTimeout(() => {
      const back = row?.isConnected ? row : grid?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
      back?.focus();
    }, 0);
  };

  const count = total.data;
  const empty = count === 0 && !total.isPlaceholderData;
  // The first run: the user's own database holds no customer and no import yet, and the grid counts none
  // (a customer added before the workspace status is read again shows the grid at once).
  const firstRun = workspace?.kind === 'main' && workspace.mainIsEmpty && count === 0 && !hasNarrowingFilter(filterState);

  return (
    <ClassContext value={classContext}>
      <div className="customers-page">
        <div className="page-header">
          <h1 className="page-title">{t('customers.title')}</h1>
          <CustomersToolbar
            value={filterState}
            onChange={setFilterState}
            onNewCustomer={() => setCreating(true)}
            onExport={() => setExporting('list')}
            moreOpen={moreOpen}
            morePanelId={morePanelId}
            onToggleMore={() => (moreOpen ? closeMore() : setMoreOpen(true))}
            moreButtonRef={moreButton}
            searchRef={searchInput}
          />
        </div>
        <div className="grid-view-bar">
          <OwnerScope owners={filterState.owners} onChange={(owners) => setFilterState({ ...filterState, owners })} />
          <SavedViews current={{ filter: filterState, ...layout, sort }} viewId={viewId} onViewIdChange={setViewId} onApply={applyView} />
          <ColumnChooser layout={layout} onChange={setLayout} />
          <FilterChips value={filterState} onChange={setFilterState} onEmptied={() => searchInput.current?.focus()} />
          <GridScope value={filterState} onChange={setFilterState} total={count} />
        </div>
        <UnrecognisedCountriesNotice onShow={() => setFilterState({ ...clearedFilter(filterState), countryUnrecognised: true })} />
        {moreOpen ? <MoreFiltersPanel id={morePanelId} value={filterState} onChange={setFilterState} onClose={closeMore} /> : null}
        <div className="customers-body">
          <div className="grid-area">
            {firstRun || empty ? null : <SelectionBar selection={selection} onExport={() => setExporting('selected')} />}
            {firstRun ? (
              <WelcomeScreen onAddCustomer={() => setCreating(true)} />
            ) : empty ? (
              <GridEmptyState
                filtered={hasNarrowingFilter(filterState)}
                onClearFilters={() => setFilterState(clearedFilter(filterState))}
              />
            ) : count === undefined ? (
              <p className="muted grid-loading">{t('common.loading')}</p>
            ) : (
              <CustomerGrid
                filter={filter}
                sort={sort}
                onSortChange={setSort}
                total={count}
                layout={layout}
                onLayoutChange={setLayout}
                openId={selected?.id ?? null}
                onActivate={(customer, open) => {
                  if (open || selected) void select({ id: customer.id, company: customer.company });
                }}
                selection={selection}
              />
            )}
          </div>
          <CustomerDrawer open={selected !== null}>
            {selected ? (
              <CustomerDetailPanel
                key={selected.id}
                id={selected.id}
                company={selected.company}
                onClose={() => void closePanel()}
                onDirtyChange={onPanelDirtyChange}
              />
            ) : null}
          </CustomerDrawer>
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
        {exporting ? (
          <ExportDialog
            filter={filter}
            sort={sort}
            total={count}
            columns={shownColumns(layout)}
            ids={exporting === 'selected' ? [...selection.ids] : undefined}
            onClose={() => setExporting(null)}
          />
        ) : null}
        {discardDialog}
      </div>
    </ClassContext>
  );
}

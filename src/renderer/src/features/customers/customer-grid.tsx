import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput, CustomerRow, CustomerSort } from '../../../../shared/domain/customer';
import { customerColumns, gridFeatures } from './customer-columns';
import { columnVisibility, isSortKey, type GridColumnId } from './grid-column-ids';
import { shownColumns, widthOf, withWidth, type GridColumnLayout } from './grid-column-layout';
import { GridHeaderRow } from './grid-header-row';
import { nextRowIndex } from './grid-navigation';
import { RowSelectBox, SelectAllBox } from './row-select';
import { blocksFor, useCustomerBlocks } from './use-customer-blocks';
import type { GridSelection } from './use-grid-selection';

export const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const OVERSCAN = 5;
/** Extra rows loaded beyond the rendered range, so a steady scroll rarely meets an empty row. */
const PREFETCH_ROWS = 60;

interface Props {
  filter: CustomerFilterInput;
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  total: number;
  /** The columns shown, their order and widths: from the column chooser, the headers or a saved view. */
  layout: GridColumnLayout;
  /** Columns moved or resized in the headers. */
  onLayoutChange: (layout: GridColumnLayout) => void;
  /** The customer shown in the detail panel, highlighted in the grid. */
  openId: number | null;
  /** The active row changed (open=false) or was clicked / Enter pressed (open=true). */
  onActivate: (customer: CustomerRow, open: boolean) => void;
  /** The rows selected for a bulk action (a box in each row's first cell). */
  selection: GridSelection;
}

/**
 * The customer grid: a virtualized table over the full result length. Only the rows in view (and a
 * few around them) exist in the DOM; their data is loaded on demand in blocks. Sorting is the
 * engine's; the table keeps the sorting state and renders headers and cells.
 *
 * Selection for bulk actions: the box in a row's first cell, or from the keyboard Space on the
 * focused row (Shift+Space: from the row last toggled to this one), Ctrl/Cmd+A every customer of the
 * filter; Shift+click a row selects a range, Ctrl/Cmd+click toggles it. A plain click opens the row.
 *
 * Columns: shown, ordered and sized as `layout` says (the column chooser, a saved view, or the
 * headers themselves: drag a header's edge to resize, drag a header to move; grid-header-row.tsx).
 * The company column (with the row's box) stays in place when the grid scrolls sideways.
 */
export function CustomerGrid({ filter, sort, onSortChange, total, layout, onLayoutChange, openId, onActivate, selection }: Props) {
  const { t } = useTranslation();
  const keysId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const focusPending = useRef(false);
  const activationPending = useRef(false);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const blocks = useMemo(
    () => blocksFor(Math.max(0, first - PREFETCH_ROWS), Math.min(total - 1, last + PREFETCH_ROWS)),
    [first, last, total],
  );
  const { rows: data } = useCustomerBlocks(filter, sort, blocks);

  const sorting = useMemo<SortingState>(() => [{ id: sort.key, desc: sort.dir === 'desc' }], [sort]);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const head = next[0];
    if (head && isSortKey(head.id)) onSortChange({ key: head.id, dir: head.desc ? 'desc' : 'asc' });
  };

  const visibility = useMemo(() => columnVisibility(layout.columns), [layout.columns]);
  const shown = useMemo(() => shownColumns(layout), [layout]);
  // Widths reach the cells as the table's CSS variables (customers.css: .grid .col-<id>), set once
  // here rather than on every cell; a resize drag writes them straight (column-resize-handle.tsx).
  const widthVariables = useMemo(() => {
    const vars: Record<string, string> = {};
    let total = 0;
    for (const id of shown) {
      const width = widthOf(layout.widths, id);
      vars[`--col-${id}-w`] = `${width}px`;
      total += width;
    }
    vars['--grid-w'] = `${total}px`;
    return vars as CSSProperties;
  }, [shown, layout.widths]);

  const table = useTable({
    features: gridFeatures,
    columns: customerColumns,
    data,
    getRowId: (row) => String(row.index),
    state: {
      sorting,
      columnVisibility: visibility,
      columnOrder: layout.order as string[],
      columnSizing: layout.widths as Record<string, number>,
    },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const model = table.getRowModel();
  const rowsByIndex = useMemo(() => new Map(model.rows.map((r) => [r.original.index, r])), [model]);

  // A new filter or sort starts again from the top.
  const queryKey = JSON.stringify([filter, sort]);
  const shownKey = useRef(queryKey);
  useEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    setActiveIndex(null);
    virtualizer.scrollToOffset(0);
  }, [queryKey, virtualizer]);

  // The frozen company column casts a shadow on the others once the grid is scrolled sideways
  // (customers.css); the attribute changes only when that does, not on every scroll.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const onScroll = () => el.toggleAttribute('data-scrolled-x', el.scrollLeft > 0);
    onScroll();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  // Keep the active row inside the list when it shrinks.
  useEffect(() => {
    if (activeIndex !== null && activeIndex >= total) setActiveIndex(total > 0 ? total - 1 : null);
  }, [activeIndex, total]);

  // After a keyboard move, focus the new active row once it is rendered; tell the page once it is loaded.
  useLayoutEffect(() => {
    if (activeIndex === null) return;
    if (focusPending.current) {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
      if (el) {
        if (document.activeElement !== el) el.focus({ preventScroll: true });
        focusPending.current = false;
      }
    }
    if (activationPending.current) {
      const row = rowsByIndex.get(activeIndex);
      if (row) {
        activationPending.current = false;
        onActivate(row.original.customer, false);
      }
    }
  });

  const moveTo = (index: number) => {
    setActiveIndex(index);
    focusPending.current = true;
    activationPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const loadedId = (index: number) => rowsByIndex.get(index)?.original.customer.id;

  /** Selects or unselects a row (a range from the row last toggled with `range`). */
  const select = (index: number, range: boolean) => {
    const id = loadedId(index);
    if (id === undefined) return;
    if (range) void selection.selectRange(index, loadedId);
    else selection.toggle(id, index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      void selection.selectAll();
      return;
    }
    // A row's own box answers Space itself (it is a checkbox).
    if (e.key === ' ' && !(e.target instanceof HTMLInputElement) && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // The focused row (Tab lands on one before any is active).
      const focused = (e.target as HTMLElement).closest<HTMLElement>('[data-row-index]')?.dataset.rowIndex;
      const index = focused !== undefined ? Number(focused) : activeIndex;
      if (index !== null) {
        e.preventDefault();
        setActiveIndex(index);
        select(index, e.shiftKey);
      }
      return;
    }
    if (e.altKey || e.metaKey) return;
    if (e.key === 'Enter' && activeIndex !== null) {
      const row = rowsByIndex.get(activeIndex);
      if (row) {
        e.preventDefault();
        onActivate(row.original.customer, true);
      }
      return;
    }
    const viewport = (scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const next = nextRowIndex(e.key, activeIndex, total, page);
    if (next === null) return;
    e.preventDefault();
    moveTo(next);
  };

  const tabStop = activeIndex !== null && items.some((i) => i.index === activeIndex) ? activeIndex : first;

  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, index: number, customer: CustomerRow) => {
    setActiveIndex(index);
    if (e.shiftKey || e.ctrlKey || e.metaKey) {
      select(index, e.shiftKey);
      return;
    }
    onActivate(customer, true);
  };

  /** A click on a row's box selects (a range with Shift) and makes the row the active one, without opening it. */
  const onBoxClick = (e: MouseEvent<HTMLInputElement>, index: number) => {
    e.stopPropagation();
    setActiveIndex(index);
    focusPending.current = true;
    select(index, e.shiftKey);
  };

  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="grid"
        role="grid"
        aria-label={t('customers.gridLabel')}
        aria-rowcount={total + 1}
        aria-colcount={shown.length}
        aria-multiselectable="true"
        data-total={total}
        data-selected={selection.ids.size}
        style={widthVariables}
      >
        <thead className="grid-head" role="rowgroup">
          {table.getHeaderGroups().map((group) => (
            <GridHeaderRow
              key={group.id}
              table={table}
              headers={group.headers}
              lead={<SelectAllBox total={total} selection={selection} />}
              order={layout.order}
              onOrderChange={(order) => onLayoutChange({ ...layout, order })}
              onWidthChange={(id: GridColumnId, width) => onLayoutChange({ ...layout, widths: withWidth(layout.widths, id, width) })}
              keysId={keysId}
            />
          ))}
        </thead>
        <tbody className="grid-body" role="rowgroup" style={{ height: total * ROW_HEIGHT }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const row = rowsByIndex.get(item.index);
            const active = item.index === activeIndex;
            const selected = row !== undefined && selection.ids.has(row.original.customer.id);
            const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT };
            // One key per position, loaded or not, so the focused row element survives its data arriving.
            const common = {
              role: 'row',
              'aria-rowindex': item.index + 2,
              'aria-selected': selected,
              'data-row-index': item.index,
              tabIndex: item.index === tabStop ? 0 : -1,
              style,
            } as const;
            if (!row) {
              return (
                <tr key={item.index} {...common} className="grid-row grid-row-pending" aria-busy="true">
                  <td role="gridcell" className="grid-cell grid-cell-pending">
                    {t('customers.loadingRow')}
                  </td>
                </tr>
              );
            }
            const customer = row.original.customer;
            const classes = [
              'grid-row',
              active ? 'is-active' : '',
              selected ? 'is-selected' : '',
              customer.id === openId ? 'is-open' : '',
              customer.archivedAt ? 'is-archived' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <tr
                key={item.index}
                {...common}
                className={classes}
                onMouseDown={(e) => {
                  // Shift+click selects a range, not the text between.
                  if (e.shiftKey) e.preventDefault();
                }}
                onClick={(e) => onRowClick(e, item.index, customer)}
              >
                {row.getVisibleCells().map((cell, i) => (
                  <td key={cell.id} role="gridcell" className={`grid-cell col-${cell.column.id}`}>
                    {i === 0 ? (
                      <RowSelectBox company={customer.company} checked={selected} onClick={(e) => onBoxClick(e, item.index)} />
                    ) : null}
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <span id={keysId} hidden>
        {t('customers.headerKeys')}
      </span>
    </div>
  );
}

import type { Header, ReactTable } from '@tanstack/react-table';
import { useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { columnTitle } from './column-header-label';
import { ColumnResizeHandle, RESIZING_ATTRIBUTE } from './column-resize-handle';
import type { gridFeatures } from './customer-columns';
import type { GridColumnId } from './grid-column-ids';
import { canMoveColumn, moveColumn, sameOrder, stepColumn } from './grid-column-layout';
import type { GridRow } from './use-customer-blocks';

type Features = typeof gridFeatures;

interface Props {
  table: ReactTable<Features, GridRow>;
  headers: Header<Features, GridRow, unknown>[];
  /** Shown first in the first header cell (the box that selects every row). */
  lead?: ReactNode;
  /** Every column in the user's order, shown or not. */
  order: readonly GridColumnId[];
  onOrderChange: (order: GridColumnId[]) => void;
  /** A column's new width, or null: its default. */
  onWidthChange: (id: GridColumnId, width: number | null) => void;
}

/** The type of a header dragged to another place: its column id. */
const DRAG_TYPE = 'application/x-exportdesk-column';

interface DropTarget {
  id: GridColumnId;
  after: boolean;
}

/**
 * The header row: sortable columns hold a button that toggles the engine's sort (aria-sort tells the
 * state); each header's right edge resizes its column (ColumnResizeHandle). A header dragged onto
 * another moves its column before or after that one (the half it is dropped on), and Alt+← / Alt+→
 * in a header move its column past its neighbour; the company column stays first.
 */
export function GridHeaderRow({ table, headers, lead, order, onOrderChange, onWidthChange }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const labelBase = useId();
  const row = useRef<HTMLTableRowElement>(null);
  const [dragged, setDragged] = useState<GridColumnId | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  /** After a move from the keyboard: the header whose control (the sort button or the edge) keeps the focus. */
  const refocus = useRef<{ id: GridColumnId; resize: boolean } | null>(null);

  const shown = headers.map((h) => h.column.id as GridColumnId);

  // React may re-insert a moved header's element, which loses the focus: give it back.
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    refocus.current = null;
    const cell = row.current?.querySelector<HTMLElement>(`.col-${pending.id}`);
    const target = cell?.querySelector<HTMLElement>(pending.resize ? '.col-resize' : '.sort-button') ?? cell?.querySelector('.col-resize');
    if (target && document.activeElement !== target) target.focus();
  });

  const endDrag = () => {
    setDragged(null);
    setDrop(null);
  };

  const onDragStart = (e: DragEvent<HTMLTableCellElement>, id: GridColumnId) => {
    // A drag from the header's edge resizes the column instead.
    if (e.currentTarget.querySelector(`[${RESIZING_ATTRIBUTE}]`)) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, id);
    setDragged(id);
  };

  const onDragOver = (e: DragEvent<HTMLTableCellElement>, id: GridColumnId) => {
    if (!dragged) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    // Nothing goes before the company column.
    const after = !canMoveColumn(id) || e.clientX > box.left + box.width / 2;
    if (drop?.id !== id || drop.after !== after) setDrop({ id, after });
  };

  const onDrop = (e: DragEvent<HTMLTableCellElement>) => {
    e.preventDefault();
    if (dragged && drop) {
      const next = moveColumn(order, dragged, drop.id, drop.after);
      if (!sameOrder(next, order)) onOrderChange(next);
    }
    endDrag();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>, id: GridColumnId) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    // Alt+← is also the browser's "back": never let it through from a header.
    e.preventDefault();
    e.stopPropagation();
    if (!canMoveColumn(id)) return;
    const next = stepColumn(order, shown, id, e.key === 'ArrowLeft' ? -1 : 1);
    if (sameOrder(next, order)) return;
    refocus.current = { id, resize: (e.target as HTMLElement).classList.contains('col-resize') };
    onOrderChange(next);
    const position = next.filter((c) => shown.includes(c)).indexOf(id) + 1;
    notices.announce(t('customers.columnMoved', { column: columnTitle(t, id), position, count: shown.length }));
  };

  return (
    <tr
      ref={row}
      role="row"
      aria-rowindex={1}
      className="grid-row grid-header-row"
      onDragLeave={(e) => {
        if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget)) setDrop(null);
      }}
    >
      {headers.map((header, i) => {
        const column = header.column;
        const id = column.id as GridColumnId;
        const sortable = column.getCanSort();
        const sorted = column.getIsSorted();
        const ariaSort = !sortable ? undefined : sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
        const movable = canMoveColumn(id);
        const labelId = `${labelBase}-${id}`;
        const classes = [
          'grid-header-cell',
          `col-${id}`,
          dragged === id ? 'is-dragged' : '',
          drop?.id === id && dragged !== id ? (drop.after ? 'is-drop-after' : 'is-drop-before') : '',
        ]
          .filter(Boolean)
          .join(' ');
        const title = (
          // Cut to the column's width with an ellipsis: the whole title is its tooltip.
          <span id={labelId} className="grid-header-title" title={columnTitle(t, id)}>
            <table.FlexRender header={header} />
          </span>
        );
        return (
          <th
            key={header.id}
            role="columnheader"
            scope="col"
            aria-sort={ariaSort}
            // The name is the title alone, not the labels of the controls inside.
            aria-labelledby={labelId}
            className={classes}
            draggable={movable}
            onDragStart={movable ? (e) => onDragStart(e, id) : undefined}
            onDragEnd={endDrag}
            onDragOver={(e) => onDragOver(e, id)}
            onDrop={onDrop}
            onKeyDown={(e) => onKeyDown(e, id)}
            // Chromium leaves a header control that is partly out of view where it is when it gets focus
            // (its row is sticky): bring it in, clear of the frozen column (customers.css scroll-margin).
            onFocus={(e) => e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' })}
          >
            {i === 0 ? lead : null}
            {sortable ? (
              <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
                {title}
                <span className={`sort-indicator${sorted ? ` is-${sorted}` : ''}`} aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                </span>
              </button>
            ) : (
              title
            )}
            <ColumnResizeHandle id={id} title={columnTitle(t, id)} width={column.getSize()} onChange={onWidthChange} />
          </th>
        );
      })}
    </tr>
  );
}

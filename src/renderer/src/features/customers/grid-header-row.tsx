import type { Header, ReactTable } from '@tanstack/react-table';
import { useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { columnTitle } from './column-header-label';
import { ColumnResizeHandle, RESIZING_ATTRIBUTE } from './column-resize-handle';
import type { gridFeatures } from './customer-columns';
import type { GridColumnId } from './grid-column-ids';
import { canMoveColumn, clampWidth, moveColumn, RESIZE_STEP, sameOrder, stepColumn } from './grid-column-layout';
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
  /** The id of the text telling the header row's keys (outside the row: a header's text is its title), each header's description. */
  keysId: string;
}

/** The type of a header dragged to another place: its column id. */
const DRAG_TYPE = 'application/x-exportdesk-column';

interface DropTarget {
  id: GridColumnId;
  after: boolean;
}

/** Which element of a header takes the focus: its sort button, its right edge, or the cell itself. */
type FocusPart = 'sort' | 'edge' | 'cell';

/** A header's element that is its place in the row's one Tab stop: the sort button, or the header cell when it has none. */
function headerTarget(cell: Element | null | undefined): HTMLElement | null {
  if (!(cell instanceof HTMLElement)) return null;
  return cell.querySelector<HTMLElement>(':scope > .sort-button') ?? cell;
}

/**
 * The header row: sortable columns hold a button that toggles the engine's sort (aria-sort tells the
 * state); each header's right edge resizes its column (ColumnResizeHandle). A header dragged onto
 * another moves its column before or after that one (the half it is dropped on); the company column
 * stays first.
 *
 * From the keyboard the row is one Tab stop (the header focused last, the first at the start): ← / →
 * (Home / End) move between the headers (a sortable one's button, else the header cell itself),
 * Enter or Space on a button sorts, Alt+← / Alt+→ move the focused header's column past its
 * neighbour and Alt+Shift+← / Alt+Shift+→ narrow or widen it by RESIZE_STEP (announced). The
 * column edges are for the mouse and are not Tab stops.
 */
export function GridHeaderRow({ table, headers, lead, order, onOrderChange, onWidthChange, keysId }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const labelBase = useId();
  const row = useRef<HTMLTableRowElement>(null);
  const [dragged, setDragged] = useState<GridColumnId | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  /** After a move from the keyboard: the header whose element (the sort button, the edge or the cell) keeps the focus. */
  const refocus = useRef<{ id: GridColumnId; part: FocusPart } | null>(null);
  /** The header that is the row's Tab stop: the one focused last (the first when it is not shown). */
  const [current, setCurrent] = useState<GridColumnId | null>(null);

  const shown = headers.map((h) => h.column.id as GridColumnId);
  const tabStop = current !== null && shown.includes(current) ? current : shown[0];

  // React may re-insert a moved header's element, which loses the focus: give it back.
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    refocus.current = null;
    const cell = row.current?.querySelector<HTMLElement>(`.col-${pending.id}`);
    const target = pending.part === 'edge' ? cell?.querySelector<HTMLElement>('.col-resize') : headerTarget(cell);
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

  /** Which part of header `cell` an element is, or null for another control in it (the box selecting every row). */
  const partOf = (el: EventTarget, cell: HTMLElement): FocusPart | null => {
    if (!(el instanceof HTMLElement)) return null;
    if (el.classList.contains('col-resize')) return 'edge';
    return el === headerTarget(cell) ? (el === cell ? 'cell' : 'sort') : null;
  };

  /** ← / → / Home / End from a header: the focus to another header's button or cell. */
  const focusHeader = (key: string, id: GridColumnId) => {
    const at = shown.indexOf(id);
    const to = key === 'Home' ? 0 : key === 'End' ? shown.length - 1 : at + (key === 'ArrowLeft' ? -1 : 1);
    const nextId = shown[Math.max(0, Math.min(shown.length - 1, to))];
    if (nextId === undefined) return;
    setCurrent(nextId);
    headerTarget(row.current?.querySelector(`.col-${nextId}`))?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>, id: GridColumnId, width: number) => {
    if (e.ctrlKey || e.metaKey) return;
    const part = partOf(e.target, e.currentTarget);
    if (!e.altKey) {
      // The edge answers ← and → itself; the box selecting every row keeps its keys.
      if (e.shiftKey || part === null || part === 'edge') return;
      if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
      e.preventDefault();
      focusHeader(e.key, id);
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    // Alt+← is also the browser's "back": never let it through from a header.
    e.preventDefault();
    e.stopPropagation();
    const delta = e.key === 'ArrowLeft' ? -1 : 1;
    if (e.shiftKey) {
      const next = clampWidth(id, width + delta * RESIZE_STEP);
      if (next === width) return;
      onWidthChange(id, next);
      notices.announce(t('customers.columnResized', { column: columnTitle(t, id), width: next }));
      return;
    }
    if (!canMoveColumn(id)) return;
    const next = stepColumn(order, shown, id, delta);
    if (sameOrder(next, order)) return;
    refocus.current = { id, part: part ?? 'sort' };
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
        const width = column.getSize();
        // The row's one Tab stop; the other headers are reached with ← and →.
        const tabIndex = id === tabStop ? 0 : -1;
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
            // A header without a sort button takes the focus itself (the keys above).
            tabIndex={sortable ? undefined : tabIndex}
            aria-describedby={sortable ? undefined : keysId}
            className={classes}
            draggable={movable}
            onDragStart={movable ? (e) => onDragStart(e, id) : undefined}
            onDragEnd={endDrag}
            onDragOver={(e) => onDragOver(e, id)}
            onDrop={onDrop}
            onKeyDown={(e) => onKeyDown(e, id, width)}
            onFocus={(e) => {
              // Chromium leaves a header control that is partly out of view where it is when it gets focus
              // (its row is sticky): bring it in, clear of the frozen column (customers.css scroll-margin).
              // From the keyboard only: a header pressed with the mouse is in view, and scrolling the grid
              // under the pointer would start a drag of the column it scrolled there instead.
              if (e.target.matches(':focus-visible')) e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
              const part = partOf(e.target, e.currentTarget);
              if (part === 'sort' || part === 'cell') setCurrent(id);
            }}
          >
            {i === 0 ? lead : null}
            {sortable ? (
              <button
                type="button"
                className="sort-button"
                tabIndex={tabIndex}
                aria-describedby={keysId}
                onClick={column.getToggleSortingHandler()}
              >
                {title}
                <span className={`sort-indicator${sorted ? ` is-${sorted}` : ''}`} aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                </span>
              </button>
            ) : (
              title
            )}
            <ColumnResizeHandle id={id} title={columnTitle(t, id)} width={width} onChange={onWidthChange} />
          </th>
        );
      })}
    </tr>
  );
}

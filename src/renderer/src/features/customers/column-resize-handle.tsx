import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridColumnId } from './grid-column-ids';
import { clampWidth, COLUMN_WIDTHS, MAX_COLUMN_WIDTH, RESIZE_STEP } from './grid-column-layout';

interface Props {
  id: GridColumnId;
  /** The column's title, for the handle's label. */
  title: string;
  /** The column's width now (px). */
  width: number;
  /** A new width for the column, or null: back to its default. */
  onChange: (id: GridColumnId, width: number | null) => void;
}

/** Marks the handle being dragged, so the header does not start moving its column instead. */
export const RESIZING_ATTRIBUTE = 'data-resizing';

/**
 * The right edge of a column's header: drag it to resize the column, double-click it for the
 * default width. It is not a Tab stop (one per column made the header row a long way to tab
 * through): the keyboard resizes from the header itself (Alt+Shift+← / →, grid-header-row.tsx).
 * Focused another way (a screen reader's cursor), ← and → narrow and widen the column by RESIZE_STEP.
 *
 * While the edge is dragged the column's width is the table's CSS variable (--col-<id>-w, with
 * --grid-w the table's width), written straight on the table element: no React render per pointer
 * move, only one when the drag ends and the width is kept.
 */
export function ColumnResizeHandle({ id, title, width, onChange }: Props) {
  const { t } = useTranslation();

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const handle = e.currentTarget;
    const table = handle.closest('table');
    if (!table) return;
    e.stopPropagation();
    handle.setPointerCapture(e.pointerId);
    handle.setAttribute(RESIZING_ATTRIBUTE, '');
    const startX = e.clientX;
    const total = Number.parseFloat(table.style.getPropertyValue('--grid-w')) || 0;
    let next = width;
    const move = (ev: globalThis.PointerEvent) => {
      const w = clampWidth(id, width + ev.clientX - startX);
      if (w === next) return;
      next = w;
      table.style.setProperty(`--col-${id}-w`, `${w}px`);
      if (total) table.style.setProperty('--grid-w', `${total - width + w}px`);
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      handle.removeAttribute(RESIZING_ATTRIBUTE);
      if (next !== width) onChange(id, next);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Alt+← / Alt+→ move the column (the header's keys).
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    onChange(id, width + (e.key === 'ArrowLeft' ? -RESIZE_STEP : RESIZE_STEP));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('customers.resizeColumn', { column: title })}
      aria-valuenow={width}
      aria-valuemin={COLUMN_WIDTHS[id].min}
      aria-valuemax={MAX_COLUMN_WIDTH}
      aria-valuetext={t('customers.columnWidth', { width })}
      tabIndex={-1}
      className="col-resize"
      onPointerDown={onPointerDown}
      // No text selection, and no drag of the header (which moves the column), from its edge.
      onMouseDown={(e: MouseEvent) => e.preventDefault()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={() => onChange(id, null)}
      onKeyDown={onKeyDown}
    />
  );
}

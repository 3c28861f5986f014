import { Button } from 'antd';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { columnTitle } from './column-header-label';
import { FIXED_COLUMNS, GRID_COLUMN_IDS, type GridColumnId } from './grid-column-ids';
import { canMoveColumn, defaultLayout, sameOrder, stepColumn, type GridColumnLayout } from './grid-column-layout';

interface Props {
  layout: GridColumnLayout;
  onChange: (next: GridColumnLayout) => void;
}

/**
 * "Columns": a grid-popover listing every column in the grid's order, a checkbox to show or hide
 * each and "Move up" / "Move down" to change its place (the keyboard's way to move columns; the
 * company stays first); "Reset columns" brings back the default columns, order and widths. Escape
 * or a click outside closes it.
 */
export function ColumnChooser({ layout, onChange }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    box.current?.querySelector<HTMLElement>('input:not(:disabled)')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const visible = layout.columns;
  const toggle = (id: GridColumnId, on: boolean) => {
    const set = new Set(visible);
    if (on) set.add(id);
    else set.delete(id);
    onChange({ ...layout, columns: GRID_COLUMN_IDS.filter((c) => set.has(c)) });
  };

  /** After a move: the button pressed keeps the focus (the other one when it can go no further). */
  const refocus = useRef<{ id: GridColumnId; delta: -1 | 1 } | null>(null);
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending || !box.current) return;
    refocus.current = null;
    const button = (delta: -1 | 1) => box.current?.querySelector<HTMLButtonElement>(`[data-move="${pending.id}:${delta}"]`);
    const target = button(pending.delta);
    (target && !target.disabled ? target : button(pending.delta === 1 ? -1 : 1))?.focus();
  });

  const move = (id: GridColumnId, delta: -1 | 1) => {
    const order = stepColumn(layout.order, layout.order, id, delta);
    if (sameOrder(order, layout.order)) return;
    refocus.current = { id, delta };
    onChange({ ...layout, order });
    notices.announce(t('customers.columnMoved', { column: columnTitle(t, id), position: order.indexOf(id) + 1, count: order.length }));
  };

  return (
    <div
      className="grid-popover-anchor"
      ref={box}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out of the grid-popover closes it, like a click outside.
        if (open && e.relatedTarget instanceof Node && !box.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <Button
        size="small"
        ref={button}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('customers.columnsButton')}
        <span aria-hidden="true">▾</span>
      </Button>
      {open ? (
        <div id={popoverId} className="grid-popover column-chooser">
          <fieldset>
            <legend>{t('customers.columnsLegend')}</legend>
            <ul className="column-options">
              {layout.order.map((id, i) => (
                <li key={id} className="column-option">
                  <label className="class-option">
                    <input
                      type="checkbox"
                      checked={visible.includes(id)}
                      disabled={FIXED_COLUMNS.includes(id)}
                      onChange={(e) => toggle(id, e.target.checked)}
                    />
                    {columnTitle(t, id)}
                  </label>
                  {canMoveColumn(id) ? (
                    <span className="column-move">
                      <button
                        type="button"
                        className="column-move-button"
                        data-move={`${id}:-1`}
                        aria-label={t('customers.columnMoveUp', { column: columnTitle(t, id) })}
                        title={t('customers.columnMoveUp', { column: columnTitle(t, id) })}
                        disabled={i <= FIXED_COLUMNS.length}
                        onClick={() => move(id, -1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="column-move-button"
                        data-move={`${id}:1`}
                        aria-label={t('customers.columnMoveDown', { column: columnTitle(t, id) })}
                        title={t('customers.columnMoveDown', { column: columnTitle(t, id) })}
                        disabled={i === layout.order.length - 1}
                        onClick={() => move(id, 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </fieldset>
          <Button size="small" onClick={() => onChange(defaultLayout())}>
            {t('customers.columnsReset')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { columnTitle } from './column-header-label';
import { DEFAULT_VISIBLE_COLUMNS, FIXED_COLUMNS, GRID_COLUMN_IDS, type GridColumnId } from './grid-column-ids';

interface Props {
  visible: readonly GridColumnId[];
  onChange: (next: GridColumnId[]) => void;
}

/** "Columns": a grid-popover of checkboxes that show or hide grid columns; Escape or a click outside closes it. */
export function ColumnChooser({ visible, onChange }: Props) {
  const { t } = useTranslation();
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

  const toggle = (id: GridColumnId, on: boolean) => {
    const set = new Set(visible);
    if (on) set.add(id);
    else set.delete(id);
    onChange(GRID_COLUMN_IDS.filter((c) => set.has(c)));
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
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('customers.columnsButton')}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={popoverId} className="grid-popover column-chooser">
          <fieldset>
            <legend>{t('customers.columnsLegend')}</legend>
            <ul className="column-options">
              {GRID_COLUMN_IDS.map((id) => (
                <li key={id}>
                  <label className="class-option">
                    <input
                      type="checkbox"
                      checked={visible.includes(id)}
                      disabled={FIXED_COLUMNS.includes(id)}
                      onChange={(e) => toggle(id, e.target.checked)}
                    />
                    {columnTitle(t, id)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="button" className="button button-small" onClick={() => onChange([...DEFAULT_VISIBLE_COLUMNS])}>
            {t('customers.columnsReset')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

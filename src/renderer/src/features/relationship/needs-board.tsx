import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../../../shared/domain/relationship';
import { NeedCard, NEED_DRAG_TYPE } from './need-card';

export interface NeedColumn {
  key: string;
  label: string;
  needs: readonly Need[];
}

interface Props {
  label: string;
  groupBy: 'status' | 'category';
  columns: readonly NeedColumn[];
  /** Moves a need into the column `key` (a status or a category); resolves (moved or not) when the board has reloaded. */
  onMove: (need: Need, key: string) => Promise<boolean>;
}

/**
 * Needs in columns (by status or by category), each with its count. A card moves with its
 * "Move to…" menu or by dragging it onto another column; after a move, focus follows the card.
 */
export function NeedsBoard({ label, groupBy, columns, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  /** The card to focus once the board shows it in this column (after a move, or not). */
  const [focusTarget, setFocusTarget] = useState<{ id: number; column: string } | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const number = new Intl.NumberFormat(i18n.language);

  useEffect(() => {
    if (focusTarget === null) return;
    const cards = [...document.querySelectorAll<HTMLElement>(`[data-need-id="${focusTarget.id}"]`)];
    const card = cards.find((c) => c.closest('[data-column]')?.getAttribute('data-column') === focusTarget.column);
    // Not on the board at all (filtered out): nothing to follow. In its old column: wait for the reload.
    if (card || cards.length === 0) setFocusTarget(null);
    card?.querySelector<HTMLButtonElement>('button.menu-button')?.focus();
  }, [focusTarget, columns]);

  const move = async (need: Need, key: string) => {
    const current = groupBy === 'status' ? need.status : need.category;
    if (key === current || busy !== null) return;
    setBusy(need.id);
    let moved = false;
    try {
      moved = await onMove(need, key);
    } finally {
      setBusy(null);
      setFocusTarget({ id: need.id, column: moved ? key : current });
    }
  };

  const dragging = (e: DragEvent<HTMLElement>) => e.dataTransfer.types.includes(NEED_DRAG_TYPE);

  const onDrop = (e: DragEvent<HTMLElement>, key: string) => {
    setDropKey(null);
    if (!dragging(e)) return;
    e.preventDefault();
    const id = Number(e.dataTransfer.getData(NEED_DRAG_TYPE));
    const need = columns.flatMap((c) => c.needs).find((n) => n.id === id);
    if (need) void move(need, key);
  };

  return (
    <div className="needs-board" role="group" aria-label={label}>
      {columns.map((column) => {
        const targets = columns.filter((c) => c.key !== column.key).map((c) => ({ key: c.key, label: c.label }));
        return (
          <section
            key={column.key}
            className={dropKey === column.key ? 'needs-column is-drop-target' : 'needs-column'}
            aria-label={column.label}
            data-column={column.key}
            onDragOver={(e) => {
              if (!dragging(e)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropKey !== column.key) setDropKey(column.key);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
            }}
            onDrop={(e) => onDrop(e, column.key)}
          >
            <h2 className="needs-column-header">
              <span className="needs-column-title">{column.label}</span>
              <span className="needs-column-count" data-testid={`needs-count-${column.key}`}>
                {number.format(column.needs.length)}
              </span>
            </h2>
            {column.needs.length === 0 ? (
              <p className="needs-column-empty muted">{t('relationship.needs.emptyColumn')}</p>
            ) : (
              <ul className="needs-cards">
                {column.needs.map((need) => (
                  <li key={need.id}>
                    <NeedCard
                      need={need}
                      groupBy={groupBy}
                      targets={targets}
                      busy={busy === need.id}
                      onMove={(n, key) => void move(n, key)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

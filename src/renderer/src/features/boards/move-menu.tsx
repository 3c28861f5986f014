import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface MoveTarget {
  key: string;
  label: string;
}

interface Props {
  company: string;
  targets: readonly MoveTarget[];
  disabled: boolean;
  onMove: (target: MoveTarget) => void;
}

/**
 * "Move to…": the keyboard way to move a card. A menu button (WAI-ARIA menu pattern): Enter,
 * Space or ArrowDown opens it on the first column, arrows and Home/End move, Escape closes.
 */
export function MoveMenu({ company, targets, disabled, onMove }: Props) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const focusIndex = useRef(0);

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return undefined;
    items()[focusIndex.current]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const openAt = (index: number) => {
    focusIndex.current = index;
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 0 : targets.length - 1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const choose = (target: MoveTarget) => {
    close(true);
    onMove(target);
  };

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('boards.move.menuFor', { company })}
        disabled={disabled || targets.length === 0}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
        // Dragging starts on the card, not on its button.
        draggable={false}
        onDragStart={(e) => e.preventDefault()}
      >
        {t('boards.move.button')}
      </button>
      {open ? (
        <ul ref={menu} id={menuId} role="menu" className="move-menu-list" aria-label={t('boards.move.menuFor', { company })} onKeyDown={onMenuKey}>
          {targets.map((target) => (
            <li
              key={target.key}
              role="menuitem"
              tabIndex={-1}
              className="move-menu-item"
              onClick={() => choose(target)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(target);
                }
              }}
            >
              {target.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

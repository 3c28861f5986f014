import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuButtonItem {
  key: string;
  label: string;
  disabled?: boolean;
}

/**
 * Where the list opens: `fixed` to the viewport (below the button, or above when there is no room;
 * a scrolling column cannot clip it), `inline` in the flow under the button (a board card), or
 * `dropdown` hanging from the button's right edge (a table row).
 */
export type MenuPlacement = 'fixed' | 'inline' | 'dropdown';

interface Props {
  /** The button's text ("Move to…", "More"). */
  text: string;
  /** The accessible name of the button and its menu, also its tooltip ("Move Acme's need to…"). */
  label: string;
  items: readonly MenuButtonItem[];
  onSelect: (key: string) => void;
  disabled?: boolean;
  placement?: MenuPlacement;
}

/**
 * A menu button (the WAI-ARIA menu-button pattern): Enter, Space or ↓ opens the menu on its first
 * item, ↑ on its last; ↑/↓/Home/End move, Enter or Space chooses, Escape closes and Tab leaves
 * (focus goes back to the button on Escape and on a choice). Arrow keys never choose by themselves,
 * unlike a native <select>. Disabled items are shown but skipped.
 */
export function MenuButton({ text, label, items, onSelect, disabled, placement = 'dropdown' }: Props) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const enabled = items.filter((i) => !i.disabled);

  const choices = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);

  const place = useCallback(() => {
    const list = menu.current;
    if (placement !== 'fixed' || !button.current || !list) return;
    const at = button.current.getBoundingClientRect();
    const below = window.innerHeight - at.bottom;
    const fitsBelow = below >= list.offsetHeight + 8 || below >= at.top;
    list.style.left = `${at.left}px`;
    list.style.top = fitsBelow ? `${at.bottom + 2}px` : '';
    list.style.bottom = fitsBelow ? '' : `${window.innerHeight - at.top + 2}px`;
  }, [placement]);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  useEffect(() => {
    if (!open) return undefined;
    const list = choices();
    (focusOnOpen === 'first' ? list[0] : list[list.length - 1])?.focus({ preventScroll: true });
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, focusOnOpen, place]);

  const openOn = (end: 'first' | 'last') => {
    setFocusOnOpen(end);
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = (item: MenuButtonItem) => {
    if (item.disabled) return;
    close(true);
    onSelect(item.key);
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openOn(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = choices();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to =
      e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : null;
    if (to !== null) {
      e.preventDefault();
      e.stopPropagation();
      list[(to + list.length) % list.length]?.focus();
    } else if (e.key === 'Escape') {
      // The menu's own Escape: the panel or page around it must not also react to it.
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className={`menu-button menu-button-${placement}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={label}
        disabled={disabled || enabled.length === 0}
        onClick={() => (open ? close(false) : openOn('first'))}
        onKeyDown={onButtonKeyDown}
        // On a draggable card, dragging starts on the card, not on its button.
        draggable={false}
        onDragStart={(e) => e.preventDefault()}
      >
        {text}
      </button>
      {open ? (
        <ul ref={menu} id={menuId} role="menu" aria-label={label} className="menu-button-list" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabled || undefined}
                className="menu-button-item"
                onClick={() => choose(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MoveTarget {
  key: string;
  label: string;
}

interface Props {
  /** The button's text ("Move to…"). */
  label: string;
  /** A longer name for assistive technology and the tooltip ("Move the need of Acme to…"). */
  title: string;
  targets: readonly MoveTarget[];
  disabled?: boolean;
  onMove: (key: string) => void;
}

/**
 * A "Move to…" menu button: Enter, Space or ↓ opens the menu on its first item, ↑/↓/Home/End move,
 * Enter chooses, Escape or Tab closes (focus back on the button). Arrow keys never move anything by
 * themselves, unlike a native <select>, which changes on every arrow press.
 */
export function MoveMenu({ label, title, targets, disabled, onMove }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menu = useRef<HTMLUListElement>(null);
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  /**
   * The menu is fixed to the viewport, so a scrolling board column does not clip it: below the
   * button, or above when there is no room. Placed before it paints, and again when anything scrolls.
   */
  const place = useCallback(() => {
    const list = menu.current;
    if (!button.current || !list) return;
    const at = button.current.getBoundingClientRect();
    const below = window.innerHeight - at.bottom;
    const fitsBelow = below >= list.offsetHeight + 8 || below >= at.top;
    list.style.left = `${at.left}px`;
    list.style.top = fitsBelow ? `${at.bottom + 2}px` : '';
    list.style.bottom = fitsBelow ? '' : `${window.innerHeight - at.top + 2}px`;
  }, []);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  useEffect(() => {
    if (!open) return undefined;
    const list = items.current.filter((x): x is HTMLButtonElement => x !== null);
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

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setFocusOnOpen(e.key === 'ArrowDown' ? 'first' : 'last');
      setOpen(true);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items.current.filter((x): x is HTMLButtonElement => x !== null);
    const i = list.findIndex((x) => x === document.activeElement);
    const to =
      e.key === 'ArrowDown' ? (i + 1) % list.length : e.key === 'ArrowUp' ? (i - 1 + list.length) % list.length : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : null;
    if (to !== null) {
      e.preventDefault();
      list[to]?.focus();
      return;
    }
    if (e.key === 'Escape') {
      // The menu's own Escape: the detail panel or a page must not also react to it.
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="rel-move" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={title}
        title={title}
        disabled={disabled || targets.length === 0}
        onClick={() => {
          setFocusOnOpen('first');
          setOpen((o) => !o);
        }}
        onKeyDown={onButtonKeyDown}
      >
        {label}
      </button>
      {open ? (
        <ul ref={menu} id={menuId} role="menu" aria-label={title} className="rel-move-list" onKeyDown={onMenuKeyDown}>
          {targets.map((target, index) => (
            <li key={target.key} role="none">
              <button
                ref={(el) => {
                  items.current[index] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="rel-move-item"
                onClick={() => {
                  close(true);
                  onMove(target.key);
                }}
              >
                {target.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

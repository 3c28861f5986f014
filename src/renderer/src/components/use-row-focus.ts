import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * A table of focusable rows with one in the Tab order (roving tabIndex): ↑/↓/Home/End move between
 * rows. Once an action ran from the list (`keepFocus`), when the focused row goes away as the list
 * reloads, focus moves to the row now at the same place; that stops when focus leaves the table,
 * and waits while `paused` (a dialog is open).
 */
export function useRowFocus<T extends { id: number }>(items: readonly T[], paused: boolean) {
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const [active, setActive] = useState(0);
  const refocus = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const focusRow = (index: number) => {
    const item = items[index];
    if (!item) return;
    setActive(index);
    rows.current.get(item.id)?.focus();
  };

  useEffect(() => {
    if (!refocus.current || paused) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    const item = items[activeIndex];
    if (item) rows.current.get(item.id)?.focus();
  }, [items, activeIndex, paused]);

  return {
    activeIndex,
    /** Focus belongs in the list from now on (an action ran from it). */
    keepFocus: () => {
      refocus.current = true;
    },
    /** The roving tabIndex, ref and focus tracking of the row at `index`. */
    rowProps: (index: number, item: T) => ({
      tabbable: index === activeIndex,
      rowRef: (el: HTMLTableRowElement | null) => {
        if (el) rows.current.set(item.id, el);
        else rows.current.delete(item.id);
      },
      onFocusRow: () => setActive(index),
    }),
    /**
     * A row's key: moves on ↑/↓/Home/End. True when the key is taken (a move) or not for the row
     * (typing in a field, a modifier, an IME composition); false leaves it to the row's own keys.
     */
    handleRowKey: (e: KeyboardEvent<HTMLTableRowElement>, index: number): boolean => {
      if (e.defaultPrevented || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return true;
      const to =
        e.key === 'ArrowDown'
          ? index + 1
          : e.key === 'ArrowUp'
            ? index - 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? items.length - 1
                : null;
      if (to === null) return false;
      e.preventDefault();
      focusRow(Math.max(0, Math.min(items.length - 1, to)));
      return true;
    },
    /** The table's onBlur: focus leaving the table ends `keepFocus`. */
    onTableBlur: (e: FocusEvent<HTMLTableElement>) => {
      if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) refocus.current = false;
    },
  };
}

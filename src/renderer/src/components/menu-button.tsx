import { Button, Dropdown } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuButtonItem {
  key: string;
  label: string;
  disabled?: boolean;
}

interface Props {
  /** The button's text ("Move to…", "More"). */
  text: string;
  /** The accessible name of the button and its menu, also its tooltip; it starts with `text` ("Move to… Acme's need"). */
  label: string;
  items: readonly MenuButtonItem[];
  onSelect: (key: string) => void;
  disabled?: boolean;
}

/**
 * A menu button: antd's Dropdown on a small Button. Enter, Space or ↓ opens the menu with its first
 * item focused; ↑/↓ move, Enter chooses, Escape closes; focus goes back to the button on Escape and
 * on a choice. Disabled items are shown but skipped. The menu opens in a layer over the page, so a
 * scrolling column or a table cell cannot clip it.
 */
export function MenuButton({ text, label, items, onSelect, disabled }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const enabled = items.some((i) => !i.disabled);
  /** The menu was open: when it closes, however it closes, the focus must not be left on the page. */
  const wasOpen = useRef(false);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  // Whatever closes the menu (a choice, Escape in the menu, Escape handled by antd while the focus was
  // still on the button, a click outside), the focus may end on the page: antd's delayed autofocus can
  // move it into the closing menu after the button had it back, and the closing motion then unmounts the
  // focused item. Whenever the focus is left on the page after a close, the button gets it again.
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const again = () => {
      const active = document.activeElement;
      // On the page, or still in this button's menu that is closing (hidden, not yet blurred) — never
      // another menu the user has opened since.
      const inOwnMenu = active?.closest('[role="menu"]')?.getAttribute('aria-label') === label;
      if (!active || active === document.body || inOwnMenu) button.current?.focus();
    };
    const timers = [0, 50, 150, 300, 800, 1500].map((ms) => setTimeout(again, ms));
    return () => timers.forEach(clearTimeout);
  }, [open, label]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !open) {
      e.preventDefault();
      setOpen(true);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      autoFocus
      disabled={disabled || !enabled}
      menu={{
        'aria-label': label,
        items: items.map((item) => ({ key: item.key, label: item.label, disabled: item.disabled })),
        // Escape closes the menu (antd) and gives the focus back to the button (antd leaves it on the page).
        onKeyDown: (e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close();
        },
        onClick: ({ key }) => {
          close();
          onSelect(key);
        },
      }}
    >
      <Button
        ref={button}
        size="small"
        className="menu-button"
        aria-label={label}
        title={label}
        disabled={disabled || !enabled}
        onKeyDown={onKeyDown}
        // On a draggable card, dragging starts on the card, not on its button.
        draggable={false}
        onDragStart={(e) => e.preventDefault()}
      >
        {text}
      </Button>
    </Dropdown>
  );
}

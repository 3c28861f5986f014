import { Button } from 'antd';
import { useEffect, useRef, type Ref } from 'react';
import { SHELL_ID } from '../../app/shell-id';
import { shortcutLabel } from '../../lib/local-day';

/** Ctrl+N (⌘N on a Mac): a new need on the Needs page, a new complaint on the Complaints page. */
export const NEW_SHORTCUT = { mac: '⌘N', other: 'Ctrl+N', aria: 'Control+N Meta+N' } as const;

export const newShortcutLabel = () => shortcutLabel(NEW_SHORTCUT.mac, NEW_SHORTCUT.other);

const isNewKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n';

/**
 * Runs `run` on Ctrl/⌘+N while the page is shown and no dialog is open (the shell is inert then),
 * as the app's other shortcuts do (app/use-app-command.ts); the page's own "New…" button says so.
 */
export function useNewShortcut(run: () => void, enabled: boolean): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !isNewKey(e)) return;
      if (document.getElementById(SHELL_ID)?.inert) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

interface Props {
  label: string;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}

/** A page's "New need" / "New complaint" button, with its shortcut in its tooltip. */
export function NewRecordButton({ label, onClick, ref }: Props) {
  const shortcut = newShortcutLabel();
  return (
    <Button
      type="primary"
      className="toolbar-end"
      ref={ref}
      aria-haspopup="dialog"
      aria-keyshortcuts={NEW_SHORTCUT.aria}
      title={`${label} (${shortcut})`}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}

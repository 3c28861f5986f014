import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../../shared/ipc/contract';
import { useEngineEvents } from '../lib/ipc';

/** Keyboard shortcuts of the page's own commands (the app menu shows the same accelerators). */
const SHORTCUTS: Record<AppCommand, (e: KeyboardEvent) => boolean> = {
  // Ctrl/Cmd+K: search everything.
  globalSearch: (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k',
  // Ctrl/Cmd+Shift+L: capture a lead (the desktop app also registers it system-wide).
  quickCapture: (e) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l',
  // Ctrl/Cmd+P: print the open customer's card.
  printCustomer: (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p',
};

/**
 * Whether the page was opened to run this command (the desktop shell puts ?command=<name> in the
 * URL of a window it opens for a menu command or a global shortcut); it is removed from the URL
 * the first time it is taken, so a reload does not run it again.
 */
function takeStartupCommand(command: AppCommand): boolean {
  const url = new URL(window.location.href);
  if (url.searchParams.get('command') !== command) return false;
  url.searchParams.delete('command');
  window.history.replaceState(window.history.state, '', url.href);
  return true;
}

/**
 * Runs `run` when the command is asked for: by its keyboard shortcut in the page, or by the app
 * menu / a global shortcut (an `app.command` event from the desktop shell). `enabled: false`
 * leaves the shortcut to the browser or to another handler.
 */
export function useAppCommand(command: AppCommand, run: () => void, enabled = true): void {
  const latest = useRef(run);
  latest.current = run;
  // A window the desktop shell opened for this command (?command=… in the page's URL): run it once.
  useEffect(() => {
    if (!enabled || !takeStartupCommand(command)) return;
    latest.current();
  }, [command, enabled]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !SHORTCUTS[command](e)) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command, enabled]);
  useEngineEvents((event) => {
    if (enabled && event.type === 'app.command' && event.command === command) latest.current();
  });
}

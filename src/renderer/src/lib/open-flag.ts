import { useSyncExternalStore } from 'react';

/**
 * Whether a dialog mounted once by the app shell is open (quick capture, global search): the
 * navigation's button, the keyboard shortcut and the desktop menu all open it through one flag.
 */
export function openFlag() {
  let open = false;
  const listeners = new Set<() => void>();
  const set = (value: boolean): void => {
    if (open === value) return;
    open = value;
    for (const l of listeners) l();
  };
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    open: (): void => set(true),
    close: (): void => set(false),
    useIsOpen: (): boolean => useSyncExternalStore(subscribe, () => open),
  };
}

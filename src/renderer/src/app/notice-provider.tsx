import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { toIpcError, type IpcError } from '../lib/ipc';
import { NoticeContext, type NoticeAction, type Notices } from './notice-context';
import { NoticeRegions } from './notice-regions';

const STATUS_MS = 6000;
/** A confirmation with Undo stays long enough to reach the button by keyboard. */
const ACTION_MS = 12_000;

/** Holds the current error and status message and renders their live regions after its children. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [error, setError] = useState<IpcError | null>(null);
  const [status, setStatus] = useState<{ text: string; action?: NoticeAction; at: number }>({ text: '', at: 0 });

  useEffect(() => {
    if (!status.text) return undefined;
    const timer = window.setTimeout(() => setStatus({ text: '', at: 0 }), status.action ? ACTION_MS : STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const clearError = useCallback(() => setError(null), []);
  const notices = useMemo<Notices>(
    () => ({
      showError: (err) => setError(toIpcError(err)),
      clearError,
      announce: (text, action) => setStatus({ text, action, at: Date.now() }),
    }),
    [clearError],
  );

  return (
    <NoticeContext.Provider value={notices}>
      {children}
      <NoticeRegions
        error={error}
        status={status.text}
        action={
          status.action
            ? {
                label: status.action.label,
                run: () => {
                  const action = status.action;
                  setStatus({ text: '', at: 0 });
                  void Promise.resolve(action?.run()).catch((err: unknown) => setError(toIpcError(err)));
                },
              }
            : undefined
        }
        onDismiss={clearError}
      />
    </NoticeContext.Provider>
  );
}

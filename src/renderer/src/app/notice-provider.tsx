import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { toIpcError, type IpcError } from '../lib/ipc';
import { NoticeContext, type Notices } from './notice-context';
import { NoticeRegions } from './notice-regions';

const STATUS_MS = 6000;

/** Holds the current error and status message and renders their live regions after its children. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [error, setError] = useState<IpcError | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!status) return undefined;
    const timer = window.setTimeout(() => setStatus(''), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const clearError = useCallback(() => setError(null), []);
  const notices = useMemo<Notices>(
    () => ({
      showError: (err) => setError(toIpcError(err)),
      clearError,
      announce: (text) => setStatus(text),
    }),
    [clearError],
  );

  return (
    <NoticeContext.Provider value={notices}>
      {children}
      <NoticeRegions error={error} status={status} onDismiss={clearError} />
    </NoticeContext.Provider>
  );
}

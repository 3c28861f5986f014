import { createContext, useContext } from 'react';

/** How any part of the UI reports an error (shown in the alert region) or a short success message. */
export interface Notices {
  showError(error: unknown): void;
  clearError(): void;
  announce(text: string): void;
}

export const NoticeContext = createContext<Notices | null>(null);

export function useNotices(): Notices {
  const ctx = useContext(NoticeContext);
  if (!ctx) throw new Error('useNotices must be used inside <NoticeProvider>');
  return ctx;
}

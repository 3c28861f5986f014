import { createContext, useContext } from 'react';

/** A button offered with a confirmation, e.g. Undo after archiving. */
export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

/** How any part of the UI reports an error (shown in the alert region) or a short success message. */
export interface Notices {
  showError(error: unknown): void;
  clearError(): void;
  /** A confirmation; with an action (Undo), it stays longer and offers the button. */
  announce(text: string, action?: NoticeAction): void;
}

export const NoticeContext = createContext<Notices | null>(null);

export function useNotices(): Notices {
  const ctx = useContext(NoticeContext);
  if (!ctx) throw new Error('useNotices must be used inside <NoticeProvider>');
  return ctx;
}

import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';

/** `await confirm({...})` resolves true or false once the user answers the in-app dialog. */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; confirmDialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const confirm = useCallback((next: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const onAnswer = (answer: boolean) => {
    resolver.current?.(answer);
    resolver.current = null;
    setRequest(null);
  };

  return { confirm, confirmDialog: request ? <ConfirmDialog {...request} onAnswer={onAnswer} /> : null };
}

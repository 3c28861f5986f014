import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import type { QuotationSummary } from '../../../../shared/domain/quotations';
import { useNotices } from '../../app/notice-context';
import { toIpcError, call, type IpcError } from '../../lib/ipc';
import { quotationKeys } from './quotation-keys';

export const useCustomerQuotations = (customerId: number) =>
  useQuery({ queryKey: quotationKeys.ofCustomer(customerId), queryFn: () => call('quotations.list', { customerId, limit: 200 }) });

export const useQuotation = (id: number | null) =>
  useQuery({ queryKey: quotationKeys.one(id ?? 0), queryFn: () => call('quotations.get', { id: id! }), enabled: id !== null });

/** "Q-2026-0012" or "Q-2026-0012 rev 2" in the user's language. */
export function docLabel(t: TFunction, q: Pick<QuotationSummary, 'number' | 'revision'>): string {
  return q.revision > 1 ? t('quotations.label', { number: q.number, revision: q.revision }) : q.number;
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/**
 * Runs one write on a document: announces it, says so when it changed elsewhere (CONFLICT), shows
 * any other error unless the caller handles it, and reloads documents, deals and timelines.
 */
export function useQuotationWrites() {
  const notices = useNotices();
  const client = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: quotationKeys.all }),
        client.invalidateQueries({ queryKey: ['deals'] }),
        client.invalidateQueries({ queryKey: ['followups', 'timeline'] }),
      ]),
    [client],
  );
  const run = useCallback(
    async <T>(
      action: () => Promise<T>,
      messages: { done: (value: T) => string; conflict: string; handles?: (e: IpcError) => boolean },
    ): Promise<WriteResult<T>> => {
      notices.clearError();
      try {
        const value = await action();
        notices.announce(messages.done(value));
        return { ok: true, value };
      } catch (err) {
        const error = toIpcError(err);
        if (error.code === 'CONFLICT') notices.announce(messages.conflict);
        else if (!messages.handles?.(error)) notices.showError(error);
        return { ok: false, error };
      } finally {
        await refresh();
      }
    },
    [notices, refresh],
  );
  return { run };
}

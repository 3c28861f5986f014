import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import type { QuotationSummary } from '../../../../shared/domain/quotations';
import { call } from '../../lib/ipc';
import { useWriteAction } from '../../lib/use-write-action';
import { quotationKeys } from './quotation-keys';

export const useCustomerQuotations = (customerId: number) =>
  useQuery({ queryKey: quotationKeys.ofCustomer(customerId), queryFn: () => call('quotations.list', { customerId, limit: 200 }) });

export const useQuotation = (id: number | null) =>
  useQuery({ queryKey: quotationKeys.one(id ?? 0), queryFn: () => call('quotations.get', { id: id! }), enabled: id !== null });

/** "Q-2026-0012" or "Q-2026-0012 rev 2" in the user's language. */
export function docLabel(t: TFunction, q: Pick<QuotationSummary, 'number' | 'revision'>): string {
  return q.revision > 1 ? t('quotations.label', { number: q.number, revision: q.revision }) : q.number;
}

export type { WriteResult } from '../../lib/use-write-action';

/**
 * Runs one write on a document: announces it, says so when it changed elsewhere (CONFLICT), shows
 * any other error unless the caller handles it, and reloads documents, deals and timelines.
 */
export function useQuotationWrites() {
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
  const run = useWriteAction(refresh);
  return { run };
}

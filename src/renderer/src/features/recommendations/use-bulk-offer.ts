import { useTranslation } from 'react-i18next';
import type { CustomerBulkActionInput } from '../../../../shared/domain/customer-bulk';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';

/** Tomorrow at 10:00 in the user's zone, as an ISO instant: when an offer's follow-up falls due. */
export function tomorrowAtTen(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0, 0, 0);
  return d.toISOString();
}

/**
 * Runs a customers.bulk action from a recommendation (plan follow-ups, tag) and reports it with
 * Undo, as the customer list's selection bar does. Returns how many customers it changed.
 */
export function useBulkOffer() {
  const { t } = useTranslation();
  const notices = useNotices();
  return async (action: CustomerBulkActionInput, done: (changed: number) => string): Promise<number> => {
    notices.clearError();
    try {
      const result = await call('customers.bulk', action);
      const undo = result.undo;
      notices.announce(
        done(result.changed),
        undo
          ? {
              label: t('common.undo'),
              run: async () => {
                await call('customers.bulk', undo);
              },
            }
          : undefined,
      );
      return result.changed;
    } catch (error) {
      notices.showError(error);
      return 0;
    }
  };
}

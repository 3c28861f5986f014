import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpType } from '../../../../shared/domain/followups';
import { useNotices } from '../../app/notice-context';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { followUpKeys } from './followup-keys';
import { fromLocalInput, toLocalInput, tomorrowAt } from '../../lib/local-time';
import type { ChurnRiskRow } from './use-followups';
import { useFollowUpActions } from './use-followup-actions';

/** When a win-back follow-up is due: tomorrow at 10:00 local time. */
const WIN_BACK_HOUR = 10;

/** A call for the customers worth most (tiers A and B), an email for the others. */
function winBackType(tier: string): FollowUpType {
  return tier === 'A' || tier === 'B' ? 'call' : 'email';
}

/**
 * "Plan win-back" on the churn-risk list: one click plans a follow-up for tomorrow 10:00 with the
 * customer's owner and a note saying how far past its rhythm the customer is. Until the list
 * has reloaded, `planned` holds the new due time so the row shows it at once.
 */
export function useWinBack() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const actions = useFollowUpActions();
  const [busy, setBusy] = useState<ReadonlySet<number>>(() => new Set());
  const [planned, setPlanned] = useState<ReadonlyMap<number, string>>(() => new Map());

  const plan = useCallback(
    async (row: ChurnRiskRow) => {
      if (busy.has(row.customerId)) return;
      setBusy((b) => new Set(b).add(row.customerId));
      notices.clearError();
      try {
        const type = winBackType(row.tier);
        const dueAt = fromLocalInput(toLocalInput(tomorrowAt(WIN_BACK_HOUR))) ?? tomorrowAt(WIN_BACK_HOUR).toISOString();
        const note = t('followups.churn.winBackNote', { count: row.daysPastRhythm });
        const created = await call('followups.create', { customerId: row.customerId, type, dueAt, owner: row.owner, note });
        setPlanned((p) => new Map(p).set(row.customerId, created.dueAt));
        notices.announce(
          t('followups.churn.winBackDone', {
            type: t(`followups.types.${type}`),
            company: row.company,
            when: formatDateTime(created.dueAt, i18n.language),
          }),
        );
        await client.invalidateQueries({ queryKey: followUpKeys.all });
        // The reloaded list has it now (or, if it was cancelled meanwhile, rightly not).
        setPlanned((p) => {
          const next = new Map(p);
          next.delete(row.customerId);
          return next;
        });
      } catch (err) {
        actions.report(err);
      } finally {
        setBusy((b) => {
          const next = new Set(b);
          next.delete(row.customerId);
          return next;
        });
      }
    },
    [busy, notices, t, i18n.language, client, actions],
  );

  return { plan, busy, planned };
}

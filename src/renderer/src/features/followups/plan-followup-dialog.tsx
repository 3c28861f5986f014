import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { tomorrowAtNine } from '../../lib/local-time';
import { proposedCallTime, useBuyerZone, weekdayTime } from '../../lib/use-buyer-time';
import { useState } from 'react';
import { followUpKeys } from './followup-keys';
import { PlanFormDialog } from './plan-form-dialog';

interface Props {
  customerId: number;
  company: string;
  /** The customer's owner: the follow-up's owner unless changed. */
  owner: string;
  /** The customer's country and city: the due time proposed is in the buyer's working hours. */
  buyer?: { country: string; city: string };
  onClose: () => void;
}

/** "Plan follow-up" from a customer: type, due date and time (tomorrow 09:00), owner, note. */
export function PlanFollowUpDialog({ customerId, company, owner, buyer, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const zone = useBuyerZone(buyer?.country ?? null, buyer?.city ?? null);
  // From tomorrow 09:00 (the user's), the first minute inside the buyer's working hours, off their holidays.
  const [from] = useState(() => tomorrowAtNine().getTime());
  const proposed = buyer ? proposedCallTime(zone.data, from) : null;
  const buyerZone = zone.data?.zone;
  const notices = useNotices();
  const client = useQueryClient();
  return (
    <PlanFormDialog
      title={t('followups.plan.title', { company })}
      saveLabel={t('followups.plan.save')}
      ownerHint={t('followups.plan.ownerHint')}
      dueHint={
        proposed !== null && buyerZone
          ? t('followups.plan.dueHintBuyer', { their: weekdayTime(proposed, i18n.language, buyerZone) })
          : t('followups.plan.dueHint')
      }
      proposedDue={proposed !== null ? new Date(proposed) : null}
      initialOwner={owner}
      onSubmit={async (plan) => {
        notices.clearError();
        const created = await call('followups.create', { customerId, ...plan });
        notices.announce(t('followups.plan.done', { company, when: formatDateTime(created.dueAt, i18n.language) }));
        void client.invalidateQueries({ queryKey: followUpKeys.all });
      }}
      // Refused fields are said in the dialog; anything else is the app's error notice.
      onError={(error) => {
        if (error.code === 'INVALID_INPUT') return false;
        notices.showError(error);
        return true;
      }}
      onClose={onClose}
    />
  );
}

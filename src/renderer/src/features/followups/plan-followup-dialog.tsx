import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { followUpKeys } from './followup-keys';
import { PlanFormDialog } from './plan-form-dialog';

interface Props {
  customerId: number;
  company: string;
  /** The customer's owner: the follow-up's owner unless changed. */
  owner: string;
  onClose: () => void;
}

/** "Plan follow-up" from a customer: type, due date and time (tomorrow 09:00), owner, note. */
export function PlanFollowUpDialog({ customerId, company, owner, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  return (
    <PlanFormDialog
      title={t('followups.plan.title', { company })}
      saveLabel={t('followups.plan.save')}
      ownerHint={t('followups.plan.ownerHint')}
      dueHint={t('followups.plan.dueHint')}
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

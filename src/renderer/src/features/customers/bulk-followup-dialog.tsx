import { useTranslation } from 'react-i18next';
import { PlanFormDialog, type FollowUpPlan } from '../followups';

/** What every selected customer's follow-up gets (owner '' = each customer's own owner). */
export type BulkFollowUp = FollowUpPlan;

interface Props {
  count: number;
  /** Plans the follow-ups; an engine error is shown in the dialog, which stays open. */
  onSubmit: (plan: BulkFollowUp) => Promise<void>;
  onClose: () => void;
}

/**
 * "Plan follow-up" for the selected customers: one follow-up each with the same type, due time
 * (tomorrow 09:00) and note, as the customer panel's Plan follow-up; its owner each customer's own
 * unless one is given.
 */
export function BulkFollowUpDialog({ count, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <PlanFormDialog
      title={t('bulk.planTitle', { count })}
      saveLabel={t('bulk.planSave')}
      ownerHint={t('bulk.planOwnerHint')}
      initialOwner=""
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}

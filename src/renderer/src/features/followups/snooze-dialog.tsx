import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/domain/followups';
import { ModalDialog } from '../../components/modal-dialog';
import { useFollowUpActions, type SnoozeDays } from './use-followup-actions';

const CHOICES: readonly { days: SnoozeDays; key: 'days1' | 'days3' | 'days7'; shortcut: string }[] = [
  { days: 1, key: 'days1', shortcut: '1' },
  { days: 3, key: 'days3', shortcut: '3' },
  { days: 7, key: 'days7', shortcut: '7' },
];

/** Snooze choices (Shift+S): 1 day, 3 days or a week; the digit keys pick one too. */
export function SnoozeDialog({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useFollowUpActions();
  const [saving, setSaving] = useState(false);

  const pick = async (days: SnoozeDays) => {
    if (saving) return;
    setSaving(true);
    await actions.snooze(followUp, days);
    onClose();
  };

  return (
    <ModalDialog title={t('followups.snooze.title')} onRequestClose={() => !saving && onClose()} size="small" className="followup-dialog">
      <p className="followup-dialog-subject">
        {t('followups.subject', { type: t(`followups.types.${followUp.type}`), company: followUp.company })}
      </p>
      <div
        className="snooze-choices"
        role="group"
        aria-label={t('followups.snooze.title')}
        onKeyDown={(e) => {
          const choice = CHOICES.find((c) => c.shortcut === e.key);
          if (choice) {
            e.preventDefault();
            void pick(choice.days);
          }
        }}
      >
        {CHOICES.map((c, i) => (
          <Button
            key={c.days}
            disabled={saving}
            onClick={() => void pick(c.days)}
            title={t('followups.withKey', { label: t(`followups.snooze.${c.key}`), key: c.shortcut })}
            data-autofocus={i === 0 ? true : undefined}
          >
            {t(`followups.snooze.${c.key}`)}
          </Button>
        ))}
      </div>
      <div className="form-actions">
        <Button onClick={onClose} disabled={saving}>
          {t('common.cancel')}
        </Button>
      </div>
    </ModalDialog>
  );
}

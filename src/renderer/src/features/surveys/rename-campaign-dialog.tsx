import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyCampaign } from '../../../../shared/domain/surveys';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { surveyKeys } from './survey-keys';

const NAME_MAX = 120;

/** Gives a campaign another name (the version guards against a rename from another window). */
export function RenameCampaignDialog({ campaign, onClose }: { campaign: SurveyCampaign; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const notices = useNotices();
  const [name, setName] = useState(campaign.name);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const next = name.trim();
    if (!next) {
      setNameError(t('fieldErrors.required'));
      focusFirstInvalid();
      return;
    }
    if (next === campaign.name) {
      onClose();
      return;
    }
    setSaving(true);
    setFormError(undefined);
    try {
      const saved = await call('surveys.renameCampaign', { id: campaign.id, version: campaign.version, name: next });
      client.setQueryData(surveyKeys.campaign(campaign.id), saved);
      await client.invalidateQueries({ queryKey: surveyKeys.campaigns() });
      notices.announce(t('surveys.campaign.renamed', { name: saved.name }));
      onClose();
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'CONFLICT') {
        await client.invalidateQueries({ queryKey: surveyKeys.all });
        setFormError(t('surveys.campaign.renameConflict'));
      } else setFormError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog title={t('surveys.campaign.renameTitle')} onRequestClose={close} size="small">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <TextField
          label={t('surveys.campaign.name')}
          value={name}
          onValueChange={(v) => {
            setName(v);
            setNameError(undefined);
          }}
          error={nameError}
          maxLength={NAME_MAX}
          autoComplete="off"
          data-autofocus
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('surveys.campaign.renameSave')} />
      </form>
    </ModalDialog>
  );
}

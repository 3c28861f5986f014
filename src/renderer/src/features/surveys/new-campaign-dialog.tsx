import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import type { SurveyCampaign } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { useDialogForm } from '../../components/use-dialog-form';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import type { CampaignLink } from './survey-links';
import { formatCount, inUiLanguage } from './survey-labels';
import { useAudienceSize, useSavedViews, useTemplates } from './use-surveys';

const NAME_MAX = 120;
const ALL_ACTIVE: CustomerFilterInput = { archived: 'active' };

interface Props {
  /** A segment handed over by a link (a board column); offered first and chosen. */
  link: CampaignLink | null;
  initialTemplateId: number | null;
  onClose: () => void;
  onCreated: (campaign: SurveyCampaign) => void;
}

/**
 * "New campaign": a name, a template and the customers it goes to (all active customers, a saved
 * view, or the board class a link brought), with how many that is now.
 */
export function NewCampaignDialog({ link, initialTemplateId, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const countId = useId();
  const templates = useTemplates();
  const views = useSavedViews();
  const [templateChoice, setTemplateChoice] = useState<string>(initialTemplateId !== null ? String(initialTemplateId) : '');
  const [segment, setSegment] = useState<string>(link ? 'link' : 'all');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);

  const templateList = templates.data ?? [];
  const fallbackTemplate = templateList.find((x) => x.builtin === 'yearly_relationship') ?? templateList[0];
  const templateId = templateChoice || (fallbackTemplate ? String(fallbackTemplate.id) : '');
  const template = templateList.find((x) => String(x.id) === templateId);

  const segmentOptions = useMemo(() => {
    const out: { value: string; label: string; filter: CustomerFilterInput; source: string }[] = [];
    if (link) {
      const label = link.label || t('surveys.newCampaign.fromLink');
      out.push({ value: 'link', label, filter: link.filter, source: label });
    }
    const all = t('surveys.newCampaign.allActive');
    out.push({ value: 'all', label: all, filter: ALL_ACTIVE, source: all });
    for (const v of views.data ?? []) {
      const kind =
        v.kind === 'board' ? t('surveys.newCampaign.boardView', { name: v.name }) : t('surveys.newCampaign.gridView', { name: v.name });
      out.push({ value: `view:${v.id}`, label: kind, filter: v.state.filter, source: kind });
    }
    return out;
  }, [link, views.data, t]);
  const chosen = segmentOptions.find((o) => o.value === segment) ?? segmentOptions[0];
  const audience = useAudienceSize(chosen?.filter ?? null);

  const defaultName = template && chosen ? `${inUiLanguage(template.name, lang)} · ${chosen.source}`.slice(0, NAME_MAX) : '';
  const shownName = nameTouched ? name : defaultName;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || !chosen || !template) return;
    setFormError(undefined);
    const finalName = shownName.trim();
    if (!finalName) {
      setNameError(t('fieldErrors.required'));
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const campaign = await call('surveys.createCampaign', {
        name: finalName,
        templateId: template.id,
        sourceLabel: chosen.source.slice(0, 200),
        filter: chosen.filter,
      });
      notices.announce(t('surveys.newCampaign.created', { name: campaign.name, count: campaign.counts.total }));
      onCreated(campaign);
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'INVALID_INPUT' && invalidFields(error).some((f) => f.path === 'name')) {
        setNameError(t('fieldErrors.invalid'));
        focusFirstInvalid();
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  };

  const total = audience.data;
  return (
    <ModalDialog title={t('surveys.newCampaign.title')} onRequestClose={close} describedBy={countId} className="surveys-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        <SelectField
          label={t('surveys.newCampaign.segment')}
          value={chosen?.value ?? ''}
          options={segmentOptions.map((o) => ({ value: o.value, label: o.label }))}
          onValueChange={setSegment}
          hint={t('surveys.newCampaign.segmentHint')}
          data-autofocus
        />
        <p id={countId} className="surveys-audience" data-testid="campaign-audience" aria-live="polite">
          {total === undefined
            ? t('common.loading')
            : t('surveys.newCampaign.audience', { count: total, formatted: formatCount(total, lang) })}
        </p>
        <SelectField
          label={t('surveys.newCampaign.template')}
          value={templateId}
          options={templateList.map((x) => ({ value: String(x.id), label: inUiLanguage(x.name, lang) }))}
          onValueChange={setTemplateChoice}
        />
        <TextField
          label={t('surveys.newCampaign.name')}
          value={shownName}
          onValueChange={(v) => {
            setName(v);
            setNameTouched(true);
            setNameError(undefined);
          }}
          error={nameError}
          maxLength={NAME_MAX}
          required
          autoComplete="off"
        />
        <FormError message={formError} />
        <FormActions onCancel={close} saving={saving} saveLabel={t('surveys.newCampaign.create')} />
      </form>
    </ModalDialog>
  );
}

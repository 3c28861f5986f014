import { Button } from 'antd';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ownersSchema, type Prefs, type PrefsPatch } from '../../../../shared/domain/prefs';
import { useNotices } from '../../app/notice-context';
import { formKeyHandler } from '../../components/form-keys';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { formatDate } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { useSavePrefs } from '../../lib/use-prefs';
import {
  FAIR_NAME_MAX,
  FOLDER_MAX,
  INTERVAL_MAX,
  NO_ERRORS,
  errorsFromEngine,
  errorsFromProblems,
  ownerRow,
  patchFromValues,
  sameGeneralValues,
  valuesFromPrefs,
  type GeneralErrors,
  type GeneralFormValues,
  type OwnerRow,
} from './general-form-values';
import { localDay } from '../../lib/local-day';
import { NumberField } from './number-field';
import { OwnersEditor, type RowHandOver } from './owners-editor';
import { FormActions } from '../../components/form-actions';

/** Which preferences a form edits and saves: each settings tab saves its own. */
export type GeneralPart = 'general' | 'staff' | 'backups';

/** The prefs keys each part saves (the others are left as they are). */
const PART_KEYS: Record<GeneralPart, readonly (keyof PrefsPatch)[]> = {
  general: ['fair'],
  staff: ['owners', 'me'],
  backups: ['backups'],
};

interface Props {
  part: GeneralPart;
  prefs: Prefs;
  onDirtyChange: (dirty: boolean) => void;
  /** Escape / Discard changes (the section asks first when there are changes). */
  onDiscard: () => void;
  onSaved: (prefs: Prefs) => void;
  /** Sales staff: each name's Hand over button. */
  handOver?: RowHandOver;
}

/** A local ISO day ("2026-04-15") as a date in the UI language. */
function dayText(day: string, lang: string): string {
  return formatDate(`${day}T12:00:00`, lang);
}

/** Sales staff, today's fair and the backup schedule and folder; Save sends prefs.save. */
export function GeneralForm({ part, prefs, onDirtyChange, onDiscard, onSaved, handOver }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const save = useSavePrefs();
  const form = useRef<HTMLFormElement>(null);
  const initial = useMemo(() => valuesFromPrefs(prefs), [prefs]);
  const [values, setValues] = useState<GeneralFormValues>(initial);
  const [errors, setErrors] = useState<GeneralErrors>(NO_ERRORS);
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(form, attempt);
  const today = localDay();

  const dirty = !sameGeneralValues(values, initial);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const set = <K extends 'fairName' | 'interval' | 'folder'>(key: K, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  const setOwners = (owners: OwnerRow[], touched?: number) => {
    setValues((v) => ({ ...v, owners }));
    // A rename clears that row's mark; a move or removal renumbers the rows, so every mark goes.
    setErrors((e) => {
      if (touched === undefined) return { ...e, owners: {} };
      if (!e.owners[touched]) return e;
      const next = { ...e.owners };
      delete next[touched];
      return { ...e, owners: next };
    });
  };

  /** The engine's rule for the list (no duplicates in any case, 1–60 characters), checked on the name added. */
  const addOwner = (name: string): string | undefined => {
    const names = [...values.owners.map((o) => o.name), name];
    const parsed = ownersSchema.safeParse(names);
    if (!parsed.success) {
      const added = names.length - 1;
      const problems = parsed.error.issues.map((i) => ({ path: ['owners', ...i.path.map(String)].join('.'), message: i.message }));
      const { errors: found } = errorsFromProblems(t, problems);
      const problem = found.owners[added] ?? found.add;
      if (problem) {
        setErrors((e) => ({ ...e, add: problem }));
        return problem;
      }
    }
    setValues((v) => ({ ...v, owners: [...v.owners, ownerRow(name.trim())] }));
    setErrors((e) => ({ ...e, add: undefined }));
    notices.announce(t('settings.general.ownerAdded', { name: name.trim() }));
    return undefined;
  };

  const fail = (next: GeneralErrors) => {
    setErrors(next);
    setSummary(t('settings.general.notSaved'));
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const checked = patchFromValues(t, values, prefs, today);
    if ('errors' in checked) return fail(checked.errors);
    setSummary('');
    if (!dirty) {
      notices.announce(t('settings.general.noChanges'));
      return;
    }
    setSaving(true);
    notices.clearError();
    try {
      const patch = Object.fromEntries(Object.entries(checked.patch).filter(([key]) => PART_KEYS[part].includes(key as keyof PrefsPatch)));
      const saved = await save(patch);
      setErrors(NO_ERRORS);
      onSaved(saved);
    } catch (err) {
      const error = toIpcError(err);
      const marked = errorsFromEngine(t, error);
      if (marked) fail(marked);
      else notices.showError(error);
    } finally {
      setSaving(false);
    }
  };

  const fairName = values.fairName.trim();
  const fairUnchanged = prefs.fair !== null && fairName === prefs.fair.name;
  const fairDay = fairUnchanged ? values.fairDay : null;
  const fairStatus = !fairName
    ? t('settings.general.fairNone')
    : !fairDay
      ? t('settings.general.fairNew', { date: dayText(today, i18n.language) })
      : fairDay === today
        ? t('settings.general.fairFor', { date: dayText(fairDay, i18n.language) })
        : t('settings.general.fairForPast', { date: dayText(fairDay, i18n.language) });

  return (
    <form
      ref={form}
      className="form general-form"
      noValidate
      aria-label={t(`settings.general.formLabels.${part}`)}
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(onDiscard)}
    >
      {part === 'staff' ? (
        <>
          <fieldset className="form-section general-group">
            <legend>{t('settings.general.ownersLegend')}</legend>
            <p className="field-hint">{t('settings.general.ownersHint')}</p>
            <OwnersEditor
              rows={values.owners}
              errors={errors.owners}
              addError={errors.add}
              onRowsChange={setOwners}
              onAdd={addOwner}
              onAddErrorClear={() => setErrors((e) => ({ ...e, add: undefined }))}
              handOver={handOver}
            />
            <SelectField
              label={t('settings.general.me')}
              hint={t('settings.general.meHint')}
              value={values.owners.some((o) => o.name.trim() === values.me) ? values.me : ''}
              options={[
                { value: '', label: t('settings.general.meNone') },
                ...values.owners.filter((o) => o.name.trim()).map((o) => ({ value: o.name.trim(), label: o.name.trim() })),
              ]}
              onValueChange={(v) => setValues((old) => ({ ...old, me: v }))}
            />
          </fieldset>
        </>
      ) : null}
      {part === 'general' ? (
        <>
          <fieldset className="form-section general-group">
            <legend>{t('settings.general.fairLegend')}</legend>
            <div className="general-fair">
              <TextField
                label={t('settings.general.fairName')}
                hint={t('settings.general.fairHint')}
                error={errors.fairName}
                value={values.fairName}
                onValueChange={(v) => set('fairName', v)}
                maxLength={FAIR_NAME_MAX}
                autoComplete="off"
              />
              <Button
                disabled={values.fairName === ''}
                onClick={() => {
                  set('fairName', '');
                  notices.announce(t('settings.general.fairCleared'));
                }}
              >
                {t('settings.general.clearFair')}
              </Button>
            </div>
            <p className="settings-note general-fair-status" data-testid="fair-status">
              <span>{fairStatus}</span>
              {fairName && fairDay && fairDay !== today ? (
                <Button size="small" onClick={() => setValues((v) => ({ ...v, fairDay: today }))}>
                  {t('settings.general.fairUseToday')}
                </Button>
              ) : null}
            </p>
          </fieldset>
        </>
      ) : null}
      {part === 'backups' ? (
        <>
          <fieldset className="form-section general-group">
            <legend>{t('settings.general.backupsLegend')}</legend>
            <div className="rules-row">
              <NumberField
                label={t('settings.general.interval')}
                unit={t('settings.general.intervalUnit')}
                hint={t('settings.general.intervalHint', { max: INTERVAL_MAX })}
                error={errors.interval}
                whole
                value={values.interval}
                onValueChange={(v) => set('interval', v)}
              />
            </div>
            <TextField
              className="general-folder"
              label={t('settings.general.folder')}
              hint={t('settings.general.folderHint')}
              error={errors.folder}
              value={values.folder}
              onValueChange={(v) => set('folder', v)}
              maxLength={FOLDER_MAX}
              autoComplete="off"
              spellCheck={false}
              placeholder={t('settings.general.folderPlaceholder')}
            />
          </fieldset>
        </>
      ) : null}

      <p role="alert" className="inline-error form-summary">
        {summary}
      </p>
      <FormActions
        className="settings-actions"
        dirty={dirty}
        saving={saving}
        cancelLabel={t('settings.discard')}
        saveLabel={t(`settings.general.saveParts.${part}`)}
        onCancel={onDiscard}
      />
    </form>
  );
}

import { Button } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../shared/domain/capture';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useCountryOptions } from '../../components/country-options';
import { FormError } from '../../components/form-error';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CardPhotoField } from './card-photo-field';
import { captureKeys } from './capture-keys';
import { DuplicateDecision, DuplicateHints } from './duplicate-notes';
import { EMPTY_LEAD, duplicateQuery, hasLeadInput, plausibleEmail, saveInput, worthChecking, type LeadValues } from './lead-values';
import { RatingGroup } from './rating-group';
import { CollisionAlert, useCollisionCheck, type OwnedMatch } from '../team';

type Saved = ChannelOutput<'capture.save'>;
type Errors = Partial<Record<'company' | 'email' | 'card' | 'form', string>>;

interface Props {
  fair: string;
  owner: string;
  timeZone: string;
  /** Kept current with "has the visitor's details typed in", for the close-with-discard question. */
  dirtyRef: RefObject<boolean>;
  onLeadsToday: (count: number) => void;
  /** A collision's link to an existing customer was followed. */
  onOpenCustomer: (href: string) => void;
}

/**
 * One visitor's details, keyboard first: Enter saves from any field (Ctrl/⌘+Enter in the note),
 * then the form clears and the cursor is back in Company for the next visitor. Possible duplicates
 * show while typing; saving one asks whether to add the lead to that customer or save it as new.
 */
export function LeadForm({ fair, owner, timeZone, dirtyRef, onLeadsToday, onOpenCustomer }: Props) {
  const { t, i18n } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LeadValues>(EMPTY_LEAD);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [deciding, setDeciding] = useState<DuplicateMatch[] | null>(null);
  const [saved, setSaved] = useState<{ result: Saved; undone: boolean } | null>(null);
  /** The owner a lead was last sent to (a colleague's customer, #20), shown where a save is. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const countries = useCountryOptions(values.country);
  dirtyRef.current = hasLeadInput(values);

  const query = duplicateQuery(values);
  const settled = useDebouncedValue(query, 150);
  const duplicates = useQuery({
    queryKey: captureKeys.duplicates(settled),
    queryFn: () => call('capture.duplicates', settled),
    enabled: worthChecking(settled),
    placeholderData: keepPreviousData,
  });
  const hints = worthChecking(query) && worthChecking(settled) ? (duplicates.data ?? []) : [];
  // Who in the team already has this lead (查重, #20). The hints above answer for this book; the
  // alert adds what only the team server knows (a colleague's customer, its owner and since when).
  const collisions = useCollisionCheck({
    company: values.company,
    country: values.country,
    website: '',
    contacts: [{ email: values.email, phone: values.phone, mobile: values.whatsapp }],
  });
  const hinted = new Set(hints.map((h) => h.customerId));

  const set = <K extends keyof LeadValues>(key: K, value: LeadValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
    setDeciding(null);
  };

  const focusCompany = () => window.setTimeout(() => form.current?.querySelector<HTMLInputElement>('[data-capture-company]')?.focus(), 0);

  const save = async (addToCustomerId: number | null) => {
    setSaving(true);
    try {
      const result = await call('capture.save', saveInput(values, { owner, fair, timeZone, addToCustomerId }));
      setSaved({ result, undone: false });
      setSentTo(null);
      onLeadsToday(result.leadsToday);
      setValues(EMPTY_LEAD);
      setErrors({});
      setDeciding(null);
      focusCompany();
    } catch (err) {
      const error = toIpcError(err);
      const text = errorText(t, error);
      setErrors(error.code.startsWith('CAPTURE_CARD') ? { card: text } : { form: text });
      setDeciding(null);
    } finally {
      setSaving(false);
    }
  };

  /** "Add as a lead for Li Na": the draft goes to the owner of the colleague's customer; the form clears as after a save. */
  const sendLead = async (match: OwnedMatch) => {
    if (!plausibleEmail(values.email)) {
      setErrors({ email: t('fieldErrors.email') });
      return;
    }
    try {
      await call('team.collisionRequest', {
        gid: match.gid,
        kind: 'lead',
        lead: {
          company: values.company,
          name: values.name,
          email: values.email,
          phone: values.phone,
          whatsapp: values.whatsapp,
          note: [values.productInterest, values.note]
            .map((v) => v.trim())
            .filter(Boolean)
            .join(' — ')
            .slice(0, 5000),
          fair,
        },
      });
      setSaved(null);
      setSentTo(match.owner);
      setValues(EMPTY_LEAD);
      setErrors({});
      setDeciding(null);
      focusCompany();
    } catch (err) {
      const error = toIpcError(err);
      setErrors({ form: error.code === 'CONFLICT' ? t('team.collisions.askConflict') : errorText(t, error) });
    }
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const problems: Errors = {};
    if (!values.company.trim()) problems.company = t('fieldErrors.required');
    if (!plausibleEmail(values.email)) problems.email = t('fieldErrors.email');
    if (Object.keys(problems).length) {
      setErrors(problems);
      // After the render that marks them: the first field to fix gets the cursor.
      window.setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    // A fresh check of exactly what is typed (the hints may be a keystroke behind).
    setSaving(true);
    let matches: DuplicateMatch[];
    try {
      matches = await call('capture.duplicates', duplicateQuery(values));
    } catch {
      matches = hints;
    } finally {
      setSaving(false);
    }
    if (matches.length) setDeciding(matches);
    else await save(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.defaultPrevented || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Escape' && deciding) {
      e.preventDefault();
      e.stopPropagation();
      setDeciding(null);
      focusCompany();
      return;
    }
    if (e.key !== 'Enter') return;
    // Enter on a button presses it; Ctrl/⌘+Enter saves from anywhere.
    if (target instanceof HTMLButtonElement && !(e.ctrlKey || e.metaKey)) return;
    if (target instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    if (!deciding) void submit();
  };

  const undo = async () => {
    if (!saved || saved.undone) return;
    try {
      const f = saved.result.followUp;
      await call('followups.cancel', { id: f.id, version: f.version });
      setSaved({ ...saved, undone: true });
    } catch (err) {
      setErrors({ form: errorText(t, toIpcError(err)) });
    }
  };

  return (
    <form
      ref={form}
      className="form capture-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      aria-label={t('capture.formLabel')}
    >
      <div className="capture-grid">
        <TextField
          data-capture-company
          className="span-2"
          label={t('fields.company')}
          required
          value={values.company}
          onValueChange={(v) => set('company', v)}
          error={errors.company}
          maxLength={300}
          autoComplete="off"
          autoFocus
          data-autofocus
        />
        <TextField label={t('capture.name')} value={values.name} onValueChange={(v) => set('name', v)} maxLength={200} autoComplete="off" />
        <SelectField
          search
          label={t('fields.country')}
          hint={t('capture.countryHint')}
          value={values.country}
          options={countries}
          onValueChange={(v) => set('country', v)}
          notFound={t('capture.countryNoMatch')}
        />
        <TextField
          label={t('contactFields.email')}
          type="email"
          value={values.email}
          onValueChange={(v) => set('email', v)}
          error={errors.email}
          maxLength={254}
          autoComplete="off"
        />
        <TextField
          label={t('contactFields.phone')}
          type="tel"
          value={values.phone}
          onValueChange={(v) => set('phone', v)}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          label={t('contactFields.whatsapp')}
          type="tel"
          value={values.whatsapp}
          onValueChange={(v) => set('whatsapp', v)}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          label={t('contactFields.wechat')}
          value={values.wechat}
          onValueChange={(v) => set('wechat', v)}
          maxLength={60}
          autoComplete="off"
        />
        <TextField
          className="span-2"
          label={t('capture.productInterest')}
          value={values.productInterest}
          onValueChange={(v) => set('productInterest', v)}
          maxLength={300}
          autoComplete="off"
        />
        <div className="span-2">
          <RatingGroup value={values.rating} onChange={(r) => set('rating', r)} />
        </div>
        <TextAreaField
          className="span-2"
          label={t('capture.note')}
          hint={t('capture.noteHint')}
          value={values.note}
          onValueChange={(v) => set('note', v)}
          rows={2}
          maxLength={5000}
        />
        <div className="span-2">
          <CardPhotoField
            value={values.card}
            onChange={(card) => set('card', card)}
            error={errors.card}
            onError={(message) => setErrors((e) => ({ ...e, card: message }))}
          />
        </div>
      </div>
      {deciding ? (
        <DuplicateDecision
          matches={deciding}
          saving={saving}
          onAddTo={(id) => void save(id)}
          onSaveAsNew={() => void save(null)}
          onBack={() => {
            setDeciding(null);
            focusCompany();
          }}
        />
      ) : (
        <DuplicateHints matches={hints} />
      )}
      <CollisionAlert
        result={collisions?.checked === 'team' ? collisions : undefined}
        hide={(m) => m.customerId !== null && hinted.has(m.customerId)}
        onOpenCustomer={onOpenCustomer}
        onAddLead={sendLead}
      />
      <FormError message={errors.form} />
      <div className="capture-footer">
        {deciding ? null : (
          <Button type="primary" htmlType="submit" disabled={saving} aria-busy={saving || undefined}>
            {t('capture.save')}
          </Button>
        )}
        <div className="capture-saved" role="status" aria-live="polite" data-testid="capture-saved">
          {sentTo !== null ? (
            t('team.collisions.leadSent', { owner: sentTo })
          ) : saved ? (
            <>
              {t(saved.result.created ? 'capture.savedNew' : 'capture.savedExisting', { company: saved.result.company })}{' '}
              {saved.undone ? (
                t('capture.followUpUndone')
              ) : (
                <>
                  {t('capture.followUpPlanned', { due: formatDateTime(saved.result.followUp.dueAt, i18n.language) })}{' '}
                  <button type="button" className="capture-undo" onClick={() => void undo()}>
                    {t('capture.undo')}
                  </button>
                </>
              )}
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}

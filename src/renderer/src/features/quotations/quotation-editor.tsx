import { Button } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_LANGUAGES,
  INCOTERMS,
  linesTotal,
  PAYMENT_TERM_PRESETS,
  type DocumentLanguage,
  type Incoterm,
  type Quotation,
} from '../../../../shared/domain/quotations';
import { DateField } from '../../components/date-field';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { errorText } from '../../i18n/error-text';
import { formatMoney } from '../../lib/money-format';
import { call } from '../../lib/ipc';
import { downloadFile } from '../../lib/download-file';
import { emptyLine, fromProduct, fromSaved, settle, toInput, type EditorLine, type LineErrors } from './editor-lines';
import { ProductPicker } from './product-picker';
import { QuotationLinesTable } from './quotation-lines-table';
import { docLabel, useQuotation, useQuotationWrites } from './use-quotations';

interface Props {
  customer: { id: number; company: string };
  /** The document to open; null for a new quotation. */
  id: number | null;
  /** Another document to show (a new revision, the PI made). */
  onOpen: (id: number) => void;
  onClose: () => void;
}

/** Days a new quotation is valid for. */
const VALID_DAYS = 30;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A quotation or PI: its terms (currency, language, Incoterm and named place, payment terms with
 * presets, validity, notes) and lines (catalogue products priced by their quantity's tier, or free
 * lines). A draft is edited and saved; then Send, Revise, Accept / Decline, Make PI, Cancel, and
 * Save PDF at any time. Enter saves, Escape closes.
 */
export function QuotationEditor({ customer, id, onOpen, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { run } = useQuotationWrites();
  const doc = useQuotation(id);
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid, close } = useDialogForm(onClose);
  const [currency, setCurrency] = useState('USD');
  const [language, setLanguage] = useState<DocumentLanguage>(lang.startsWith('zh') ? 'zh' : 'en');
  const [incoterm, setIncoterm] = useState<Incoterm | ''>('FOB');
  const [namedPlace, setNamedPlace] = useState('');
  const [paymentTerms, setPaymentTerms] = useState('');
  const [validUntil, setValidUntil] = useState(inDays(VALID_DAYS));
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<EditorLine[]>([]);
  const [lineErrors, setLineErrors] = useState<LineErrors[]>([]);
  const [currencyError, setCurrencyError] = useState<string | undefined>();
  const [loadedVersion, setLoadedVersion] = useState<string | null>(null);

  const q = doc.data;
  // A saved document fills the form once per version.
  useEffect(() => {
    if (!q || loadedVersion === `${q.id}:${q.version}`) return;
    setLoadedVersion(`${q.id}:${q.version}`);
    setCurrency(q.currency);
    setLanguage(q.language);
    setIncoterm(q.incoterm ?? '');
    setNamedPlace(q.namedPlace ?? '');
    setPaymentTerms(q.paymentTerms ?? '');
    setValidUntil(q.validUntil ?? '');
    setNotes(q.notes ?? '');
    setLines(fromSaved(q));
    setLineErrors([]);
  }, [q, loadedVersion]);

  const readOnly = q !== undefined && q.status !== 'draft';
  const code = currency.trim().toUpperCase();
  const changeLine = (key: number, patch: Partial<EditorLine>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? settle({ ...l, ...patch }, code, language) : l)));
  const relanguage = (next: DocumentLanguage) => {
    setLanguage(next);
    setLines((ls) => ls.map((l) => settle(l, code, next)));
  };
  const totalMinor = linesTotal(
    lines.flatMap((l) => {
      const input = toInput(t, [l], code);
      return input.lines ? [{ quantity: input.lines[0]!.quantity, unitPriceMinor: input.lines[0]!.unitPriceMinor ?? 0 }] : [];
    }),
  );

  const fields = () => {
    if (!/^[A-Z]{3}$/.test(code)) {
      setCurrencyError(t('quotations.editor.errors.currency'));
      return null;
    }
    if (lines.length === 0) {
      setFormError(t('quotations.editor.errors.noLines'));
      return null;
    }
    const input = toInput(t, lines, code);
    setLineErrors(input.errors ?? []);
    if (!input.lines) return null;
    return {
      currency: code,
      language,
      incoterm: incoterm || null,
      namedPlace: namedPlace.trim() || null,
      paymentTerms: paymentTerms.trim() || null,
      validUntil: validUntil || null,
      notes: notes.trim() || null,
      lines: input.lines,
    };
  };

  /** Saves the draft (creating it the first time); the saved document, or null when it could not be. */
  const save = async (announce = true): Promise<Quotation | null> => {
    setFormError(undefined);
    setCurrencyError(undefined);
    const f = fields();
    if (!f) {
      focusFirstInvalid();
      return null;
    }
    setSaving(true);
    const handles = (e: { code: string }) => {
      if (e.code === 'CONFLICT') return false;
      setFormError(errorText(t, e as never));
      return true;
    };
    const result = q
      ? await run(() => call('quotations.update', { id: q.id, version: q.version, fields: f }), {
          done: (v) => (announce ? t('quotations.editor.done.saved', { label: docLabel(t, v) }) : ''),
          conflict: t('quotations.editor.conflict'),
          handles,
        })
      : await run(() => call('quotations.create', { ...f, customerId: customer.id }), {
          done: (v) => t('quotations.editor.done.created', { label: docLabel(t, v) }),
          conflict: t('quotations.editor.conflict'),
          handles,
        });
    setSaving(false);
    if (!result.ok) return null;
    if (!q) onOpen(result.value.id);
    return result.value;
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || readOnly) return;
    await save();
  };

  type Action = 'send' | 'revise' | 'accept' | 'decline' | 'cancel' | 'makeProforma';
  const act = async (action: Action) => {
    if (saving) return;
    let current = q;
    if (action === 'send' && (!current || current.status === 'draft')) {
      current = (await save(false)) ?? undefined;
      if (!current) return;
    }
    if (!current) return;
    const target = current;
    setSaving(true);
    const channel = `quotations.${action}` as const;
    const doneKey = {
      send: 'sent',
      revise: 'revised',
      accept: 'accepted',
      decline: 'declined',
      cancel: 'cancelled',
      makeProforma: 'pi',
    } as const;
    const result = await run(() => call(channel, { id: target.id, version: target.version }), {
      done: (v) => t(`quotations.editor.done.${doneKey[action]}`, { label: docLabel(t, v) }),
      conflict: t('quotations.editor.conflict'),
    });
    setSaving(false);
    if (result.ok && result.value.id !== target.id) onOpen(result.value.id);
  };

  const savePdf = async () => {
    let current = q;
    if (current?.status === 'draft') current = (await save(false)) ?? undefined;
    if (!current) return;
    const target = current;
    setSaving(true);
    const result = await run(() => call('quotations.pdf', { id: target.id }), {
      done: (file) => t('quotations.editor.done.pdf', { file: file.fileName }),
      conflict: t('quotations.editor.conflict'),
    });
    setSaving(false);
    if (result.ok) downloadFile(result.value);
  };

  const title = q
    ? t('quotations.editor.title', {
        kind: t(`quotations.kinds.${q.kind}`),
        label: docLabel(t, q),
        status: t(`quotations.statuses.${q.status}`),
      })
    : t('quotations.editor.newTitle', { company: customer.company });

  if (id !== null && !q) {
    return (
      <ModalDialog title={t('quotations.editor.loading')} onRequestClose={close} size="wide">
        <p className="muted">{t('quotations.editor.loading')}</p>
      </ModalDialog>
    );
  }

  const button = (action: Action, label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} disabled={saving} onClick={() => void act(action)}>
      {label}
    </Button>
  );

  return (
    <ModalDialog title={title} onRequestClose={close} size="wide" className="quotation-editor">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(close)}>
        {readOnly ? <p className="muted">{t('quotations.editor.readOnly')}</p> : null}
        <fieldset className="quotation-terms" disabled={readOnly}>
          <TextField
            label={t('quotations.editor.currency')}
            value={currency}
            maxLength={3}
            error={currencyError}
            onValueChange={(v) => {
              setCurrency(v.toUpperCase());
              setCurrencyError(undefined);
              setLines((ls) => ls.map((l) => settle(l, v.toUpperCase(), language)));
            }}
            data-autofocus
          />
          <SelectField
            label={t('quotations.editor.language')}
            value={language}
            disabled={readOnly}
            options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`quotations.languages.${l}`) }))}
            onValueChange={(v) => {
              const next = DOCUMENT_LANGUAGES.find((l) => l === v);
              if (next) relanguage(next);
            }}
          />
          <SelectField
            label={t('quotations.editor.incoterm')}
            value={incoterm}
            disabled={readOnly}
            options={[{ value: '', label: t('quotations.editor.noIncoterm') }, ...INCOTERMS.map((i) => ({ value: i, label: i }))]}
            onValueChange={(v) => setIncoterm(INCOTERMS.find((i) => i === v) ?? '')}
          />
          <TextField
            label={t('quotations.editor.namedPlace')}
            hint={t('quotations.editor.namedPlaceHint')}
            value={namedPlace}
            maxLength={120}
            onValueChange={setNamedPlace}
          />
          <SelectField
            label={t('quotations.editor.paymentPreset')}
            value={PAYMENT_TERM_PRESETS.find((p) => p.en === paymentTerms || p.zh === paymentTerms)?.id ?? ''}
            disabled={readOnly}
            options={PAYMENT_TERM_PRESETS.map((p) => ({ value: p.id, label: language === 'zh' ? p.zh : p.en }))}
            onValueChange={(v) => {
              const p = PAYMENT_TERM_PRESETS.find((x) => x.id === v);
              if (p) setPaymentTerms(language === 'zh' ? p.zh : language === 'both' ? `${p.en} / ${p.zh}` : p.en);
            }}
          />
          <TextField label={t('quotations.editor.paymentTerms')} value={paymentTerms} maxLength={300} onValueChange={setPaymentTerms} />
          <DateField label={t('quotations.editor.validUntil')} value={validUntil} onValueChange={setValidUntil} />
          <TextField label={t('quotations.editor.notes')} value={notes} maxLength={2000} onValueChange={setNotes} />
        </fieldset>
        <h4 className="quotation-lines-heading">{t('quotations.editor.lines')}</h4>
        {readOnly ? null : (
          <div className="quotation-add">
            <ProductPicker onPick={(p) => setLines((ls) => [...ls, fromProduct(p, '', code, language)])} />
            <Button onClick={() => setLines((ls) => [...ls, emptyLine()])}>{t('quotations.editor.addLine')}</Button>
          </div>
        )}
        <QuotationLinesTable
          lines={lines}
          errors={lineErrors}
          currency={code}
          readOnly={readOnly}
          onChange={changeLine}
          onRemove={(key) => setLines((ls) => ls.filter((l) => l.key !== key))}
        />
        <p className="quotation-total" data-total>
          {t('quotations.editor.total', { amount: /^[A-Z]{3}$/.test(code) ? formatMoney(totalMinor, code, lang) : '—' })}
        </p>
        <FormError message={formError} />
        <div className="form-actions quotation-actions">
          {q?.status === 'sent' ? (
            <>
              {button('revise', t('quotations.editor.revise'))}
              {button('accept', t('quotations.editor.accept'))}
              {button('decline', t('quotations.editor.decline'))}
            </>
          ) : null}
          {q?.status === 'declined' ? button('revise', t('quotations.editor.revise')) : null}
          {q?.status === 'accepted' && q.kind === 'quotation' ? button('makeProforma', t('quotations.editor.makePi'), true) : null}
          {q && ['draft', 'sent', 'accepted', 'declined'].includes(q.status) ? button('cancel', t('quotations.editor.cancelDoc')) : null}
          <Button disabled={saving} onClick={() => void savePdf()}>
            {t('quotations.editor.pdf')}
          </Button>
          <span className="settings-actions-spacer" />
          <Button onClick={close}>{t('quotations.editor.close')}</Button>
          {readOnly ? null : (
            <>
              <Button htmlType="submit" disabled={saving}>
                {t('quotations.editor.save')}
              </Button>
              <Button type="primary" disabled={saving} onClick={() => void act('send')}>
                {t('quotations.editor.send')}
              </Button>
            </>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { formKeyHandler } from '../../components/form-keys';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { useDialogForm } from '../../components/use-dialog-form';
import { useDiscardConfirm } from '../../components/use-discard-confirm';
import { errorText } from '../../i18n/error-text';
import { toIpcError, call } from '../../lib/ipc';
import { monthName, monthsOfYear } from './period';
import {
  cellKey,
  NO_TARGET,
  splitKey,
  targetsToSave,
  targetTexts,
  type TargetErrors,
  type TargetProblem,
  type TargetText,
} from './targets-values';
import { managerKeys, useTargets } from './use-manager';

interface Props {
  /** The salespeople to offer, in order. */
  people: readonly string[];
  /** The year shown first. */
  year: number;
  onClose: () => void;
}

/**
 * Sales targets: a year, a salesperson, and their twelve months of revenue (base currency) and new
 * customers, typed in a small table (Tab and Shift+Tab move, Enter saves). Edits to several people
 * and years are kept until saved together in one call (manager.saveTargets); an emptied month
 * removes its target. Escape closes, asking first when something changed.
 */
export function TargetsDialog({ people, year: initialYear, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const client = useQueryClient();
  const introId = useId();
  const { form, saving, setSaving, formError, setFormError, focusFirstInvalid } = useDialogForm(onClose);
  const { confirmDiscard, discardDialog } = useDiscardConfirm();
  const [year, setYear] = useState(initialYear);
  const [person, setPerson] = useState(people[0] ?? '');
  const [edits, setEdits] = useState<Map<string, TargetText>>(() => new Map());
  const [errors, setErrors] = useState<Map<string, TargetErrors>>(() => new Map());
  const [submitted, setSubmitted] = useState(false);
  const targets = useTargets(year);
  const currency = targets.data?.currency ?? '';
  // What is saved, per year seen (edits of another year are compared with its own).
  const [saved, setSaved] = useState<Map<string, TargetText>>(() => new Map());
  useEffect(() => {
    const data = targets.data;
    if (!data) return;
    setSaved((before) => {
      const next = new Map([...before].filter(([key]) => !splitKey(key).month.startsWith(`${year}-`)));
      for (const [key, text] of targetTexts(data.targets, data.currency)) next.set(key, text);
      return next;
    });
  }, [targets.data, year]);

  const pending = targetsToSave(edits, saved, currency || 'USD');
  const dirty = pending.targets.length > 0 || pending.errors.size > 0;
  const requestClose = () => {
    if (saving) return;
    if (!dirty) return onClose();
    void confirmDiscard().then((discard) => discard && onClose());
  };

  const textOf = (key: string): TargetText => edits.get(key) ?? saved.get(key) ?? NO_TARGET;
  const change = (key: string, field: keyof TargetText, value: string) => {
    const next = new Map(edits).set(key, { ...textOf(key), [field]: value });
    setEdits(next);
    // After a failed save, the marks follow what is typed.
    if (submitted) setErrors(targetsToSave(next, saved, currency).errors);
  };

  const problemText = (problem: TargetProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    if (problem.code === 'revenueDigits') return t('manager.targets.errors.revenueDigits', { count: problem.digits, currency });
    return t(`manager.targets.errors.${problem.code}`);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || !currency) return;
    setSubmitted(true);
    const plan = targetsToSave(edits, saved, currency);
    setErrors(plan.errors);
    const [firstError] = plan.errors.keys();
    if (firstError !== undefined) {
      // The first problem may be another person's or year's: show it.
      const { owner, month } = splitKey(firstError);
      setPerson(owner);
      setYear(Number(month.slice(0, 4)));
      setFormError(t('manager.targets.errors.summary'));
      focusFirstInvalid();
      return;
    }
    if (plan.targets.length === 0) {
      onClose();
      notices.announce(t('manager.targets.nothingChanged'));
      return;
    }
    setSaving(true);
    setFormError(undefined);
    try {
      const done = await call('manager.saveTargets', { targets: plan.targets });
      void client.invalidateQueries({ queryKey: managerKeys.all });
      onClose();
      notices.announce(t('manager.targets.saved', { count: done.saved }));
    } catch (err) {
      setFormError(errorText(t, toIpcError(err)));
      setSaving(false);
    }
  };

  const thisYear = new Date().getFullYear();
  const years = [thisYear - 1, thisYear, thisYear + 1];
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);
  const personOptions = [...people, ...(person && !people.includes(person) ? [person] : [])];

  return (
    <ModalDialog title={t('manager.targets.title')} onRequestClose={requestClose} size="wide" describedBy={introId}>
      <form ref={form} className="form targets-form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={formKeyHandler(requestClose)}>
        <p id={introId} className="muted targets-intro">
          {currency ? t('manager.targets.intro', { currency }) : t('manager.targets.loading')}
        </p>
        <div className="targets-choice">
          <SelectField
            label={t('manager.targets.year')}
            value={String(year)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            onValueChange={(v) => setYear(Number(v))}
            data-autofocus
          />
          <SelectField
            label={t('manager.targets.person')}
            value={person}
            options={personOptions.map((name) => ({ value: name, label: name }))}
            onValueChange={setPerson}
            search
            notFound={t('manager.targets.noPeople')}
          />
        </div>
        {targets.isError ? (
          <p className="field-error" role="alert">
            {errorText(t, toIpcError(targets.error))}
          </p>
        ) : person === '' ? (
          <p className="muted">{t('manager.targets.noPeople')}</p>
        ) : (
          <div className="targets-table-wrap">
            <table className="data-table targets-table" aria-busy={targets.isPending || undefined}>
              <caption className="field-label">{t('manager.targets.tableCaption', { person, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('manager.targets.month')}</th>
                  <th scope="col" className="num">
                    {t('manager.targets.revenue', { currency })}
                  </th>
                  <th scope="col" className="num">
                    {t('manager.targets.newCustomers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {monthsOfYear(year).map((month) => {
                  const key = cellKey(person, month);
                  const text = textOf(key);
                  const problems = errors.get(key);
                  const name = monthName(month, lang);
                  const revenueError = problemText(problems?.revenue);
                  const newError = problemText(problems?.newCustomers);
                  const errorId = `${introId}-${month}-error`;
                  const describedBy = revenueError || newError ? errorId : undefined;
                  return (
                    <Fragment key={month}>
                      <tr data-month={month}>
                        <th scope="row">{name}</th>
                        <td className="num">
                          <input
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            spellCheck={false}
                            className="targets-input"
                            aria-label={t('manager.targets.revenueLabel', { month: name })}
                            aria-invalid={revenueError ? true : undefined}
                            aria-describedby={describedBy}
                            disabled={targets.isPending || saving}
                            value={text.revenue}
                            onChange={(e) => change(key, 'revenue', e.target.value)}
                          />
                        </td>
                        <td className="num">
                          <input
                            type="text"
                            inputMode="numeric"
                            autoComplete="off"
                            spellCheck={false}
                            className="targets-input targets-input-small"
                            aria-label={t('manager.targets.newLabel', { month: name })}
                            aria-invalid={newError ? true : undefined}
                            aria-describedby={describedBy}
                            disabled={targets.isPending || saving}
                            value={text.newCustomers}
                            onChange={(e) => change(key, 'newCustomers', e.target.value)}
                          />
                        </td>
                      </tr>
                      {describedBy ? (
                        <tr className="targets-error-row">
                          <td colSpan={3}>
                            <p id={errorId} className="field-error">
                              {t('manager.targets.errors.row', {
                                month: name,
                                message: [revenueError, newError].filter(Boolean).join(' '),
                              })}
                            </p>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <FormError message={formError} />
        <FormActions
          onCancel={requestClose}
          saving={saving}
          busy={!currency || person === ''}
          saveLabel={saving ? t('manager.targets.saving') : t('manager.targets.save')}
        />
      </form>
      {discardDialog}
    </ModalDialog>
  );
}

import { Button } from 'antd';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  validateAnswers,
  type AnswerValue,
  type Answers,
  type SurveyCampaign,
  type SurveyRecipient,
  type SurveyResponse,
} from '../../../../shared/domain/surveys';
import { DateField } from '../../components/date-field';
import { FormActions } from '../../components/form-actions';
import { ModalDialog } from '../../components/modal-dialog';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { QuestionInput } from './question-input';
import { localDay } from '../../lib/local-day';
import { useResponses } from './use-surveys';

interface Props {
  campaign: SurveyCampaign;
  recipient: SurveyRecipient;
  onClose: () => void;
  onSaved: (response: SurveyResponse) => void;
}

const PROBLEMS = ['required', 'range', 'option', 'type', 'unknown'] as const;

function problemsOf(details: unknown): Record<string, string> {
  if (!details || typeof details !== 'object' || !('problems' in details)) return {};
  const raw = (details as { problems: unknown }).problems;
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** A date field's day as an instant: noon local time that day (so the day is the same in any nearby zone). */
function answeredAtOf(day: string): string | undefined {
  if (!day || day === localDay()) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d, 12, 0, 0).toISOString();
}

/**
 * Answers entered by hand, during a call or visit or from a paper questionnaire: every question of
 * the campaign on one keyboard form. Enter saves (Ctrl+Enter from a text box), Escape cancels.
 * A customer who already answered gets their answers back to change.
 */
export function AnswerDialog(props: Props) {
  const { t } = useTranslation();
  const { campaign, recipient, onClose } = props;
  const replace = recipient.responseId !== null;
  const existing = useResponses({ campaignId: campaign.id, customerId: recipient.customerId, limit: 1 }, replace);
  const title = t(replace ? 'surveys.answers.titleChange' : 'surveys.answers.title', { company: recipient.company });
  if (replace && !existing.data) {
    return (
      <ModalDialog title={title} onRequestClose={onClose} className="surveys-dialog">
        <p className="muted">{existing.isError ? errorText(t, toIpcError(existing.error)) : t('common.loading')}</p>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </ModalDialog>
    );
  }
  const previous = existing.data?.[0];
  return (
    <AnswerForm
      {...props}
      title={title}
      replace={replace}
      initial={previous?.answers ?? {}}
      initialDay={previous ? localDay(new Date(previous.answeredAt)) : localDay()}
    />
  );
}

function AnswerForm({
  campaign,
  recipient,
  onClose,
  onSaved,
  title,
  replace,
  initial,
  initialDay,
}: Props & { title: string; replace: boolean; initial: Answers; initialDay: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const hintId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Answers>(initial);
  const [day, setDay] = useState(initialDay);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);
  const close = () => !saving && onClose();

  const setValue = (id: string, value: AnswerValue) => {
    setValues((prev) => ({ ...prev, [id]: value }));
    setProblems((prev) => {
      if (!(id in prev)) return prev;
      const next = { ...prev };
      delete next[id];
      return next;
    });
  };

  const problemText = (code: string | undefined) =>
    code === undefined
      ? undefined
      : t(`surveys.problems.${(PROBLEMS as readonly string[]).includes(code) ? (code as (typeof PROBLEMS)[number]) : 'type'}`);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const answers: Answers = {};
    for (const q of campaign.questions) {
      const v = values[q.id];
      if (v !== undefined && v !== null) answers[q.id] = v;
    }
    const checked = validateAnswers(campaign.questions, answers);
    if (!checked.ok) {
      setProblems(checked.problems);
      setAttempt((a) => a + 1);
      return;
    }
    setSaving(true);
    try {
      const answeredAt = answeredAtOf(day);
      const response = await call('surveys.recordResponse', {
        campaignId: campaign.id,
        customerId: recipient.customerId,
        answers,
        replace,
        ...(answeredAt ? { answeredAt } : {}),
      });
      onSaved(response);
    } catch (err) {
      const error = toIpcError(err);
      if (error.code === 'SURVEY_ANSWERS_INVALID') {
        setProblems(problemsOf(error.details));
        setAttempt((a) => a + 1);
      }
      setFormError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Enter' || target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    e.currentTarget.requestSubmit();
  };

  return (
    <ModalDialog title={title} onRequestClose={close} describedBy={hintId} className="surveys-dialog surveys-answer-dialog">
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} data-testid="answer-form">
        <p id={hintId} className="muted surveys-keys-hint">
          {t('surveys.answers.keysHint')}
        </p>
        {campaign.questions.map((q, i) => (
          <QuestionInput
            key={q.id}
            question={q}
            index={i}
            name={`${formId}-${q.id}`}
            value={values[q.id]}
            onChange={(v) => setValue(q.id, v)}
            error={problemText(problems[q.id])}
            customerLanguage={recipient.language}
          />
        ))}
        <DateField
          label={t('surveys.answers.answeredOn')}
          value={day}
          max={localDay()}
          onValueChange={setDay}
          className="surveys-date-field"
        />
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={t('surveys.answers.save')} />
      </form>
    </ModalDialog>
  );
}

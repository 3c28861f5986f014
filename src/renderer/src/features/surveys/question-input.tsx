import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleOf, type AnswerValue, type Question, type SurveyLanguage } from '../../../../shared/domain/surveys';
import { inOtherLanguage, inUiLanguage, isChinese } from './survey-labels';

interface Props {
  question: Question;
  index: number;
  /** The name shared by the question's radios (one group per question). */
  name: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  /** The problem's text, shown under the question and marking its inputs invalid. */
  error: string | undefined;
  /** The customer's language: its wording is shown too when it is not the UI's. */
  customerLanguage: SurveyLanguage;
}

/** Two digits typed this quickly one after the other make one number ("1", "0" → 10). */
const DIGIT_PAIR_MS = 800;

/**
 * One question of the answer form: a scale (NPS 0–10, CSAT 1–5, rating) or a choice as native
 * radios or checkboxes (arrow keys move, a digit key picks: the score, or the n-th option;
 * Backspace clears), or a text box.
 */
export function QuestionInput({ question: q, index, name, value, onChange, error, customerLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorId = useId();
  const group = useRef<HTMLDivElement>(null);
  const lastDigit = useRef<{ key: string; at: number } | null>(null);
  const scale = scaleOf(q);
  const showAlt = isChinese(lang) !== (customerLanguage === 'zh-CN');
  const invalid = error ? true : undefined;
  const describedBy = error ? errorId : undefined;

  const focusValue = (v: string) => group.current?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(v)}"]`)?.focus();

  const onGroupKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    if ((e.key === 'Backspace' || e.key === 'Delete') && q.type !== 'text') {
      e.preventDefault();
      onChange(null);
      return;
    }
    if (!/^[0-9]$/.test(e.key)) return;
    e.preventDefault();
    const now = Date.now();
    let n = Number(e.key);
    const last = lastDigit.current;
    if (scale && scale.max >= 10 && last?.key === '1' && e.key === '0' && now - last.at < DIGIT_PAIR_MS) n = 10;
    lastDigit.current = { key: e.key, at: now };
    if (scale) {
      if (n < scale.min || n > scale.max) return;
      onChange(n);
      focusValue(String(n));
      return;
    }
    const option = q.options[n - 1];
    if (!option) return;
    if (q.type === 'single') {
      onChange(option.id);
    } else {
      const list = Array.isArray(value) ? value : [];
      onChange(list.includes(option.id) ? list.filter((id) => id !== option.id) : [...list, option.id]);
    }
    focusValue(option.id);
  };

  let body;
  if (scale) {
    const values: number[] = [];
    for (let n = scale.min; n <= scale.max; n += 1) values.push(n);
    body = (
      <>
        <div ref={group} className={`surveys-scale surveys-scale-${q.type}`} onKeyDown={onGroupKeyDown}>
          {values.map((n) => (
            <label key={n} className="surveys-scale-option">
              <input
                type="radio"
                name={name}
                value={String(n)}
                checked={value === n}
                onChange={() => onChange(n)}
                aria-invalid={invalid}
                aria-describedby={describedBy}
              />
              <span>{q.type === 'csat' ? t(`surveys.answers.csatScale.${n}` as 'surveys.answers.csatScale.1') : String(n)}</span>
            </label>
          ))}
        </div>
        {q.type === 'nps' ? <p className="field-hint">{t('surveys.answers.npsEnds')}</p> : null}
      </>
    );
  } else if (q.type === 'single' || q.type === 'multi') {
    const list = Array.isArray(value) ? value : [];
    body = (
      <div ref={group} className="surveys-options" onKeyDown={onGroupKeyDown}>
        {q.options.map((o, i) => (
          <label key={o.id} className="surveys-option">
            <input
              type={q.type === 'single' ? 'radio' : 'checkbox'}
              name={name}
              value={o.id}
              checked={q.type === 'single' ? value === o.id : list.includes(o.id)}
              onChange={(e) => {
                if (q.type === 'single') onChange(o.id);
                else onChange(e.target.checked ? [...list, o.id] : list.filter((id) => id !== o.id));
              }}
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
            <span>
              <span className="surveys-option-key" aria-hidden="true">
                {i < 9 ? i + 1 : ''}
              </span>
              {inUiLanguage(o.text, lang)}
            </span>
          </label>
        ))}
        {q.type === 'multi' ? <p className="field-hint">{t('surveys.answers.multiHint')}</p> : null}
      </div>
    );
  } else {
    body = (
      <textarea
        className="surveys-textarea"
        rows={3}
        maxLength={5000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        aria-label={inUiLanguage(q.text, lang)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    );
  }

  return (
    <fieldset className={error ? 'surveys-question is-invalid' : 'surveys-question'} data-question={q.id} data-type={q.type}>
      <legend>
        <span className="surveys-question-num">{index + 1}.</span> {inUiLanguage(q.text, lang)}
        {q.required ? (
          <span className="field-required" title={t('surveys.answers.required')}>
            {' *'}
          </span>
        ) : null}
      </legend>
      {showAlt ? (
        <p className="surveys-question-alt muted" lang={customerLanguage}>
          {inOtherLanguage(q.text, lang)}
        </p>
      ) : null}
      {body}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

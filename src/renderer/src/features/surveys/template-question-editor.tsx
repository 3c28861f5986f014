import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type QuestionType } from '../../../../shared/domain/surveys';
import { CheckboxField } from '../../components/checkbox-field';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { MAX_OPTIONS, OPTION_MAX, TEXT_MAX, isChoice, newOption, withType, type QuestionDraft } from './template-draft';
import { questionTypeLabel } from './survey-labels';

interface Props {
  question: QuestionDraft;
  index: number;
  count: number;
  problemText: (key: string) => string | undefined;
  onChange: (q: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const SCALE_MAXES = [3, 4, 5, 6, 7, 8, 9, 10];

/** One question of the template editor: type, id, both texts, required, the scale or the options. */
export function TemplateQuestionEditor({ question: q, index, count, problemText, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...q, ...patch });

  return (
    <fieldset className="form-section surveys-q-edit" data-question-key={q.key}>
      <legend>{t('surveys.editor.questionN', { n })}</legend>
      <div className="surveys-q-tools">
        <Button size="small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('surveys.editor.moveUpN', { n })}>
          {t('surveys.editor.moveUp')}
        </Button>
        <Button size="small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('surveys.editor.moveDownN', { n })}>
          {t('surveys.editor.moveDown')}
        </Button>
        <Button danger size="small" onClick={onRemove} aria-label={t('surveys.editor.removeN', { n })}>
          {t('surveys.editor.remove')}
        </Button>
      </div>
      <div className="form-grid">
        <SelectField
          label={t('surveys.editor.type')}
          value={q.type}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: questionTypeLabel(t, type) }))}
          onValueChange={(v) => onChange(withType(q, v as QuestionType))}
        />
        <TextField
          label={t('surveys.editor.id')}
          hint={t('surveys.editor.idHint')}
          value={q.id}
          onValueChange={(id) => set({ id })}
          error={problemText(`${q.key}.id`)}
          maxLength={40}
          autoComplete="off"
          required
        />
        <TextField
          className="span-2"
          label={t('surveys.editor.textEn')}
          value={q.en}
          onValueChange={(en) => set({ en })}
          error={problemText(`${q.key}.en`)}
          maxLength={TEXT_MAX}
          lang="en"
          required
        />
        <TextField
          className="span-2"
          label={t('surveys.editor.textZh')}
          value={q.zh}
          onValueChange={(zh) => set({ zh })}
          error={problemText(`${q.key}.zh`)}
          maxLength={TEXT_MAX}
          lang="zh-CN"
          required
        />
        <CheckboxField label={t('surveys.editor.required')} checked={q.required} onCheckedChange={(required) => set({ required })} />
        {q.type === 'rating' ? (
          <SelectField
            label={t('surveys.editor.scaleMax')}
            value={String(q.scaleMax)}
            options={SCALE_MAXES.map((m) => ({ value: String(m), label: t('surveys.editor.scaleOf', { max: m }) }))}
            onValueChange={(v) => set({ scaleMax: Number(v) })}
          />
        ) : null}
      </div>
      {isChoice(q.type) ? (
        <div className="surveys-options-edit">
          <h4>{t('surveys.editor.options')}</h4>
          {problemText(`${q.key}.options`) ? <p className="field-error">{problemText(`${q.key}.options`)}</p> : null}
          {q.options.map((o, i) => (
            <div key={o.key} className="surveys-option-edit">
              <TextField
                label={t('surveys.editor.optionId', { n: i + 1 })}
                value={o.id}
                onValueChange={(id) => set({ options: q.options.map((x) => (x.key === o.key ? { ...x, id } : x)) })}
                error={problemText(`${o.key}.id`)}
                maxLength={40}
                autoComplete="off"
              />
              <TextField
                label={t('surveys.editor.optionEn', { n: i + 1 })}
                value={o.en}
                onValueChange={(en) => set({ options: q.options.map((x) => (x.key === o.key ? { ...x, en } : x)) })}
                error={problemText(`${o.key}.en`)}
                maxLength={OPTION_MAX}
                lang="en"
              />
              <TextField
                label={t('surveys.editor.optionZh', { n: i + 1 })}
                value={o.zh}
                onValueChange={(zh) => set({ options: q.options.map((x) => (x.key === o.key ? { ...x, zh } : x)) })}
                error={problemText(`${o.key}.zh`)}
                maxLength={OPTION_MAX}
                lang="zh-CN"
              />
              <Button
                danger
                size="small"
                onClick={() => set({ options: q.options.filter((x) => x.key !== o.key) })}
                aria-label={t('surveys.editor.removeOptionN', { n: i + 1 })}
              >
                {t('surveys.editor.remove')}
              </Button>
            </div>
          ))}
          <Button
            size="small"
            disabled={q.options.length >= MAX_OPTIONS}
            onClick={() => set({ options: [...q.options, newOption(q.options)] })}
          >
            {t('surveys.editor.addOption')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

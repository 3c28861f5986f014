import { Button } from 'antd';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { FormActions } from '../../components/form-actions';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { invalidFields } from '../../lib/invalid-fields';
import { inUiLanguage } from './survey-labels';
import {
  MAX_QUESTIONS,
  NAME_MAX,
  checkDraft,
  draftKeyOfPath,
  draftOf,
  newQuestion,
  toTemplateInput,
  type DraftProblem,
  type DraftProblems,
  type QuestionDraft,
} from './template-draft';
import { TemplateQuestionEditor } from './template-question-editor';

interface Props {
  /** The template to edit (own) or copy (any); null for a new one. */
  template: SurveyTemplate | null;
  mode: 'new' | 'copy' | 'edit';
  onClose: () => void;
  onSaved: (template: SurveyTemplate) => void;
}

/**
 * The template editor: the name in both languages and the questions (type, id, English and Chinese
 * text, required, options or scale), added, removed and moved; problems shown by their fields.
 */
export function TemplateEditor({ template, mode, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftOf(mode === 'new' ? null : template, mode === 'copy', { en: ' (copy)', zh: '（副本）' }));
  const [problems, setProblems] = useState<DraftProblems>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);
  const close = () => !saving && onClose();

  const problemText = (key: string): string | undefined => {
    const p: DraftProblem | undefined = problems[key];
    return p ? t(`surveys.editor.problems.${p}`) : undefined;
  };
  const setQuestions = (questions: QuestionDraft[]) => setDraft((d) => ({ ...d, questions }));
  const move = (index: number, by: -1 | 1) => {
    const qs = [...draft.questions];
    const [q] = qs.splice(index, 1);
    if (q) qs.splice(index + by, 0, q);
    setQuestions(qs);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    setFormError(undefined);
    const found = checkDraft(draft);
    setProblems(found);
    if (Object.keys(found).length) {
      setAttempt((a) => a + 1);
      if (found.questions) setFormError(problemText('questions') ?? t(`surveys.editor.problems.${found.questions}`));
      return;
    }
    setSaving(true);
    try {
      const saved = await call('surveys.saveTemplate', {
        ...(mode === 'edit' && template ? { id: template.id, version: template.version } : {}),
        template: toTemplateInput(draft),
      });
      notices.announce(t('surveys.editor.saved', { name: inUiLanguage(saved.name, i18n.language) }));
      onSaved(saved);
    } catch (err) {
      const error = toIpcError(err);
      const fields = invalidFields(error);
      if (fields.length) {
        const mapped: DraftProblems = {};
        for (const f of fields) mapped[draftKeyOfPath(draft, f.path)] ??= 'invalid';
        setProblems(mapped);
        setAttempt((a) => a + 1);
      }
      setFormError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const title =
    mode === 'edit' ? t('surveys.editor.titleEdit') : mode === 'copy' ? t('surveys.editor.titleCopy') : t('surveys.editor.titleNew');
  return (
    <ModalDialog title={title} onRequestClose={close} className="surveys-dialog surveys-editor-dialog">
      <form
        ref={form}
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <p className="muted">{t('surveys.editor.hint')}</p>
        <div className="form-grid">
          <TextField
            label={t('surveys.editor.nameEn')}
            value={draft.nameEn}
            onValueChange={(nameEn) => setDraft((d) => ({ ...d, nameEn }))}
            error={problemText('nameEn')}
            maxLength={NAME_MAX}
            lang="en"
            required
            data-autofocus
          />
          <TextField
            label={t('surveys.editor.nameZh')}
            value={draft.nameZh}
            onValueChange={(nameZh) => setDraft((d) => ({ ...d, nameZh }))}
            error={problemText('nameZh')}
            maxLength={NAME_MAX}
            lang="zh-CN"
            required
          />
        </div>
        {draft.questions.map((q, i) => (
          <TemplateQuestionEditor
            key={q.key}
            question={q}
            index={i}
            count={draft.questions.length}
            problemText={problemText}
            onChange={(next) => setQuestions(draft.questions.map((x) => (x.key === q.key ? next : x)))}
            onMove={(by) => move(i, by)}
            onRemove={() => setQuestions(draft.questions.filter((x) => x.key !== q.key))}
          />
        ))}
        <div>
          <Button
            disabled={draft.questions.length >= MAX_QUESTIONS}
            onClick={() => setQuestions([...draft.questions, newQuestion(draft.questions)])}
          >
            {t('surveys.editor.addQuestion')}
          </Button>
        </div>
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
        <FormActions onCancel={close} saving={saving} saveLabel={t('surveys.editor.save')} />
      </form>
    </ModalDialog>
  );
}

import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { errorText } from '../../i18n/error-text';
import { call, toIpcError } from '../../lib/ipc';
import { surveyKeys } from './survey-keys';
import { inOtherLanguage, inUiLanguage, questionTypeLabel } from './survey-labels';
import { TemplateEditor } from './template-editor';
import { useTemplates } from './use-surveys';

type Editing = { mode: 'new'; template: null } | { mode: 'copy' | 'edit'; template: SurveyTemplate } | null;

interface Props {
  onStartCampaign: (templateId: number) => void;
}

/** Ready-made and own templates with their questions in both languages; copy, edit, delete, start a campaign. */
export function TemplatesTab({ onStartCampaign }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const client = useQueryClient();
  const templates = useTemplates();
  const { confirm, confirmDialog } = useConfirm();
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (tpl: SurveyTemplate) => {
    const name = inUiLanguage(tpl.name, lang);
    const yes = await confirm({
      title: t('surveys.templates.deleteTitle'),
      body: t('surveys.templates.deleteBody', { name, count: tpl.campaigns }),
      confirmLabel: t('surveys.templates.delete'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!yes) return;
    notices.clearError();
    try {
      await call('surveys.deleteTemplate', { id: tpl.id });
      notices.announce(t('surveys.templates.deleted', { name }));
    } catch (err) {
      notices.showError(err);
    } finally {
      await client.invalidateQueries({ queryKey: surveyKeys.all });
    }
  };

  const list = templates.data;
  return (
    <div className="surveys-templates">
      <div className="surveys-section-head">
        <p className="muted">{t('surveys.templates.intro')}</p>
        <Button onClick={() => setEditing({ mode: 'new', template: null })}>{t('surveys.templates.new')}</Button>
      </div>
      {!list ? (
        <p className="surveys-message muted">{templates.isError ? errorText(t, toIpcError(templates.error)) : t('common.loading')}</p>
      ) : (
        <ul className="surveys-template-list">
          {list.map((tpl) => {
            const name = inUiLanguage(tpl.name, lang);
            return (
              <li key={tpl.id} className="surveys-template" data-template-id={tpl.id} data-builtin={tpl.builtin ?? ''}>
                <article aria-label={name}>
                  <header className="surveys-template-head">
                    <h3>{name}</h3>
                    <span className="muted" lang={lang.startsWith('zh') ? 'en' : 'zh-CN'}>
                      {inOtherLanguage(tpl.name, lang)}
                    </span>
                    <span className="badge">{tpl.builtin ? t('surveys.templates.readyMade') : t('surveys.templates.own')}</span>
                  </header>
                  <p className="muted">{t('surveys.templates.summary', { count: tpl.questions.length, campaigns: tpl.campaigns })}</p>
                  <details className="surveys-template-questions">
                    <summary>{t('surveys.templates.showQuestions')}</summary>
                    <ol>
                      {tpl.questions.map((q) => (
                        <li key={q.id} data-question={q.id}>
                          <p>
                            <span className="badge">{questionTypeLabel(t, q.type)}</span>
                            {q.type === 'rating' ? (
                              <span className="muted"> {t('surveys.editor.scaleOf', { max: q.scaleMax })}</span>
                            ) : null}
                            {q.required ? <span className="muted"> · {t('surveys.answers.required')}</span> : null}
                            <span className="muted surveys-code"> {q.id}</span>
                          </p>
                          <p lang="en">{q.text.en}</p>
                          <p lang="zh-CN">{q.text.zh}</p>
                          {q.options.length ? (
                            <ul className="surveys-template-options">
                              {q.options.map((o) => (
                                <li key={o.id}>
                                  <span lang="en">{o.text.en}</span> / <span lang="zh-CN">{o.text.zh}</span>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  </details>
                  <div className="surveys-template-actions">
                    <Button size="small" onClick={() => onStartCampaign(tpl.id)} aria-label={t('surveys.templates.startOf', { name })}>
                      {t('surveys.templates.start')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => setEditing({ mode: 'copy', template: tpl })}
                      aria-label={t('surveys.templates.copyOf', { name })}
                    >
                      {t('surveys.templates.copy')}
                    </Button>
                    {tpl.builtin ? null : (
                      <>
                        <Button
                          size="small"
                          onClick={() => setEditing({ mode: 'edit', template: tpl })}
                          aria-label={t('surveys.templates.editOf', { name })}
                        >
                          {t('surveys.templates.edit')}
                        </Button>
                        <Button danger size="small" onClick={() => void remove(tpl)} aria-label={t('surveys.templates.deleteOf', { name })}>
                          {t('surveys.templates.delete')}
                        </Button>
                      </>
                    )}
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <TemplateEditor
          template={editing.template}
          mode={editing.mode}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: surveyKeys.all });
          }}
        />
      ) : null}
      {confirmDialog}
    </div>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyLanguage, SurveyRecipient } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';
import { downloadFile } from '../../lib/download-file';
import { surveyKeys } from './survey-keys';

/** The most questionnaires one file holds (the engine's limit). */
export const QUESTIONNAIRES_PER_FILE = 1000;

type RecipientRef = Pick<SurveyRecipient, 'customerId' | 'company' | 'state'>;

/**
 * What can be done to a campaign's recipients: questionnaires to e-mail or print (those not sent
 * yet are then marked sent), states and languages, and the responses sheet to type answers into.
 * Each action announces what it did and reports errors in the app's alert region.
 */
export function useRecipientActions(campaignId: number) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<string>): Promise<boolean> => {
      notices.clearError();
      setBusy(true);
      try {
        notices.announce(await action());
        return true;
      } catch (err) {
        notices.showError(err);
        return false;
      } finally {
        setBusy(false);
        await client.invalidateQueries({ queryKey: surveyKeys.all });
      }
    },
    [notices, client],
  );

  /** Downloads the questionnaires of these recipients as one HTML file and marks the unsent ones sent. */
  const questionnaires = useCallback(
    (recipients: readonly RecipientRef[]) =>
      run(async () => {
        const file = await call('surveys.questionnaire', { campaignId, customerIds: recipients.map((r) => r.customerId) });
        downloadFile(file);
        const unsent = recipients.filter((r) => r.state === 'not_sent').map((r) => r.customerId);
        if (unsent.length) await call('surveys.updateRecipients', { campaignId, customerIds: unsent, state: 'sent' });
        const only = recipients.length === 1 ? recipients[0] : undefined;
        return only
          ? t('surveys.actions.questionnaireSaved', { company: only.company, file: file.fileName })
          : t('surveys.actions.questionnairesSaved', { count: recipients.length, file: file.fileName, marked: unsent.length });
      }),
    [run, campaignId, t],
  );

  /** The questionnaires of everyone not sent yet (up to one file's worth), for printing. */
  const questionnairesNotSent = useCallback(
    () =>
      run(async () => {
        const { items } = await call('surveys.recipients', { campaignId, states: ['not_sent'], limit: QUESTIONNAIRES_PER_FILE });
        if (items.length === 0) return t('surveys.actions.noneNotSent');
        const file = await call('surveys.questionnaire', { campaignId, customerIds: items.map((r) => r.customerId) });
        downloadFile(file);
        await call('surveys.updateRecipients', { campaignId, customerIds: items.map((r) => r.customerId), state: 'sent' });
        return t('surveys.actions.questionnairesSaved', { count: items.length, file: file.fileName, marked: items.length });
      }),
    [run, campaignId, t],
  );

  const setState = useCallback(
    (recipients: readonly RecipientRef[], state: 'not_sent' | 'sent' | 'declined') =>
      run(async () => {
        const res = await call('surveys.updateRecipients', { campaignId, customerIds: recipients.map((r) => r.customerId), state });
        const base = t('surveys.actions.stateChanged', { count: res.changed, state: t(`surveys.states.${state}`) });
        return res.skippedAnswered ? `${base} ${t('surveys.actions.skippedAnswered', { count: res.skippedAnswered })}` : base;
      }),
    [run, campaignId, t],
  );

  const setLanguage = useCallback(
    (recipients: readonly RecipientRef[], language: SurveyLanguage) =>
      run(async () => {
        await call('surveys.updateRecipients', { campaignId, customerIds: recipients.map((r) => r.customerId), language });
        return t('surveys.actions.languageChanged', {
          count: recipients.length,
          language: t(`surveys.languages.${language === 'zh-CN' ? 'zh' : 'en'}`),
        });
      }),
    [run, campaignId, t],
  );

  /** The sheet of recipients still to answer, headed in the UI language, to fill in with Excel. */
  const responsesSheet = useCallback(
    () =>
      run(async () => {
        const language: SurveyLanguage = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
        const file = await call('surveys.responsesSheet', { campaignId, language, format: 'xlsx' });
        downloadFile(file);
        return t('surveys.actions.sheetSaved', { count: file.rows, file: file.fileName });
      }),
    [run, campaignId, t, i18n.language],
  );

  return { busy, questionnaires, questionnairesNotSent, setState, setLanguage, responsesSheet };
}

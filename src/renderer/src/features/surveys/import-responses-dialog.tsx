import { Button } from 'antd';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyCampaign, SurveyImportReport } from '../../../../shared/domain/surveys';
import { CheckboxField } from '../../components/checkbox-field';
import { ModalDialog } from '../../components/modal-dialog';
import { errorText } from '../../i18n/error-text';
import { bytesToBase64 } from '../../lib/base64';
import { call, toIpcError, type IpcError } from '../../lib/ipc';
import { FileDropZone } from '../../components/file-drop-zone';
import { ImportReportView } from './import-report';

interface Props {
  campaign: SurveyCampaign;
  onClose: () => void;
  /** Downloads the responses sheet (the file to fill in). */
  onSheet: () => void;
}

interface LoadedFile {
  fileName: string;
  contentBase64: string;
}

type Step =
  | { kind: 'pick' }
  | { kind: 'report'; file: LoadedFile; report: SurveyImportReport }
  | { kind: 'done'; file: LoadedFile; report: SurveyImportReport };

/** The reason a responses file cannot be read as one, in the user's words. */
function importErrorText(t: TFunction, error: IpcError): string {
  if (error.code === 'SURVEY_IMPORT_INVALID' && error.details && typeof error.details === 'object' && 'reason' in error.details) {
    const reason = (error.details as { reason: unknown }).reason;
    if (reason === 'no_code_column') return t('surveys.import.noCodeColumn');
    if (reason === 'no_question_columns') return t('surveys.import.noQuestionColumns');
  }
  return errorText(t, error);
}

/**
 * Import responses: choose a CSV/XLSX (the filled-in sheet, or the files customers saved from their
 * questionnaires), see a dry run (rows ready, already answered, empty, problems per row, what each
 * column was taken for), then import, skipping the bad rows if the user agrees.
 */
export function ImportResponsesDialog({ campaign, onClose, onSheet }: Props) {
  const { t } = useTranslation();
  const introId = useId();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skip, setSkip] = useState(false);
  const close = () => !working && onClose();

  const check = async (picked: File) => {
    setError(null);
    setWorking(true);
    try {
      const file = { fileName: picked.name, contentBase64: bytesToBase64(new Uint8Array(await picked.arrayBuffer())) };
      const report = await call('surveys.checkResponses', { campaignId: campaign.id, ...file });
      setSkip(false);
      setStep({ kind: 'report', file, report });
    } catch (err) {
      setError(importErrorText(t, toIpcError(err)));
    } finally {
      setWorking(false);
    }
  };

  const commit = async (file: LoadedFile, withProblems: boolean) => {
    setError(null);
    setWorking(true);
    try {
      const report = await call('surveys.importResponses', { campaignId: campaign.id, ...file, skipInvalid: withProblems });
      setStep({ kind: 'done', file, report });
    } catch (err) {
      setError(importErrorText(t, toIpcError(err)));
    } finally {
      setWorking(false);
    }
  };

  const errorLine = error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;

  return (
    <ModalDialog
      title={t('surveys.import.title', { name: campaign.name })}
      onRequestClose={close}
      describedBy={introId}
      className="surveys-dialog surveys-import-dialog"
    >
      {step.kind === 'pick' ? (
        <>
          <p id={introId}>{t('surveys.import.intro')}</p>
          <p>
            <button type="button" className="surveys-link-button" onClick={onSheet}>
              {t('surveys.import.getSheet')}
            </button>
          </p>
          <FileDropZone onPick={(f) => void check(f)} disabled={working} buttonLabel={t('surveys.import.choose')} />
          {working ? (
            <p className="muted" role="status">
              {t('surveys.import.checking')}
            </p>
          ) : null}
          {errorLine}
          <div className="form-actions">
            <Button onClick={close} disabled={working}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      ) : step.kind === 'report' ? (
        <>
          <p id={introId}>{t('surveys.import.checked', { file: step.file.fileName })}</p>
          <ImportReportView campaign={campaign} report={step.report} />
          {step.report.problems.length > 0 && step.report.ready > 0 ? (
            <CheckboxField
              label={t('surveys.import.skipProblems', { count: step.report.problems.length })}
              checked={skip}
              onCheckedChange={setSkip}
            />
          ) : null}
          {step.report.ready === 0 ? <p className="muted">{t('surveys.import.nothingToImport')}</p> : null}
          {errorLine}
          <div className="form-actions">
            <Button disabled={working} onClick={() => setStep({ kind: 'pick' })}>
              {t('surveys.import.another')}
            </Button>
            <Button disabled={working} onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              disabled={working || step.report.ready === 0 || (step.report.problems.length > 0 && !skip)}
              aria-busy={working || undefined}
              onClick={() => void commit(step.file, step.report.problems.length > 0)}
            >
              {t('surveys.import.commit', { count: step.report.ready })}
            </Button>
          </div>
        </>
      ) : (
        <>
          <div id={introId} role="status" data-testid="survey-import-done">
            <p>{t('surveys.import.imported', { count: step.report.imported, file: step.file.fileName })}</p>
            <p>{t('surveys.import.detractors', { count: step.report.detractors })}</p>
            {step.report.complaintsOpened > 0 ? (
              <p>{t('surveys.import.complaintsOpened', { count: step.report.complaintsOpened })}</p>
            ) : null}
            {step.report.followUpsOpened > 0 ? <p>{t('surveys.import.followUpsOpened', { count: step.report.followUpsOpened })}</p> : null}
          </div>
          <div className="form-actions">
            <Button type="primary" onClick={onClose} data-autofocus>
              {t('surveys.import.close')}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/job-progress';
import { SelectField } from '../../components/select-field';
import type { JobState } from '../../lib/use-job';
import { fileSizeText } from '../../lib/file-size';
import type { Analysis, PickedFile } from './import-types';
import { FileDropZone } from '../../components/file-drop-zone';
import { StepSection } from './step-section';

interface Props {
  picked: PickedFile | null;
  analysis: Analysis | null;
  /** The name of the file being read, while it is read. */
  reading: string | null;
  /** The reading job (progress through the file), while it runs. */
  readingJob: JobState | null;
  onCancelReading: () => void;
  onPick: (file: File) => void;
  onSheetChange: (sheet: string) => void;
  onNext: () => void;
  focusOnMount: boolean;
}

function encodingKey(analysis: Analysis): string {
  return analysis.format === 'xlsx' ? 'xlsx' : analysis.encoding;
}

/** Step 1: pick or drop a file; once read, its name, size, encoding and (for a workbook) its sheet. */
export function FileStep({ picked, analysis, reading, readingJob, onCancelReading, onPick, onSheetChange, onNext, focusOnMount }: Props) {
  const { t, i18n } = useTranslation();
  const encoding = analysis ? encodingKey(analysis) : '';
  const knownEncoding = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', 'xlsx'] as const;
  const encodingText = (knownEncoding as readonly string[]).includes(encoding)
    ? t(`import.encodings.${encoding as (typeof knownEncoding)[number]}`)
    : encoding || t('common.notSet');

  return (
    <StepSection title={t('import.steps.file')} focusOnMount={focusOnMount} busy={reading !== null}>
      <FileDropZone
        onPick={onPick}
        disabled={reading !== null}
        buttonLabel={analysis ? t('import.chooseAnother') : t('import.chooseFile')}
      />
      <p className="muted" aria-live="polite">
        {reading ? t('import.reading', { file: reading }) : ''}
      </p>
      {reading && readingJob ? (
        <JobProgress
          label={t('import.reading', { file: reading })}
          done={readingJob.done}
          total={readingJob.total}
          counts={false}
          onCancel={onCancelReading}
          cancelling={readingJob.cancelling}
        />
      ) : null}
      {analysis && picked ? (
        <div className="file-details">
          <h3 className="section-title">{t('import.fileDetails')}</h3>
          <dl className="detail-list">
            <div>
              <dt>{t('import.fileName')}</dt>
              <dd>{analysis.fileName}</dd>
            </div>
            <div>
              <dt>{t('import.fileSize')}</dt>
              <dd>{fileSizeText(t, picked.size)}</dd>
            </div>
            <div>
              <dt>{t('import.encoding')}</dt>
              <dd>{encodingText}</dd>
            </div>
            <div>
              <dt>{t('import.rowCount')}</dt>
              <dd>{new Intl.NumberFormat(i18n.language).format(analysis.rowCount)}</dd>
            </div>
            <div>
              <dt>{t('import.headerRow')}</dt>
              <dd>{analysis.headerRow}</dd>
            </div>
            {analysis.sheetNames.length <= 1 && analysis.format === 'xlsx' ? (
              <div>
                <dt>{t('import.sheet')}</dt>
                <dd>{analysis.sheet}</dd>
              </div>
            ) : null}
          </dl>
          {analysis.sheetNames.length > 1 ? (
            <SelectField
              className="sheet-field"
              label={t('import.sheet')}
              value={analysis.sheet}
              options={analysis.sheetNames.map((name) => ({ value: name, label: name }))}
              onValueChange={onSheetChange}
              disabled={reading !== null}
            />
          ) : null}
        </div>
      ) : null}
      <div className="wizard-actions">
        <Button type="primary" disabled={!analysis || reading !== null} onClick={onNext}>
          {t('import.next')}
        </Button>
      </div>
    </StepSection>
  );
}

import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportKind } from '../../../../shared/domain/import';
import { CheckboxField } from '../../components/checkbox-field';
import type { MergeCandidate, OnRowError } from './import-types';
import { ImportFindings } from './import-findings';
import { MergeList } from './merge-list';
import { MissingRates } from './missing-rates';
import { PossibleDuplicateChoices, type PossibleDuplicate } from './possible-duplicates';
import { PreviewSummary } from './preview-summary';
import { RowProblems } from './row-problems';
import { SampleTable } from './sample-table';
import { StepSection } from './step-section';
import type { PreviewState } from './use-import-preview';

interface Props {
  kind: ImportKind;
  mapping: ColumnMapping;
  preview: PreviewState;
  merges: readonly MergeCandidate[];
  disabledMerges: ReadonlySet<string>;
  onToggleMerge: (merge: MergeCandidate, merged: boolean) => void;
  possible: readonly PossibleDuplicate[];
  acceptedMerges: ReadonlySet<string>;
  onTogglePossible: (item: PossibleDuplicate, merge: boolean) => void;
  onError: OnRowError;
  onOnErrorChange: (value: OnRowError) => void;
  remember: boolean;
  onRememberChange: (value: boolean) => void;
  onBack: () => void;
  onImport: () => void;
  focusOnMount: boolean;
}

/** Step 3: what will happen (counts, merges, row problems, first rows), the error policy, and Import. */
export function PreviewStep(props: Props) {
  const {
    kind,
    mapping,
    preview,
    merges,
    disabledMerges,
    onToggleMerge,
    possible,
    acceptedMerges,
    onTogglePossible,
    onError,
    onOnErrorChange,
    remember,
    onRememberChange,
    onBack,
    onImport,
    focusOnMount,
  } = props;
  const { t } = useTranslation();
  const groupId = useId();
  const { data } = preview;
  const ready = data !== null && !preview.pending && preview.error === null;

  const policy = (value: OnRowError, label: string, hint: string) => (
    <div className="radio-option">
      <input
        id={`${groupId}-${value}`}
        type="radio"
        name={groupId}
        value={value}
        checked={onError === value}
        onChange={() => onOnErrorChange(value)}
        aria-describedby={`${groupId}-${value}-hint`}
      />
      <label htmlFor={`${groupId}-${value}`}>{label}</label>
      <span id={`${groupId}-${value}-hint`} className="field-hint">
        {hint}
      </span>
    </div>
  );

  return (
    <StepSection title={t('import.steps.preview')} focusOnMount={focusOnMount}>
      <PreviewSummary state={preview} kind={kind} />
      {data && !preview.error ? (
        <>
          <MergeList merges={merges} disabled={disabledMerges} onToggle={onToggleMerge} />
          <PossibleDuplicateChoices items={possible} accepted={acceptedMerges} onToggle={onTogglePossible} />
          <ImportFindings findings={data.findings} imported={false} />
          <MissingRates currencies={data.findings.currencies} />
          <RowProblems errors={data.errors} invalidRows={data.invalidRows} />
          <SampleTable sample={data.sample} mapping={mapping} />
        </>
      ) : null}
      <div className="form-section import-options" role="radiogroup" aria-labelledby={`${groupId}-title`}>
        <p id={`${groupId}-title`} className="group-title">
          {t('import.onError')}
        </p>
        {policy('skip', t('import.onErrorSkip'), t('import.onErrorSkipHint'))}
        {policy('abort', t('import.onErrorAbort'), t('import.onErrorAbortHint'))}
      </div>
      <CheckboxField label={t('import.remember')} checked={remember} onCheckedChange={onRememberChange} />
      <div className="wizard-actions">
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Button type="primary" disabled={!ready} aria-busy={preview.pending || undefined} onClick={onImport}>
          {t('import.start')}
        </Button>
      </div>
    </StepSection>
  );
}

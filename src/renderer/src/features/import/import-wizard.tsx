import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPEATABLE_FIELDS, type ColumnMapping, type ImportField, type ImportKind } from '../../../../shared/domain/import';
import { useNotices } from '../../app/notice-context';
import { hashFor } from '../../app/routes';
import { JobProgress } from '../../components/job-progress';
import { bytesToBase64 } from '../../lib/base64';
import { IpcError, toIpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';
import { columnLabel } from './import-fields';
import { missingFields } from '../../../../shared/domain/import';
import type { Analysis, ImportReport, MergeCandidate, OnRowError, PickedFile, PreviewInput, WizardStep } from './import-types';
import { FileStep } from './file-step';
import { MappingStep } from './mapping-step';
import type { PossibleDuplicate } from './possible-duplicates';
import { PreviewStep } from './preview-step';
import { ReportStep } from './report-step';
import { StepSection } from './step-section';
import { useFailedRowsDownload } from './use-failed-rows-download';
import { useImportPreview } from './use-import-preview';
import { WizardSteps } from './wizard-steps';

/** Files past this size are refused before they are read (the engine's own cap is a little higher). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The import wizard: choose a file, check its kind and columns, preview, import with progress, report.
 * `preferredKind` (the catalogue's Import button): files are read as that kind.
 */
export function ImportWizard({ preferredKind }: { preferredKind?: ImportKind } = {}) {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const [step, setStep] = useState<WizardStep>('file');
  const moved = useRef(false);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const readSeq = useRef(0);
  const [kind, setKind] = useState<ImportKind>(preferredKind ?? 'customers');
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [disabledMerges, setDisabledMerges] = useState<string[]>([]);
  const knownMerges = useRef(new Map<string, MergeCandidate>());
  const [acceptedMerges, setAcceptedMerges] = useState<string[]>([]);
  const knownPossible = useRef(new Map<string, PossibleDuplicate>());
  const [onError, setOnError] = useState<OnRowError>('skip');
  const [remember, setRemember] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const commit = useJob('import.commit');
  const reader = useJob('import.analyze');
  const failedRows = useFailedRowsDownload();

  const goTo = (next: WizardStep) => {
    moved.current = true;
    setStep(next);
  };

  const missing = useMemo(() => (analysis ? missingFields(kind, mapping) : []), [analysis, kind, mapping]);
  const previewInput: PreviewInput | null =
    analysis && (step === 'mapping' || step === 'preview') && missing.length === 0
      ? { fileId: analysis.fileId, kind, mapping, disabledMerges, acceptedMerges }
      : null;
  const preview = useImportPreview(previewInput);

  const disabledSet = useMemo(() => new Set(disabledMerges), [disabledMerges]);
  const merges = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return withToggled(preview.data?.merges ?? [], disabledMerges, knownMerges.current).sort(
      (a, b) => collator.compare(a.company, b.company) || a.key.localeCompare(b.key),
    );
  }, [preview.data, disabledMerges, i18n.language]);

  // Possible duplicates: those of the latest preview, and the ones ticked (an accepted pair is merged, so no longer listed).
  const acceptedSet = useMemo(() => new Set(acceptedMerges), [acceptedMerges]);
  const possible = useMemo(
    () => withToggled(preview.data?.possibleDuplicates ?? [], acceptedMerges, knownPossible.current),
    [preview.data, acceptedMerges],
  );
  const togglePossible = (item: PossibleDuplicate, merge: boolean) => {
    knownPossible.current.set(item.key, item);
    setAcceptedMerges((keys) => (merge ? (keys.includes(item.key) ? keys : [...keys, item.key]) : keys.filter((k) => k !== item.key)));
  };

  const analyze = async (file: PickedFile, sheet?: string, asKind: ImportKind | undefined = preferredKind) => {
    const seq = ++readSeq.current;
    setReading(file.name);
    try {
      const result = await reader.run({
        fileName: file.name,
        contentBase64: file.contentBase64,
        ...(sheet ? { sheet } : {}),
        ...(asKind ? { kind: asKind } : {}),
      });
      if (seq !== readSeq.current) return;
      setPicked(file);
      setAnalysis(result);
      setKind(result.kind);
      setMapping(result.mapping);
      setDisabledMerges([]);
      knownMerges.current.clear();
      setAcceptedMerges([]);
      knownPossible.current.clear();
    } catch (err) {
      // A read the user cancelled needs no message: the file step is as it was.
      if (seq === readSeq.current && !(err instanceof IpcError && err.code === 'CANCELLED')) notices.showError(err);
    } finally {
      if (seq === readSeq.current) setReading(null);
    }
  };

  const pick = async (file: File) => {
    notices.clearError();
    if (file.size > MAX_FILE_BYTES) {
      notices.showError(new IpcError({ code: 'IMPORT_FILE_TOO_LARGE', message: `${file.name} is ${file.size} bytes` }));
      return;
    }
    if (file.size === 0) {
      notices.showError(new IpcError({ code: 'IMPORT_EMPTY', message: `${file.name} is empty` }));
      return;
    }
    setAnalysis(null);
    setPicked(null);
    setReading(file.name);
    let contentBase64: string;
    try {
      contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setReading(null);
      notices.showError(new IpcError({ code: 'IMPORT_UNREADABLE', message: `${file.name} could not be read` }));
      return;
    }
    await analyze({ name: file.name, size: file.size, contentBase64 });
  };

  const changeField = (column: number, field: ImportField | null) => {
    const next = [...mapping];
    // A repeatable field (a price column per quantity) may stay on other columns.
    if (field && !REPEATABLE_FIELDS.includes(field)) {
      const other = next.findIndex((f, i) => f === field && i !== column);
      const columns = analysis?.columns ?? [];
      const from = columns[other];
      const to = columns[column];
      if (other >= 0) {
        next[other] = null;
        if (from && to) {
          notices.announce(
            t('import.fieldMoved', { field: t(`importFields.${field}`), header: columnLabel(t, to), previous: columnLabel(t, from) }),
          );
        }
      }
    }
    next[column] = field;
    setMapping(next);
  };

  const toggleMerge = (merge: MergeCandidate, merged: boolean) => {
    knownMerges.current.set(merge.key, merge);
    setDisabledMerges((keys) => (merged ? keys.filter((k) => k !== merge.key) : keys.includes(merge.key) ? keys : [...keys, merge.key]));
  };

  const reset = () => {
    readSeq.current++;
    setPicked(null);
    setAnalysis(null);
    setReading(null);
    setMapping([]);
    setDisabledMerges([]);
    knownMerges.current.clear();
    setAcceptedMerges([]);
    knownPossible.current.clear();
    setOnError('skip');
    setRemember(true);
    setReport(null);
    goTo('file');
  };

  const startImport = async () => {
    if (!analysis) return;
    notices.clearError();
    goTo('importing');
    try {
      const result = await commit.run({
        fileId: analysis.fileId,
        kind,
        mapping,
        disabledMerges,
        acceptedMerges,
        onError,
        rememberMapping: remember,
      });
      setReport(result);
      goTo('report');
      notices.announce(t('import.done', { file: analysis.fileName }));
    } catch (err) {
      const e = toIpcError(err);
      if (e.code === 'CANCELLED') {
        notices.announce(t('import.cancelled'));
        goTo('preview');
      } else if (e.code === 'IMPORT_FILE_EXPIRED') {
        reset();
        notices.showError(e);
      } else {
        notices.showError(e);
        goTo('preview');
      }
    }
  };

  const stopImport = () => {
    commit.cancel().catch((err: unknown) => notices.showError(err));
  };

  const focusOnMount = moved.current;
  return (
    <div className="import-wizard">
      <WizardSteps current={step} />
      {step === 'file' ? (
        <FileStep
          picked={picked}
          analysis={analysis}
          reading={reading}
          readingJob={reader.job}
          onCancelReading={() => {
            reader.cancel().catch((err: unknown) => notices.showError(err));
          }}
          onPick={(file) => void pick(file)}
          onSheetChange={(sheet) => {
            if (picked) void analyze(picked, sheet);
          }}
          onNext={() => goTo('mapping')}
          focusOnMount={focusOnMount}
        />
      ) : null}
      {step === 'mapping' && analysis ? (
        <MappingStep
          analysis={analysis}
          kind={kind}
          mapping={mapping}
          missing={missing}
          preview={preview}
          onKindChange={(next) => {
            setKind(next);
            // A catalogue's columns read otherwise than a customer file's: the file is read again as the kind chosen.
            if (picked && (next === 'products') !== (kind === 'products')) void analyze(picked, analysis.sheet || undefined, next);
          }}
          onFieldChange={changeField}
          onBack={() => goTo('file')}
          onNext={() => goTo('preview')}
          focusOnMount={focusOnMount}
        />
      ) : null}
      {step === 'preview' && analysis ? (
        <PreviewStep
          kind={kind}
          mapping={mapping}
          preview={preview}
          merges={merges}
          disabledMerges={disabledSet}
          onToggleMerge={toggleMerge}
          possible={possible}
          acceptedMerges={acceptedSet}
          onTogglePossible={togglePossible}
          onError={onError}
          onOnErrorChange={setOnError}
          remember={remember}
          onRememberChange={setRemember}
          onBack={() => goTo('mapping')}
          onImport={() => void startImport()}
          focusOnMount={focusOnMount}
        />
      ) : null}
      {step === 'importing' && analysis ? (
        <StepSection title={t('import.steps.importing')} focusOnMount={focusOnMount} busy>
          <JobProgress
            label={t('import.progress', { file: analysis.fileName })}
            done={commit.job?.done ?? 0}
            total={commit.job?.total ?? 0}
            onCancel={stopImport}
            cancelling={commit.job?.cancelling ?? false}
          />
        </StepSection>
      ) : null}
      {step === 'report' && report ? (
        <ReportStep
          report={report}
          downloading={failedRows.downloading !== null}
          onDownloadFailed={() => {
            if (report.batchId !== null) void failedRows.download(report.batchId);
          }}
          onViewCustomers={() => {
            window.location.hash = hashFor(report.kind === 'products' ? 'products' : 'customers');
          }}
          onAnother={reset}
          focusOnMount={focusOnMount}
        />
      ) : null}
    </div>
  );
}

/**
 * The items of the latest preview, plus those the user toggled that it no longer lists (a merge
 * turned off, a possible duplicate accepted), so a choice stays on screen to be undone.
 */
function withToggled<T extends { key: string }>(items: readonly T[], toggled: readonly string[], known: ReadonlyMap<string, T>): T[] {
  const byKey = new Map(items.map((i) => [i.key, i] as const));
  for (const key of toggled) {
    const item = known.get(key);
    if (item && !byKey.has(key)) byKey.set(key, item);
  }
  return [...byKey.values()];
}

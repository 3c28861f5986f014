import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { importAssignmentLine } from '../assignment';
import type { ImportReport } from './import-types';
import { ImportFindings } from './import-findings';
import { ReportDetails } from './report-details';
import { RowProblems } from './row-problems';
import { StepSection } from './step-section';

interface Props {
  report: ImportReport;
  downloading: boolean;
  onDownloadFailed: () => void;
  onViewCustomers: () => void;
  onAnother: () => void;
  focusOnMount: boolean;
}

/** Step 5: what the import did, how long it took, the failed rows to download, and where to go next. */
export function ReportStep({ report, downloading, onDownloadFailed, onViewCustomers, onAnother, focusOnMount }: Props) {
  const { t } = useTranslation();
  const seconds = Math.round(report.durationMs / 100) / 10;
  const assigned = importAssignmentLine(t, report.assignment);
  return (
    <StepSection title={t('import.steps.report')} focusOnMount={focusOnMount}>
      <p className="report-lead">{t('import.reportTitle')}</p>
      <ul className="count-list" aria-label={t('import.reportCounts.rowsTitle')}>
        <li>{t('import.reportCounts.rows', { count: report.rows })}</li>
        <li>{t('import.reportCounts.imported', { count: report.imported })}</li>
        <li>{t(report.kind === 'products' ? 'import.counts.productsMerged' : 'import.reportCounts.merged', { count: report.merged })}</li>
        <li>{t('import.reportCounts.duplicates', { count: report.duplicates })}</li>
        <li className={report.failed > 0 ? 'count-warn' : undefined}>{t('import.reportCounts.failed', { count: report.failed })}</li>
      </ul>
      {report.kind === 'products' ? null : (
        <ul className="count-list" aria-label={t('import.reportCounts.recordsTitle')}>
          <li>{t('import.reportCounts.customersCreated', { count: report.customersCreated })}</li>
          <li>{t('import.reportCounts.customersMerged', { count: report.customersMerged })}</li>
          <li>{t('import.reportCounts.contactsCreated', { count: report.contactsCreated })}</li>
          {report.kind === 'inquiries' || report.inquiries > 0 ? (
            <li>{t('import.reportCounts.inquiries', { count: report.inquiries })}</li>
          ) : null}
          {report.kind === 'orders' || report.orders > 0 ? <li>{t('import.reportCounts.orders', { count: report.orders })}</li> : null}
          {report.classification ? <li>{t('import.reportCounts.reclassified', { count: report.classification.moved })}</li> : null}
        </ul>
      )}
      {assigned ? (
        <p className="report-assigned" data-testid="import-assigned">
          {assigned}
        </p>
      ) : null}
      <ImportFindings findings={report.findings} imported={!report.dryRun} />
      <ReportDetails report={report} />
      {!report.classification && !report.dryRun && report.batchId !== null && report.kind !== 'products' ? (
        <p className="muted">{t('import.reportCounts.reclassifyStopped')}</p>
      ) : null}
      <p className="muted">{t('import.duration', { seconds })}</p>
      {report.failedRows > 0 ? (
        <>
          <p>{t('import.failedNote', { count: report.failedRows })}</p>
          <RowProblems errors={report.errors} invalidRows={report.failedRows} />
        </>
      ) : null}
      <div className="wizard-actions wizard-actions-start">
        {report.failedRows > 0 && report.batchId !== null ? (
          <Button disabled={downloading} aria-busy={downloading || undefined} onClick={onDownloadFailed}>
            {t('import.downloadFailed')}
          </Button>
        ) : null}
        <Button type="primary" onClick={onViewCustomers}>
          {t(report.kind === 'products' ? 'import.viewProducts' : 'import.viewCustomers')}
        </Button>
        <Button onClick={onAnother}>{t('import.another')}</Button>
      </div>
    </StepSection>
  );
}

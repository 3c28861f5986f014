import { useTranslation } from 'react-i18next';
import { customersHash } from '../../app/route-filter';
import type { ImportReport } from './import-types';

/** Rows listed one by one in the report (the engine sends up to 500 of each). */
const SHOWN = 50;

type DuplicateOf = ImportReport['duplicateRows'][number]['of'];

/**
 * Where the rows went: the existing customers rows were merged into (each opens the customer),
 * the rows that added nothing with what they repeat, and the pairs kept apart as possible duplicates.
 */
export function ReportDetails({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const of = (d: DuplicateOf) =>
    d.kind === 'row'
      ? t('import.details.sameAsRow', { row: d.row })
      : t(`import.details.sameAs.${d.kind}`, { label: d.label || `#${d.id}` });
  return (
    <>
      {report.mergedInto.length > 0 ? (
        <details className="report-details">
          <summary>{t('import.details.mergedInto', { count: report.mergedInto.length })}</summary>
          <ul>
            {report.mergedInto.slice(0, SHOWN).map((m) => (
              <li key={m.customerId}>
                <a href={customersHash({ search: m.company }, { id: m.customerId, company: m.company })}>{m.company}</a> —{' '}
                {t('import.mergeRows', { count: m.rows })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.duplicateRows.length > 0 ? (
        <details className="report-details">
          <summary>{t('import.details.duplicates', { count: report.duplicates })}</summary>
          <ul>
            {report.duplicateRows.slice(0, SHOWN).map((d) => (
              <li key={d.row}>{t('import.details.duplicateRow', { row: d.row, of: of(d.of) })}</li>
            ))}
          </ul>
          {report.duplicates > SHOWN ? <p className="muted">{t('import.details.more', { count: report.duplicates - SHOWN })}</p> : null}
        </details>
      ) : null}
      {report.possibleDuplicates.length > 0 ? (
        <p className="finding">{t('import.details.possible', { count: report.possibleDuplicates.length })}</p>
      ) : null}
    </>
  );
}

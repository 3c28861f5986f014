import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../../shared/domain/import';

/** The engine reports at most this many problems; past it, the list says it is cut short. */
const ENGINE_MAX_ERRORS = 500;

interface Props {
  errors: readonly RowError[];
  /** How many rows have problems in all. */
  invalidRows: number;
}

/** Row problems: row number, column and a localized message per problem. */
export function RowProblems({ errors, invalidRows }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="preview-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t('import.problemsTitle')}
      </h3>
      {errors.length === 0 ? (
        <p className="muted">{t('import.noProblems')}</p>
      ) : (
        <>
          <div className="table-scroll problems-scroll">
            <table className="data-table problems-table" aria-labelledby={titleId}>
              <thead>
                <tr>
                  <th scope="col">{t('import.problemRow')}</th>
                  <th scope="col">{t('import.problemColumn')}</th>
                  <th scope="col">{t('import.problemText')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${e.code}-${i}`}>
                    <td className="num">{e.row}</td>
                    <td>{e.column || <span className="muted">{t('import.wholeRow')}</span>}</td>
                    <td>{t(`rowErrors.${e.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.length >= ENGINE_MAX_ERRORS ? (
            <p className="muted">{t('import.problemsTruncated', { shown: errors.length, count: invalidRows })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

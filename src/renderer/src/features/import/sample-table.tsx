import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportField } from '../../../../shared/domain/import';
import type { Preview } from './import-types';

const SHOWN_ROWS = 8;

interface Props {
  sample: Preview['sample'];
  mapping: ColumnMapping;
}

/** The first rows of the file as they will be imported: one column per mapped field. */
export function SampleTable({ sample, mapping }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const fields = mapping.filter((f): f is ImportField => f !== null);
  const rows = sample.slice(0, SHOWN_ROWS);
  if (rows.length === 0 || fields.length === 0) return null;
  return (
    <section className="preview-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t('import.sampleTitle')}
      </h3>
      <div className="table-scroll">
        <table className="data-table sample-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('import.problemRow')}</th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {t(`importFields.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} className={r.errors.length > 0 ? 'has-problem' : undefined}>
                <th scope="row" className="num">
                  {r.row}
                </th>
                {fields.map((f) => (
                  <td key={f}>
                    {/* Cut to the column's width with an ellipsis: the whole value is its tooltip. */}
                    <span className="cell-clip" title={r.values[f] || undefined}>
                      {r.values[f] ?? ''}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

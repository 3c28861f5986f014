import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { customersHash } from '../../app/route-filter';
import type { Preview } from './import-types';

type Findings = Preview['findings'];

interface Props {
  findings: Findings;
  /** After the import: links to the customers concerned. */
  imported: boolean;
}

/**
 * What the import noticed about the file: IDs a spreadsheet mangled (how many rows, how many
 * recovered, and how to save the file so they survive), and countries or currencies it kept as
 * written because it did not recognise them.
 */
export function ImportFindings({ findings, imported }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const countries = findings.unrecognised.filter((u) => u.field === 'country');
  const currencies = findings.unrecognised.filter((u) => u.field === 'currency');
  if (findings.idIssues.length === 0 && findings.unrecognised.length === 0) return null;
  return (
    <section className="preview-section import-findings" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t('import.findings.title')}
      </h3>
      {findings.idIssues.length > 0 ? (
        <div className="finding">
          <ul>
            {findings.idIssues.map((issue) => (
              <li key={`${issue.field}-${issue.problem}`}>
                {t(`import.findings.id.${issue.problem}`, { column: issue.column, count: issue.rows, examples: issue.examples.join(', ') })}{' '}
                {issue.recovered === issue.rows
                  ? t('import.findings.idRecovered', { count: issue.recovered })
                  : issue.recovered > 0
                    ? t('import.findings.idPartlyRecovered', { recovered: issue.recovered, count: issue.rows - issue.recovered })
                    : t('import.findings.idLost', { count: issue.rows })}
              </li>
            ))}
          </ul>
          {findings.idIssues.some((i) => i.recovered < i.rows) ? <p className="field-hint">{t('import.findings.idFix')}</p> : null}
        </div>
      ) : null}
      {countries.length > 0 ? (
        <div className="finding">
          <p>{t('import.findings.countries', { count: countries.reduce((n, c) => n + c.rows, 0) })}</p>
          <ValueCounts values={countries} />
          {imported ? (
            <Button size="small" href={customersHash({ countryUnrecognised: true })}>
              {t('import.findings.showCountries')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {currencies.length > 0 ? (
        <div className="finding">
          <p>{t('import.findings.currencies', { count: currencies.reduce((n, c) => n + c.rows, 0) })}</p>
          <ValueCounts values={currencies} />
        </div>
      ) : null}
    </section>
  );
}

/** Each value kept as written, with how many rows have it. */
function ValueCounts({ values }: { values: Findings['unrecognised'] }) {
  const { t } = useTranslation();
  return (
    <ul className="finding-values">
      {values.map((v) => (
        <li key={v.text}>{t('import.findings.value', { text: v.text || t('import.findings.empty'), count: v.rows })}</li>
      ))}
    </ul>
  );
}

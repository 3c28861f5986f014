import { useTranslation } from 'react-i18next';
import { IMPORT_PROBLEMS, type SurveyCampaign, type SurveyImportReport } from '../../../../shared/domain/surveys';
import { formatCount, inUiLanguage } from './survey-labels';

const ANSWER_PROBLEMS = ['required', 'range', 'option', 'type', 'unknown'] as const;

/** A dry run's findings: counts, what each column was read as, and each problem row with its reasons. */
export function ImportReportView({ campaign, report }: { campaign: SurveyCampaign; report: SurveyImportReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const questionName = (id: string) => {
    const i = campaign.questions.findIndex((q) => q.id === id);
    const q = campaign.questions[i];
    return q ? t('surveys.import.questionRef', { n: i + 1, text: inUiLanguage(q.text, lang) }) : id;
  };
  const answerProblem = (code: string) =>
    t(`surveys.problems.${(ANSWER_PROBLEMS as readonly string[]).includes(code) ? (code as (typeof ANSWER_PROBLEMS)[number]) : 'type'}`);
  const problemText = (p: SurveyImportReport['problems'][number]) => {
    const base = t(`surveys.importProblems.${(IMPORT_PROBLEMS as readonly string[]).includes(p.code) ? p.code : 'answers'}`);
    const details = Object.entries(p.questions).map(([id, code]) => `${questionName(id)}: ${answerProblem(code)}`);
    return details.length ? `${base} ${details.join('; ')}` : base;
  };

  const figures: [string, number, string][] = [
    ['rows', report.rows, t('surveys.import.figures.rows')],
    ['ready', report.ready, t('surveys.import.figures.ready')],
    ['alreadyAnswered', report.alreadyAnswered, t('surveys.import.figures.alreadyAnswered')],
    ['empty', report.empty, t('surveys.import.figures.empty')],
    ['problems', report.problems.length, t('surveys.import.figures.problems')],
  ];

  return (
    <div className="surveys-import-report" data-testid="survey-import-report">
      <dl className="surveys-counts">
        {figures.map(([key, n, label]) => (
          <div key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd data-count={n}>{formatCount(n, lang)}</dd>
          </div>
        ))}
      </dl>
      <details className="surveys-columns">
        <summary>{t('surveys.import.columnsTitle', { count: report.columns.length })}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('surveys.import.column')}</th>
              <th scope="col">{t('surveys.import.readAs')}</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((c, i) => (
              <tr key={`${i}-${c.header}`} className={c.role === 'ignored' ? 'muted' : undefined}>
                <th scope="row">{c.header || t('common.notSet')}</th>
                <td>{c.role === 'question' && c.questionId ? questionName(c.questionId) : t(`surveys.import.roles.${c.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {report.problems.length > 0 ? (
        <div className="surveys-problems">
          <h3>{t('surveys.import.problemsTitle', { count: report.problems.length })}</h3>
          <table className="data-table" aria-label={t('surveys.import.problemsTitle', { count: report.problems.length })}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('surveys.import.row')}
                </th>
                <th scope="col">{t('surveys.import.code')}</th>
                <th scope="col">{t('surveys.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.row}-${p.code}`} data-row={p.row}>
                  <td className="num">{p.row}</td>
                  <td className="surveys-code">{p.customerCode || t('common.notSet')}</td>
                  <td>{problemText(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

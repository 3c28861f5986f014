import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question, SurveyResponse } from '../../../../shared/domain/surveys';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { classLabel } from '../../lib/class-labels';
import { ChartCard } from '../../components/charts/chart-card';
import { answerLines } from './answer-text';
import { useResponses } from './use-surveys';

interface Props {
  campaignId: number | undefined;
  questionsOf: (campaignId: number) => readonly Question[] | undefined;
  campaignNameOf?: ((campaignId: number) => string) | undefined;
}

const LIMIT = 1000;

/** What customers wrote in the free-text questions, grouped by their RFM segment (largest group first). */
export function TextAnswers({ campaignId, questionsOf, campaignNameOf }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const responses = useResponses({ ...(campaignId === undefined ? {} : { campaignId }), withText: true, limit: LIMIT });
  const groups = useMemo(() => {
    const by = new Map<string, SurveyResponse[]>();
    for (const r of responses.data ?? []) by.set(r.segment, [...(by.get(r.segment) ?? []), r]);
    return [...by.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  }, [responses.data]);

  return (
    <ChartCard title={t('surveys.results.textTitle')} note={t('surveys.results.textNote')} wide>
      {!responses.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted dash-card-empty">{t('surveys.results.noText')}</p>
      ) : (
        <div className="surveys-text-groups" data-testid="text-answers">
          {groups.map(([segment, list]) => (
            <section key={segment} className="surveys-text-group" data-segment={segment}>
              <h3>{t('surveys.results.textGroup', { segment: classLabel(t, lang, 'segment', segment), count: list.length })}</h3>
              <ul>
                {list.map((r) =>
                  answerLines(questionsOf(r.campaignId), r, lang)
                    .filter((line) => line.type === 'text')
                    .map((line) => (
                      <li key={`${r.id}-${line.questionId}`}>
                        <blockquote>{line.answer}</blockquote>
                        <p className="muted">
                          <a href={customersHash({ search: r.company })}>{r.company}</a> · {formatDate(r.answeredAt, lang)}
                          {r.nps !== null ? ` · NPS ${r.nps}` : ''}
                          {campaignNameOf ? ` · ${campaignNameOf(r.campaignId)}` : ''} · <span>{line.question}</span>
                        </p>
                      </li>
                    )),
                )}
              </ul>
            </section>
          ))}
        </div>
      )}
    </ChartCard>
  );
}

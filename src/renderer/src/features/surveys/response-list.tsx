import { useTranslation } from 'react-i18next';
import type { Question, SurveyResponse } from '../../../../shared/domain/surveys';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { answerLines } from './answer-text';

interface Props {
  label: string;
  responses: readonly SurveyResponse[];
  questionsOf: (campaignId: number) => readonly Question[] | undefined;
  /** Also say which campaign each answer belongs to (results over all campaigns). */
  campaignNameOf?: ((campaignId: number) => string) | undefined;
}

/** Responses as a table: the customer (a link), when, NPS, CSAT, the other answers, and the complaint or follow-up it opened. */
export function ResponseList({ label, responses, questionsOf, campaignNameOf }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className="data-table surveys-table surveys-responses" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('surveys.responses.customer')}</th>
          <th scope="col">{t('surveys.responses.answered')}</th>
          <th scope="col" className="num">
            NPS
          </th>
          <th scope="col" className="num">
            CSAT
          </th>
          <th scope="col">{t('surveys.responses.answers')}</th>
          <th scope="col">{t('surveys.responses.loop')}</th>
        </tr>
      </thead>
      <tbody>
        {responses.map((r) => (
          <tr key={r.id} data-customer-id={r.customerId} data-detractor={r.detractor}>
            <th scope="row">
              <a href={customersHash({ search: r.company })}>{r.company}</a>
              {campaignNameOf ? <span className="muted surveys-response-campaign">{campaignNameOf(r.campaignId)}</span> : null}
            </th>
            <td>
              {formatDate(r.answeredAt, lang)}
              <span className="muted surveys-response-channel">{t(`surveys.responses.channels.${r.channel}`)}</span>
            </td>
            <td className="num">
              {r.nps ?? '—'}
              {r.detractor ? <span className="badge surveys-detractor">{t('surveys.responses.detractor')}</span> : null}
            </td>
            <td className="num">{r.csat ?? '—'}</td>
            <td>
              <ul className="surveys-answer-lines">
                {answerLines(questionsOf(r.campaignId), r, lang, ['nps', 'csat']).map((line) => (
                  <li key={line.questionId}>
                    <span className="muted">{line.question}</span> {line.type === 'text' ? `“${line.answer}”` : line.answer}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {r.complaintId !== null ? (
                <a href="#/complaints" data-complaint-id={r.complaintId}>
                  {t('surveys.responses.complaint')}
                </a>
              ) : r.followUpId !== null ? (
                <a href="#/followups" data-follow-up-id={r.followUpId}>
                  {t('surveys.responses.followUp')}
                </a>
              ) : (
                <span className="muted">{t('common.notSet')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

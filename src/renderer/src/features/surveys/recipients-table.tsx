import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyRecipient } from '../../../../shared/domain/surveys';
import { customersHash } from '../../app/route-filter';
import { formatDate } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { classLabel } from '../../lib/class-labels';
import { MenuButton } from '../../components/menu-button';
import { stateLabel } from './survey-labels';

export interface RecipientRowActions {
  enterAnswers: (r: SurveyRecipient) => void;
  questionnaire: (r: SurveyRecipient) => void;
  setState: (r: SurveyRecipient, state: 'not_sent' | 'sent' | 'declined') => void;
  setLanguage: (r: SurveyRecipient, language: SurveyRecipient['language']) => void;
}

interface Props {
  items: readonly SurveyRecipient[];
  selected: ReadonlyMap<number, SurveyRecipient>;
  onToggle: (r: SurveyRecipient, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  actions: RecipientRowActions;
  busy: boolean;
}

/** The date that goes with the state ("Sent 3 Mar 2026"). */
function stateDate(r: SurveyRecipient): string | null {
  return r.state === 'answered' ? r.answeredAt : r.state === 'declined' ? r.declinedAt : r.state === 'sent' ? r.sentAt : null;
}

/** One page of a campaign's recipients: who, where, which class, the questionnaire's language and code, the state and its date. */
export function RecipientsTable({ items, selected, onToggle, onTogglePage, actions, busy }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const allOnPage = items.length > 0 && items.every((r) => selected.has(r.customerId));

  return (
    <table className="data-table surveys-table surveys-recipients" aria-label={t('surveys.recipients.label')}>
      <thead>
        <tr>
          <th scope="col" className="surveys-check">
            <input
              type="checkbox"
              checked={allOnPage}
              onChange={(e) => onTogglePage(e.target.checked)}
              aria-label={t('surveys.recipients.selectPage')}
            />
          </th>
          <th scope="col">{t('surveys.recipients.columns.company')}</th>
          <th scope="col">{t('surveys.recipients.columns.code')}</th>
          <th scope="col">{t('surveys.recipients.columns.country')}</th>
          <th scope="col">{t('surveys.recipients.columns.tier')}</th>
          <th scope="col">{t('surveys.recipients.columns.segment')}</th>
          <th scope="col">{t('surveys.recipients.columns.language')}</th>
          <th scope="col">{t('surveys.recipients.columns.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('surveys.recipients.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const date = stateDate(r);
          const answered = r.state === 'answered';
          return (
            <tr key={r.customerId} data-customer-id={r.customerId} data-state={r.state} data-code={r.code}>
              <td className="surveys-check">
                <input
                  type="checkbox"
                  checked={selected.has(r.customerId)}
                  onChange={(e) => onToggle(r, e.target.checked)}
                  aria-label={t('surveys.recipients.select', { company: r.company })}
                />
              </td>
              <th scope="row">
                <a href={customersHash({ search: r.company })}>{r.company}</a>
              </th>
              <td className="surveys-code">{r.code}</td>
              <td>{r.country ? regionName(r.country, lang) : <span className="muted">{t('common.notSet')}</span>}</td>
              <td>{classLabel(t, lang, 'tier', r.tier)}</td>
              <td>{classLabel(t, lang, 'segment', r.segment)}</td>
              <td>{t(`surveys.languages.${r.language === 'zh-CN' ? 'zh' : 'en'}`)}</td>
              <td>
                <span className={`badge surveys-state surveys-state-${r.state}`}>{stateLabel(t, r.state)}</span>
                {date ? (
                  <time className="muted surveys-state-date" dateTime={date}>
                    {formatDate(date, lang)}
                  </time>
                ) : null}
              </td>
              <td className="surveys-row-actions">
                <Button
                  size="small"
                  onClick={() => actions.enterAnswers(r)}
                  aria-label={t(answered ? 'surveys.recipients.changeAnswersOf' : 'surveys.recipients.enterAnswersOf', {
                    company: r.company,
                  })}
                >
                  {t(answered ? 'surveys.recipients.changeAnswers' : 'surveys.recipients.enterAnswers')}
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => actions.questionnaire(r)}
                  aria-label={t('surveys.recipients.questionnaireOf', { company: r.company })}
                >
                  {t('surveys.recipients.questionnaire')}
                </Button>
                <MenuButton
                  text={t('surveys.recipients.more')}
                  label={t('surveys.recipients.moreOf', { company: r.company })}
                  disabled={busy}
                  items={[
                    { key: 'sent', label: t('surveys.recipients.markSent'), disabled: answered || r.state === 'sent' },
                    { key: 'declined', label: t('surveys.recipients.markDeclined'), disabled: answered || r.state === 'declined' },
                    { key: 'not_sent', label: t('surveys.recipients.markNotSent'), disabled: answered || r.state === 'not_sent' },
                    { key: 'en', label: t('surveys.recipients.languageEn'), disabled: r.language === 'en' },
                    { key: 'zh', label: t('surveys.recipients.languageZh'), disabled: r.language === 'zh-CN' },
                  ]}
                  onSelect={(key) => {
                    const run: Record<string, () => void> = {
                      sent: () => actions.setState(r, 'sent'),
                      declined: () => actions.setState(r, 'declined'),
                      not_sent: () => actions.setState(r, 'not_sent'),
                      en: () => actions.setLanguage(r, 'en'),
                      zh: () => actions.setLanguage(r, 'zh-CN'),
                    };
                    run[key]?.();
                  }}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

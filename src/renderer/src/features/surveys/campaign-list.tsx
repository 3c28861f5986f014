import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { formatCount, inUiLanguage } from './survey-labels';
import { useCampaigns } from './use-surveys';

interface Props {
  onOpen: (campaignId: number) => void;
  onNew: () => void;
  onShowResults: (campaignId: number) => void;
}

/** Every campaign with its template, segment, date and how many were sent, answered and declined. */
export function CampaignList({ onOpen, onNew, onShowResults }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const campaigns = useCampaigns();
  const list = campaigns.data;

  if (!list)
    return <p className="surveys-message muted">{campaigns.isError ? errorText(t, toIpcError(campaigns.error)) : t('common.loading')}</p>;
  if (list.length === 0) {
    return (
      <EmptyState title={t('surveys.campaigns.emptyTitle')} text={t('surveys.campaigns.emptyBody')}>
        <Button type="primary" onClick={onNew}>
          {t('surveys.campaigns.new')}
        </Button>
      </EmptyState>
    );
  }
  return (
    <table className="data-table surveys-table" aria-label={t('surveys.campaigns.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('surveys.campaigns.columns.name')}</th>
          <th scope="col">{t('surveys.campaigns.columns.template')}</th>
          <th scope="col">{t('surveys.campaigns.columns.source')}</th>
          <th scope="col">{t('surveys.campaigns.columns.created')}</th>
          <th scope="col" className="num">
            {t('surveys.campaigns.columns.total')}
          </th>
          <th scope="col" className="num">
            {t('surveys.states.not_sent')}
          </th>
          <th scope="col" className="num">
            {t('surveys.states.sent')}
          </th>
          <th scope="col" className="num">
            {t('surveys.states.answered')}
          </th>
          <th scope="col" className="num">
            {t('surveys.states.declined')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('surveys.campaigns.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((c) => (
          <tr key={c.id} data-campaign-id={c.id}>
            <th scope="row">
              <button type="button" className="surveys-link-button" onClick={() => onOpen(c.id)}>
                {c.name}
              </button>
            </th>
            <td>{inUiLanguage(c.templateName, lang)}</td>
            <td>{c.sourceLabel || <span className="muted">{t('common.notSet')}</span>}</td>
            <td>{formatDate(c.createdAt, lang)}</td>
            <td className="num">{formatCount(c.counts.total, lang)}</td>
            <td className="num">{formatCount(c.counts.not_sent, lang)}</td>
            <td className="num">{formatCount(c.counts.sent, lang)}</td>
            <td className="num">{formatCount(c.counts.answered, lang)}</td>
            <td className="num">{formatCount(c.counts.declined, lang)}</td>
            <td className="surveys-row-actions">
              <Button size="small" onClick={() => onShowResults(c.id)} aria-label={t('surveys.campaigns.resultsOf', { name: c.name })}>
                {t('surveys.campaigns.results')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

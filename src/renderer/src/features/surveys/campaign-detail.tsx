import { Button } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_STATES, type RecipientState, type SurveyRecipient, type SurveyResponse } from '../../../../shared/domain/surveys';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AnswerDialog } from './answer-dialog';
import { ImportResponsesDialog } from './import-responses-dialog';
import { RecipientsTable } from './recipients-table';
import { RenameCampaignDialog } from './rename-campaign-dialog';
import { formatCount, inUiLanguage, stateLabel } from './survey-labels';
import { QUESTIONNAIRES_PER_FILE, useRecipientActions } from './use-recipient-actions';
import { useCampaign, useRecipients } from './use-surveys';
import { SearchSelect } from '../../components/search-select';

const PAGE = 50;
const SEARCH_DELAY_MS = 250;

interface Props {
  campaignId: number;
  onBack: () => void;
  onShowResults: (campaignId: number) => void;
}

/**
 * One campaign: its counts, its recipients (state filter, search, pages, selection), answers by
 * hand, questionnaires to e-mail or print, the responses sheet and importing it back.
 */
export function CampaignDetail({ campaignId, onBack, onShowResults }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const headingId = useId();
  const stateId = useId();
  const [state, setState] = useState<RecipientState | ''>('');
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlyMap<number, SurveyRecipient>>(new Map());
  const [answering, setAnswering] = useState<SurveyRecipient | null>(null);
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const campaign = useCampaign(campaignId);
  const recipients = useRecipients({ campaignId, states: state ? [state] : [], search: settledSearch, offset, limit: PAGE });
  const actions = useRecipientActions(campaignId);

  useEffect(() => setOffset(0), [state, settledSearch]);

  const c = campaign.data?.id === campaignId ? campaign.data : undefined;
  if (!c) {
    return <p className="surveys-message muted">{campaign.isError ? errorText(t, toIpcError(campaign.error)) : t('common.loading')}</p>;
  }
  const items = recipients.data?.items ?? [];
  const total = recipients.data?.total ?? 0;
  const selection = [...selected.values()];

  const toggle = (r: SurveyRecipient, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(r.customerId, r);
      else next.delete(r.customerId);
      return next;
    });
  const togglePage = (on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of items) {
        if (on) next.set(r.customerId, r);
        else next.delete(r.customerId);
      }
      return next;
    });
  const afterBulk = (ok: boolean) => {
    if (ok) setSelected(new Map());
  };

  const onAnswered = (recipient: SurveyRecipient, response: SurveyResponse) => {
    setAnswering(null);
    const scores = [response.nps !== null ? `NPS ${response.nps}` : '', response.csat !== null ? `CSAT ${response.csat}` : '']
      .filter(Boolean)
      .join(' · ');
    let text = t('surveys.answers.saved', { company: recipient.company, scores: scores || '—' });
    if (response.complaintId !== null)
      text += ` ${t('surveys.answers.complaintOpened', { owner: response.owner || t('surveys.noOwner') })}`;
    else if (response.followUpId !== null)
      text += ` ${t('surveys.answers.followUpPlanned', { owner: response.owner || t('surveys.noOwner') })}`;
    notices.announce(text);
  };

  const printSelected = () => {
    if (selection.length > QUESTIONNAIRES_PER_FILE) {
      notices.announce(t('surveys.actions.tooMany', { count: QUESTIONNAIRES_PER_FILE }));
      return;
    }
    void actions.questionnaires(selection).then(afterBulk);
  };

  const counts = c.counts;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + PAGE, total);

  return (
    <section className="surveys-campaign" aria-labelledby={headingId}>
      <div className="surveys-campaign-head">
        <Button size="small" onClick={onBack}>
          {t('surveys.campaign.back')}
        </Button>
        <div className="surveys-campaign-title">
          <h2 id={headingId}>{c.name}</h2>
          <p className="muted">
            {t('surveys.campaign.meta', {
              template: inUiLanguage(c.templateName, lang),
              source: c.sourceLabel || t('common.notSet'),
              date: formatDate(c.createdAt, lang),
            })}
          </p>
        </div>
        <Button onClick={() => setRenaming(true)}>{t('surveys.campaign.rename')}</Button>
        <Button onClick={() => onShowResults(c.id)}>{t('surveys.campaign.results')}</Button>
      </div>
      {renaming ? <RenameCampaignDialog campaign={c} onClose={() => setRenaming(false)} /> : null}
      <dl className="surveys-counts" data-testid="campaign-counts">
        <div>
          <dt>{t('surveys.campaign.total')}</dt>
          <dd data-count={counts.total}>{formatCount(counts.total, lang)}</dd>
        </div>
        {RECIPIENT_STATES.map((s) => (
          <div key={s} data-state={s}>
            <dt>{stateLabel(t, s)}</dt>
            <dd data-count={counts[s]}>{formatCount(counts[s], lang)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('surveys.campaign.responseRate')}</dt>
          <dd>{counts.total ? `${Math.round((counts.answered / counts.total) * 100)}%` : '—'}</dd>
        </div>
      </dl>

      <div className="surveys-toolbar">
        <label className="surveys-toolbar-field">
          <span>{t('surveys.recipients.search')}</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('surveys.recipients.searchPlaceholder')}
          />
        </label>
        <div className="surveys-toolbar-field">
          <label htmlFor={stateId}>{t('surveys.recipients.stateFilter')}</label>
          <SearchSelect
            id={stateId}
            value={state}
            options={[
              { value: '', label: t('surveys.recipients.allStates', { count: counts.total }) },
              ...RECIPIENT_STATES.map((s) => ({ value: s, label: `${stateLabel(t, s)} (${formatCount(counts[s], lang)})` })),
            ]}
            onChange={(v) => setState(RECIPIENT_STATES.find((s) => s === v) ?? '')}
          />
        </div>
        <div className="surveys-toolbar-actions">
          <Button
            disabled={actions.busy || (selection.length === 0 && counts.not_sent === 0)}
            onClick={() => (selection.length ? printSelected() : void actions.questionnairesNotSent())}
          >
            {selection.length
              ? t('surveys.recipients.printSelected', { count: selection.length })
              : t('surveys.recipients.printNotSent', { count: counts.not_sent })}
          </Button>
          <Button disabled={actions.busy} onClick={() => void actions.responsesSheet()}>
            {t('surveys.recipients.sheet')}
          </Button>
          <Button type="primary" onClick={() => setImporting(true)}>
            {t('surveys.recipients.import')}
          </Button>
        </div>
      </div>

      {selection.length ? (
        <div className="surveys-selection" role="group" aria-label={t('surveys.recipients.selectionLabel')}>
          <span>{t('surveys.recipients.selected', { count: selection.length })}</span>
          <Button size="small" disabled={actions.busy} onClick={() => void actions.setState(selection, 'sent').then(afterBulk)}>
            {t('surveys.recipients.markSent')}
          </Button>
          <Button size="small" disabled={actions.busy} onClick={() => void actions.setState(selection, 'declined').then(afterBulk)}>
            {t('surveys.recipients.markDeclined')}
          </Button>
          <Button size="small" disabled={actions.busy} onClick={() => void actions.setState(selection, 'not_sent').then(afterBulk)}>
            {t('surveys.recipients.markNotSent')}
          </Button>
          <Button size="small" onClick={() => setSelected(new Map())}>
            {t('surveys.recipients.clearSelection')}
          </Button>
        </div>
      ) : null}

      <div className="surveys-table-wrap" aria-busy={recipients.isFetching || undefined}>
        {recipients.isError && !recipients.data ? (
          <p className="surveys-message">{errorText(t, toIpcError(recipients.error))}</p>
        ) : !recipients.data ? (
          <p className="surveys-message muted">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="surveys-message muted">{t('surveys.recipients.none')}</p>
        ) : (
          <RecipientsTable
            items={items}
            selected={selected}
            onToggle={toggle}
            onTogglePage={togglePage}
            busy={actions.busy}
            actions={{
              enterAnswers: setAnswering,
              questionnaire: (r) => void actions.questionnaires([r]),
              setState: (r, s) => void actions.setState([r], s),
              setLanguage: (r, l) => void actions.setLanguage([r], l),
            }}
          />
        )}
      </div>
      <div className="surveys-pager">
        <span className="muted" data-testid="recipients-range">
          {t('surveys.recipients.range', { from: formatCount(from, lang), to: formatCount(to, lang), total: formatCount(total, lang) })}
        </span>
        <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('surveys.recipients.previous')}
        </Button>
        <Button size="small" disabled={to >= total} onClick={() => setOffset(offset + PAGE)}>
          {t('surveys.recipients.next')}
        </Button>
      </div>

      {answering ? (
        <AnswerDialog campaign={c} recipient={answering} onClose={() => setAnswering(null)} onSaved={(res) => onAnswered(answering, res)} />
      ) : null}
      {importing ? (
        <ImportResponsesDialog campaign={c} onClose={() => setImporting(false)} onSheet={() => void actions.responsesSheet()} />
      ) : null}
    </section>
  );
}

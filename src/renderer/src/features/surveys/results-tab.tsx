import { Button } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../shared/domain/surveys';
import { SelectField } from '../../components/select-field';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { ChartCard } from '../../components/charts/chart-card';
import { ResponseList } from './response-list';
import { ResultsBreakdown, ResultsTrend, type BreakdownRow } from './results-charts';
import { RESULT_BREAKDOWNS, dimensionLabel, formatCount, formatCsat, formatNps, groupLabel, type ResultBreakdown } from './survey-labels';
import { TextAnswers } from './text-answers';
import { useAreaNames, useCampaigns, useResponses, useResults, useTrend } from './use-surveys';

interface Props {
  campaignId: number | 'all' | null;
  onCampaignChange: (campaignId: number | 'all') => void;
}

const RESPONSES_LIMIT = 500;

/**
 * Results: NPS and CSAT of a campaign (or all), broken down by region, industry, tier, segment or
 * owner; a bar or row opens that group's answers; the trend across campaigns; what customers wrote.
 */
export function ResultsTab({ campaignId, onCampaignChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const campaigns = useCampaigns();
  const list = campaigns.data;
  const selected: number | 'all' = campaignId ?? list?.[0]?.id ?? 'all';
  const scope = selected === 'all' ? {} : { campaignId: selected };
  const [by, setBy] = useState<ResultBreakdown>('region');
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const [detractorsOnly, setDetractorsOnly] = useState(false);
  const answersHeading = useRef<HTMLHeadingElement>(null);
  const answersId = useId();

  useEffect(() => setGroupKey(null), [selected, by]);

  const results = useResults({ ...scope, by });
  const areas = useAreaNames(by === 'continent' ? 'continent' : 'region', by === 'region' || by === 'continent');
  const group = groupKey === null ? null : { key: groupKey, label: groupLabel(t, lang, by, groupKey, areas.data) };
  const trend = useTrend(groupKey !== null ? { by, key: groupKey } : {});
  const groupResponses = useResponses({ ...scope, by, key: groupKey ?? '', detractorsOnly, limit: RESPONSES_LIMIT }, groupKey !== null);

  const questions = useMemo(() => new Map<number, Question[]>((list ?? []).map((c) => [c.id, c.questions])), [list]);
  const names = useMemo(() => new Map<number, string>((list ?? []).map((c) => [c.id, c.name])), [list]);
  const data = results.data;
  const rows = useMemo<BreakdownRow[]>(
    () => (data && data.by === by ? data.groups.map((g) => ({ ...g, label: groupLabel(t, lang, by, g.key, areas.data) })) : []),
    [data, by, t, lang, areas.data],
  );

  useEffect(() => {
    if (groupKey !== null) answersHeading.current?.focus();
  }, [groupKey]);

  if (!list)
    return <p className="surveys-message muted">{campaigns.isError ? errorText(t, toIpcError(campaigns.error)) : t('common.loading')}</p>;

  const overall = data?.overall;
  const dimensionName = dimensionLabel(t, by);
  return (
    <div className="surveys-results">
      <div className="surveys-results-controls">
        <SelectField
          label={t('surveys.results.campaign')}
          value={String(selected)}
          options={[
            { value: 'all', label: t('surveys.results.allCampaigns') },
            ...list.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
          onValueChange={(v) => onCampaignChange(v === 'all' ? 'all' : Number(v))}
        />
        <SelectField
          label={t('surveys.results.by')}
          value={by}
          options={RESULT_BREAKDOWNS.map((d) => ({ value: d, label: dimensionLabel(t, d) }))}
          onValueChange={(v) => setBy(v as ResultBreakdown)}
        />
      </div>
      {results.isError && !data ? <p className="surveys-message">{errorText(t, toIpcError(results.error))}</p> : null}
      <dl className="surveys-headline" data-testid="results-headline" aria-busy={results.isFetching || undefined}>
        <div data-figure="nps">
          <dt>{t('surveys.results.nps')}</dt>
          <dd>{overall ? formatNps(overall.nps, lang) : '…'}</dd>
        </div>
        <div data-figure="csat">
          <dt>{t('surveys.results.csat')}</dt>
          <dd>{overall ? formatCsat(overall.csatAvg, lang) : '…'}</dd>
        </div>
        <div data-figure="responses">
          <dt>{t('surveys.results.responses')}</dt>
          <dd>{overall ? formatCount(overall.responses, lang) : '…'}</dd>
        </div>
        <div data-figure="split">
          <dt>{t('surveys.results.split')}</dt>
          <dd>
            {overall
              ? t('surveys.results.splitValue', {
                  promoters: overall.promoters,
                  passives: overall.passives,
                  detractors: overall.detractors,
                })
              : '…'}
          </dd>
        </div>
      </dl>
      <div className="dash-grid">
        <ResultsBreakdown
          title={t('surveys.results.breakdownTitle', { dimension: dimensionName })}
          dimension={dimensionName}
          rows={rows}
          selectedKey={groupKey}
          onPick={(row) => setGroupKey(row.key)}
        />
        {group ? (
          <ChartCard title={t('surveys.results.groupAnswers', { label: group.label })} wide>
            <section aria-labelledby={answersId} className="surveys-group-answers">
              <div className="surveys-section-head">
                <h3 id={answersId} ref={answersHeading} tabIndex={-1}>
                  {t('surveys.results.groupAnswersHeading', {
                    dimension: dimensionName,
                    label: group.label,
                    count: groupResponses.data?.length ?? 0,
                  })}
                </h3>
                <label className="field-checkbox">
                  <input type="checkbox" checked={detractorsOnly} onChange={(e) => setDetractorsOnly(e.target.checked)} />
                  {t('surveys.results.detractorsOnly')}
                </label>
                <Button size="small" onClick={() => setGroupKey(null)}>
                  {t('surveys.results.closeGroup')}
                </Button>
              </div>
              {!groupResponses.data ? (
                <p className="muted">{groupResponses.isError ? errorText(t, toIpcError(groupResponses.error)) : t('common.loading')}</p>
              ) : groupResponses.data.length === 0 ? (
                <p className="muted">{t('surveys.results.noResponses')}</p>
              ) : (
                <ResponseList
                  label={t('surveys.results.groupAnswers', { label: group.label })}
                  responses={groupResponses.data}
                  questionsOf={(id) => questions.get(id)}
                  campaignNameOf={selected === 'all' ? (id) => names.get(id) ?? '' : undefined}
                />
              )}
            </section>
          </ChartCard>
        ) : null}
        <ResultsTrend
          title={group ? t('surveys.results.trendOf', { label: group.label }) : t('surveys.results.trend')}
          points={trend.data ?? []}
        />
        <TextAnswers
          campaignId={selected === 'all' ? undefined : selected}
          questionsOf={(id) => questions.get(id)}
          campaignNameOf={selected === 'all' ? (id) => names.get(id) ?? '' : undefined}
        />
      </div>
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreSummary } from '../../../../shared/domain/surveys';
import { ChartCard, ChartData } from '../../components/charts/chart-card';
import { EChart } from '../../components/charts/echart';
import { npsBarOption, trendLineOption, type GroupRow, type ResultTexts } from './results-chart-options';
import { formatCount, formatCsat, formatNps } from './survey-labels';

const BAR_ROW_PX = 34;

/** Series names and number formats of the results charts in the UI language. */
export function useResultTexts(): ResultTexts {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      nps: t('surveys.results.nps'),
      csat: t('surveys.results.csat'),
      responses: t('surveys.results.responses'),
      formatNps: (n) => formatNps(n, lang),
      formatCsat: (n) => formatCsat(n, lang),
      count: (n) => formatCount(n, lang),
    }),
    [t, lang],
  );
}

export interface BreakdownRow extends ScoreSummary {
  key: string;
  label: string;
}

interface BreakdownProps {
  title: string;
  /** The dimension's name (the table's first column). */
  dimension: string;
  rows: readonly BreakdownRow[];
  selectedKey: string | null;
  onPick: (row: BreakdownRow) => void;
}

/** NPS and CSAT per group as bars (a click lists the group's answers) and the same figures as a table of buttons. */
export function ResultsBreakdown({ title, dimension, rows, selectedKey, onPick }: BreakdownProps) {
  const { t } = useTranslation();
  const texts = useResultTexts();
  const chartRows = useMemo<GroupRow[]>(
    () => rows.map((r) => ({ label: r.label, nps: r.nps, csatAvg: r.csatAvg, responses: r.responses })),
    [rows],
  );
  const option = useMemo(() => npsBarOption(chartRows, texts), [chartRows, texts]);
  return (
    <ChartCard title={title} note={t('surveys.results.breakdownNote')} wide>
      {rows.length === 0 ? (
        <p className="muted dash-card-empty">{t('surveys.results.noResponses')}</p>
      ) : (
        <>
          <EChart
            option={option}
            label={t('surveys.results.chartLabel', { title })}
            height={Math.max(160, rows.length * BAR_ROW_PX + 80)}
            onClick={(event) => {
              const row = rows[event.dataIndex];
              if (row) onPick(row);
            }}
          />
          <ChartData
            summary={t('surveys.results.showTable')}
            caption={title}
            className="surveys-results-table"
            data-testid="results-table"
            columns={
              <>
                <th scope="col">{dimension}</th>
                <th scope="col" className="num">
                  {texts.responses}
                </th>
                <th scope="col" className="num">
                  {texts.nps}
                </th>
                <th scope="col" className="num">
                  {t('surveys.results.promoters')}
                </th>
                <th scope="col" className="num">
                  {t('surveys.results.passives')}
                </th>
                <th scope="col" className="num">
                  {t('surveys.results.detractors')}
                </th>
                <th scope="col" className="num">
                  {texts.csat}
                </th>
              </>
            }
          >
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} aria-current={r.key === selectedKey ? 'true' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="surveys-link-button"
                    onClick={() => onPick(r)}
                    aria-label={t('surveys.results.openGroup', { label: r.label })}
                  >
                    {r.label}
                  </button>
                </th>
                <td className="num" data-field="responses">
                  {texts.count(r.responses)}
                </td>
                <td className="num" data-field="nps">
                  {texts.formatNps(r.nps)}
                </td>
                <td className="num">{texts.count(r.promoters)}</td>
                <td className="num">{texts.count(r.passives)}</td>
                <td className="num">{texts.count(r.detractors)}</td>
                <td className="num" data-field="csat">
                  {texts.formatCsat(r.csatAvg)}
                </td>
              </tr>
            ))}
          </ChartData>
        </>
      )}
    </ChartCard>
  );
}

interface TrendProps {
  title: string;
  points: readonly (ScoreSummary & { campaignId: number; name: string; createdAt: string })[];
}

/** NPS and CSAT of each campaign, oldest first, with the figures as a table. */
export function ResultsTrend({ title, points }: TrendProps) {
  const { t } = useTranslation();
  const texts = useResultTexts();
  const option = useMemo(
    () =>
      trendLineOption(
        points.map((p) => ({ label: p.name, nps: p.nps, csatAvg: p.csatAvg, responses: p.responses })),
        texts,
      ),
    [points, texts],
  );
  return (
    <ChartCard title={title} note={t('surveys.results.trendNote')} wide>
      {points.length === 0 ? (
        <p className="muted dash-card-empty">{t('surveys.results.noCampaigns')}</p>
      ) : (
        <>
          <EChart option={option} label={t('surveys.results.chartLabel', { title })} className="echart-trend" />
          <ChartData
            summary={t('surveys.results.showTable')}
            caption={title}
            data-testid="trend-table"
            columns={
              <>
                <th scope="col">{t('surveys.results.campaign')}</th>
                <th scope="col" className="num">
                  {texts.responses}
                </th>
                <th scope="col" className="num">
                  {texts.nps}
                </th>
                <th scope="col" className="num">
                  {texts.csat}
                </th>
              </>
            }
          >
            {points.map((p) => (
              <tr key={p.campaignId} data-campaign-id={p.campaignId}>
                <th scope="row">{p.name}</th>
                <td className="num">{texts.count(p.responses)}</td>
                <td className="num">{texts.formatNps(p.nps)}</td>
                <td className="num">{texts.formatCsat(p.csatAvg)}</td>
              </tr>
            ))}
          </ChartData>
        </>
      )}
    </ChartCard>
  );
}

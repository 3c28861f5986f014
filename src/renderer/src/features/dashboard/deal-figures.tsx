import { useQuery } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ChartCard } from '../../components/charts/chart-card';
import { call } from '../../lib/ipc';
import { formatMoney } from '../../lib/money-format';
import { dashboardKeys } from './use-dashboard';

type DealFigures = ChannelOutput<'dashboard.deals'>;
type By = 'region' | 'industry' | 'owner';

/**
 * The deals on the dashboard (#21): the pipeline by stage (open deals, their amount and their
 * amount weighted by the stage's win probability, in the base currency; won and lost in the last
 * year), and per region, industry or owner the open deals, wins, losses, win rate and days to win.
 */
export function DealFiguresCards() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [by, setBy] = useState<By>('region');
  const figures = useQuery({ queryKey: dashboardKeys.deals(by), queryFn: () => call('dashboard.deals', { by }) });
  const data = figures.data;
  if (!data) return null;
  const total = data.stages.reduce((n, s) => n + s.count, 0);
  const money = (minor: number) => formatMoney(minor, data.currency, lang, true);
  const uncounted = data.uncounted.reduce((n, u) => n + u.deals, 0);
  return (
    <>
      <ChartCard
        title={t('dashboard.deals.stagesTitle')}
        note={t('dashboard.deals.stagesNote', { currency: data.currency, count: data.days })}
      >
        {total === 0 ? (
          <p className="muted dash-card-empty">
            {t('dashboard.deals.none')} <a href="#/deals">{t('dashboard.deals.open')}</a>
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table deal-stage-table">
              <caption className="visually-hidden">{t('dashboard.deals.stagesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.deals.stage')}</th>
                  <th scope="col" className="num">
                    {t('dashboard.deals.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.deals.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.deals.weighted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.stages.map((s) => (
                  <tr key={s.stage}>
                    <th scope="row">{t(`dashboard.deals.stages.${s.stage}`)}</th>
                    <td className="num">{s.count}</td>
                    <td className="num">{money(s.amountMinor)}</td>
                    <td className="num">{s.stage === 'won' || s.stage === 'lost' ? '' : money(s.weightedMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {uncounted > 0 ? (
          <p className="dash-card-foot" role="note">
            {t('dashboard.deals.uncounted', { count: uncounted, currencies: data.uncounted.map((u) => u.currency).join(', ') })}
          </p>
        ) : null}
      </ChartCard>
      {total > 0 ? <DealGroupsCard data={data} by={by} onBy={setBy} money={money} /> : null}
    </>
  );
}

function DealGroupsCard({
  data,
  by,
  onBy,
  money,
}: {
  data: DealFigures;
  by: By;
  onBy: (by: By) => void;
  money: (minor: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const name = (g: DealFigures['groups'][number]) =>
    g.name ? (zh ? g.name.zh : g.name.en) || t('dashboard.deals.unknown') : g.key || t('dashboard.deals.unknown');
  return (
    <ChartCard title={t('dashboard.deals.groupsTitle')} note={t('dashboard.deals.groupsNote', { count: data.days })} wide>
      <Segmented<By>
        aria-label={t('dashboard.deals.by')}
        value={by}
        onChange={onBy}
        options={(['region', 'industry', 'owner'] as const).map((value) => ({ value, label: t(`dashboard.deals.byOption.${value}`) }))}
      />
      <div className="table-scroll">
        <table className="data-table deal-group-table">
          <caption className="visually-hidden">{t('dashboard.deals.groupsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`dashboard.deals.byOption.${by}`)}</th>
              <th scope="col" className="num">
                {t('dashboard.deals.openDeals')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.weighted')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.won')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.lost')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.winRate')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.daysToWin')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.deals.wonAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{name(g)}</th>
                <td className="num">{g.open}</td>
                <td className="num">{money(g.openWeightedMinor)}</td>
                <td className="num">{g.won}</td>
                <td className="num">{g.lost}</td>
                <td className="num">{g.winRate === null ? '–' : percent.format(g.winRate)}</td>
                <td className="num">{g.avgDaysToWin === null ? '–' : t('dashboard.deals.days', { count: g.avgDaysToWin })}</td>
                <td className="num">{money(g.wonMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

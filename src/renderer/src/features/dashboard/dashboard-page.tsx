import { Button } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { hashFor } from '../../app/routes';
import { errorText } from '../../i18n/error-text';
import { toIpcError } from '../../lib/ipc';
import { useCustomerTotal } from '../customers';
import { AtRiskTable } from './at-risk-table';
import { ClassChart } from './class-chart';
import { AT_RISK_FILTER } from './dashboard-links';
import { UncountedOrdersNote } from '../../components/uncounted-orders-note';
import { DealFiguresCards } from './deal-figures';
import { HeadlineFigures } from './headline-figures';
import { RevenueTrend } from './revenue-trend';
import { useDashboardOverview, useDashboardRules } from './use-dashboard';
import { ValueMatrix } from './value-matrix';

const TOP_COUNTRIES = 15;
const TOP_INDUSTRIES = 12;

/**
 * Dashboard: headline figures, customers and revenue by area, industry and class, the value ×
 * potential matrix, the revenue trend and the customers at risk, for all active customers.
 * Every chart opens the customers it counts.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const overview = useDashboardOverview();

  return (
    <div className="dashboard-page">
      <div className="page-header">
        <h1 className="page-title">{t('dashboard.title')}</h1>
        <p className="muted dashboard-scope">{t('dashboard.scope')}</p>
      </div>
      <div className="dashboard-body" aria-busy={overview.isFetching}>
        {overview.isPending ? (
          <p className="muted dashboard-status">{t('common.loading')}</p>
        ) : overview.isError ? (
          <div className="empty-state" role="alert">
            <p>{errorText(t, toIpcError(overview.error))}</p>
            <Button onClick={() => void overview.refetch()}>{t('dashboard.retry')}</Button>
          </div>
        ) : overview.data.customers === 0 ? (
          <EmptyState title={t('dashboard.emptyTitle')} text={t('dashboard.emptyBody')}>
            <Button type="primary" href={hashFor('import')}>
              {t('dashboard.goToImport')}
            </Button>
          </EmptyState>
        ) : (
          <DashboardContent data={overview.data} />
        )}
      </div>
    </div>
  );
}

type Overview = ChannelOutput<'dashboard.overview'>;

/** The figures and charts of a non-empty database. */
function DashboardContent({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const rules = useDashboardRules();
  const atRiskTotal = useCustomerTotal(AT_RISK_FILTER);
  const segmentNames = rules.data?.segmentNames;
  // Custom segment names from the rules, as boards show them (the overview sends none).
  const segments = useMemo(
    () =>
      data.bySegment.map((p) => {
        const custom = segmentNames ? Object.entries(segmentNames).find(([k]) => k === p.key)?.[1] : undefined;
        return custom && (custom.en || custom.zh) ? { ...p, name: { en: custom.en, zh: custom.zh } } : p;
      }),
    [data.bySegment, segmentNames],
  );
  return (
    <>
      <HeadlineFigures
        customers={data.customers}
        revenueMinor={data.revenueMinor}
        currency={data.currency}
        revenueMonths={rules.data?.revenueMonths}
        atRisk={atRiskTotal.data}
        classifiedAt={data.classifiedAt}
      />
      <UncountedOrdersNote />
      <div className="dash-grid">
        <RevenueTrend months={data.revenueByMonth} currency={data.currency} />
        <ClassChart
          title={t('dashboard.charts.continent')}
          dimension="continent"
          points={data.byContinent}
          currency={data.currency}
          kind="columns"
        />
        <ValueMatrix points={data.matrix} currency={data.currency} />
        <AtRiskTable customers={data.atRisk} total={atRiskTotal.data} currency={data.currency} />
        <ClassChart
          title={t('dashboard.charts.country')}
          dimension="country"
          points={data.byCountry}
          currency={data.currency}
          kind="bars"
          limit={TOP_COUNTRIES}
        />
        <ClassChart
          title={t('dashboard.charts.industry')}
          dimension="industry"
          points={data.byIndustry}
          currency={data.currency}
          kind="bars"
          limit={TOP_INDUSTRIES}
        />
        <ClassChart title={t('dashboard.charts.segment')} dimension="segment" points={segments} currency={data.currency} kind="ring" />
        <ClassChart title={t('dashboard.charts.tier')} dimension="tier" points={data.byTier} currency={data.currency} kind="columns" />
        <ClassChart
          title={t('dashboard.charts.lifecycle')}
          dimension="lifecycle"
          points={data.byLifecycle}
          currency={data.currency}
          kind="columns"
          wide
        />
        <DealFiguresCards />
      </div>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';

/** Months of revenue trend the dashboard shows. */
export const TREND_MONTHS = 24;

/** Query-cache keys of the dashboard; everything starts with 'dashboard' (all are refreshed on data.changed). */
export const dashboardKeys = {
  overview: (months: number) => ['dashboard', 'overview', months] as const,
  rules: ['dashboard', 'rules'] as const,
  deals: (by: string) => ['dashboard', 'deals', by] as const,
};

/** Every figure of the dashboard, for all active customers, in one engine call. */
export function useDashboardOverview() {
  return useQuery({
    queryKey: dashboardKeys.overview(TREND_MONTHS),
    queryFn: () => call('dashboard.overview', { months: TREND_MONTHS }),
  });
}

/**
 * The parts of the classification rules the dashboard shows: how many months of orders make a
 * customer's revenue (the value-tier window) and the custom RFM segment names.
 */
export function useDashboardRules() {
  return useQuery({
    queryKey: dashboardKeys.rules,
    queryFn: async () => {
      const { rules } = await call('classify.rules', {});
      return { revenueMonths: rules.tiers.windowMonths, segmentNames: rules.segmentNames };
    },
  });
}

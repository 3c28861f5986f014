import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ManagerFigure, ManagerPeriod } from '../../../../shared/ipc/channels/manager';
import { call } from '../../lib/ipc';

/** What one figure's list shows at most (the engine counts the rest). */
export const LIST_LIMIT = 500;

/** Query-cache keys of the manager's view; all start with 'manager' (refreshed on data.changed like every query). */
export const managerKeys = {
  all: ['manager'] as const,
  report: (p: ManagerPeriod) => ['manager', 'report', p.fromMonth, p.toMonth, p.tz] as const,
  list: (p: ManagerPeriod, owner: string | null, figure: ManagerFigure) =>
    ['manager', 'list', p.fromMonth, p.toMonth, p.tz, owner, figure] as const,
  targets: (year: number) => ['manager', 'targets', year] as const,
};

/** Every salesperson's figures for a period; the previous period's stay on screen while the next one loads. */
export function useManagerReport(period: ManagerPeriod) {
  return useQuery({
    queryKey: managerKeys.report(period),
    queryFn: () => call('manager.report', period),
    placeholderData: keepPreviousData,
  });
}

/** The list behind one figure of one row (owner null: the totals row). */
export function useFigureList(period: ManagerPeriod, owner: string | null, figure: ManagerFigure) {
  return useQuery({
    queryKey: managerKeys.list(period, owner, figure),
    queryFn: () => call('manager.list', { period, owner, figure, limit: LIST_LIMIT }),
  });
}

/** The monthly targets of a year, and whether this user may change them. */
export function useTargets(year: number) {
  return useQuery({
    queryKey: managerKeys.targets(year),
    queryFn: () => call('manager.targets', { year }),
  });
}

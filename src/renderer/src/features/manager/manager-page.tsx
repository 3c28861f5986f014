import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerReport } from '../../../../shared/ipc/channels/manager';
import { EmptyState } from '../../components/empty-state';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { useOwners } from '../../lib/use-owners';
import { FigureDrawer, type FigureRequest } from './figure-drawer';
import { periodLabel, periodOf, presetMonths, type Month, type PeriodChoice } from './period';
import { PeriodPicker } from './period-picker';
import { TargetsButton } from './targets-button';
import { TargetsDialog } from './targets-dialog';
import { TeamTable } from './team-table';
import { useManagerReport } from './use-manager';
import '../../styles/manager.css';

/**
 * Team performance (the manager's view, #20): per salesperson and period, what they hold, won and
 * lost from the pool, followed up, answered and sold, against their monthly targets. Every figure
 * opens the list behind it; "Set targets" edits the monthly targets. In a team a salesperson sees
 * their own row only.
 */
export function ManagerPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [choice, setChoice] = useState<PeriodChoice>('thisMonth');
  const [picked, setPicked] = useState<{ fromMonth: Month; toMonth: Month }>(() => presetMonths('thisMonth'));
  const months = choice === 'months' ? picked : presetMonths(choice);
  const period = useMemo(() => periodOf({ fromMonth: months.fromMonth, toMonth: months.toMonth }), [months.fromMonth, months.toMonth]);
  const periodText = periodLabel(months, lang);
  const report = useManagerReport(period);
  const [figure, setFigure] = useState<FigureRequest | null>(null);
  const [targetsOpen, setTargetsOpen] = useState(false);
  const owners = useOwners();
  const targetYear = Number(months.toMonth.slice(0, 4));

  const choose = (next: PeriodChoice) => {
    // Months… starts from the months shown.
    if (next === 'months') setPicked(months);
    setChoice(next);
  };

  const data = report.data;
  const people = useMemo(() => {
    const names = [...owners];
    for (const row of data?.rows ?? []) if (row.owner !== '' && !names.includes(row.owner)) names.push(row.owner);
    return names;
  }, [owners, data]);

  return (
    <div className="manager-page">
      <div className="page-header">
        <h1 className="page-title">{t('manager.title')}</h1>
        <PeriodPicker choice={choice} months={months} onChoose={choose} onMonths={setPicked} />
        <div className="manager-actions">
          <TargetsButton year={targetYear} onOpen={() => setTargetsOpen(true)} />
        </div>
      </div>
      <div className="manager-body" aria-busy={report.isFetching}>
        {report.isPending ? (
          <p className="muted manager-status">{t('common.loading')}</p>
        ) : report.isError && !data ? (
          <div className="empty-state" role="alert">
            <p>{errorText(t, toIpcError(report.error))}</p>
            <Button onClick={() => void report.refetch()}>{t('manager.retry')}</Button>
          </div>
        ) : data && data.rows.every((row) => row.owner === '') ? (
          <EmptyState title={t('manager.emptyTitle')} text={t('manager.emptyBody')}>
            <Button type="primary" href="#/settings/staff">
              {t('manager.goToStaff')}
            </Button>
          </EmptyState>
        ) : data ? (
          <ReportView report={data} periodText={periodText} onOpen={setFigure} />
        ) : null}
      </div>
      {figure ? <FigureDrawer request={figure} period={period} periodText={periodText} onClose={() => setFigure(null)} /> : null}
      {targetsOpen ? <TargetsDialog people={people} year={targetYear} onClose={() => setTargetsOpen(false)} /> : null}
    </div>
  );
}

/** The table with what goes around it: whose figures, orders left out of revenue, when they were computed. */
function ReportView({ report, periodText, onOpen }: { report: ManagerReport; periodText: string; onOpen: (r: FigureRequest) => void }) {
  const { t, i18n } = useTranslation();
  const uncounted = report.totals.ordersUncounted;
  return (
    <>
      {report.scope === 'own' ? (
        <p className="manager-own" role="note">
          {t('manager.ownOnly')}
        </p>
      ) : null}
      <TeamTable report={report} periodText={periodText} onOpen={onOpen} />
      {uncounted > 0 ? (
        <p className="uncounted-orders" role="note" data-uncounted={uncounted}>
          <span>{t('manager.uncounted', { count: uncounted })}</span> <a href="#/settings/currency">{t('manager.setRates')}</a>
        </p>
      ) : null}
      <p className="muted manager-as-of">
        {t('manager.asOf', { time: formatDateTime(report.asOf, i18n.language), currency: report.currency })}
      </p>
    </>
  );
}

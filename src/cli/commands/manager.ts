import type { ManagerReport, ManagerRow, SalesTarget } from '../../shared/ipc/channels/manager';
import { currencyExponent } from '../../main/import/normalize/money';
import { printTable } from '../print-table';
import { command, int, localZone, UsageError, type Command, type CliContext } from '../command';

/** Minor units of `currency` in major units, as a plain number ("50000.00"). */
const major = (minor: number | null, currency: string) =>
  minor === null ? '' : (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));
const percent = (ratio: number | null) => (ratio === null ? '' : `${Math.round(ratio * 1000) / 10}%`);

function reportRow(owner: string, r: Omit<ManagerRow, 'owner'>, currency: string) {
  return {
    owner,
    held: r.held,
    new: r.new,
    claimed: r.claimed,
    returned: r.returned,
    'fu planned': r.followupsPlanned,
    'fu done': r.followupsDone,
    'fu overdue': r.followupsOverdue,
    inquiries: r.inquiries,
    unanswered: r.inquiriesUnanswered,
    'reply h': r.firstResponseMedianHours ?? '',
    needs: r.needsOpen,
    complaints: r.complaintsOpen,
    'c overdue': r.complaintsOverdue,
    orders: r.orders,
    revenue: major(r.revenueMinor, currency),
    uncounted: r.ordersUncounted || '',
    'at risk': r.atRisk,
    target: major(r.targetRevenueMinor, currency),
    'rev %': percent(r.revenueAttainment),
    'new target': r.targetNew ?? '',
    'new %': percent(r.newAttainment),
  };
}

function printReport(out: (s: string) => void, report: ManagerReport): void {
  const c = report.currency;
  const rows = [...report.rows.map((r) => reportRow(r.owner === '' ? '(pool)' : r.owner, r, c)), reportRow('total', report.totals, c)];
  printTable(out, rows, Object.keys(rows[0] ?? reportRow('', report.totals, c)) as (keyof ReturnType<typeof reportRow>)[]);
  const p = report.period;
  out(
    `${p.fromMonth} to ${p.toMonth} in ${p.tz} (${p.from} – ${p.to}); revenue and targets in ${c}; overdue and at risk as of ${report.asOf}` +
      (report.scope === 'own' ? '; your own row only (a salesperson in a team)' : ''),
  );
  if (report.totals.ordersUncounted > 0)
    out(`${report.totals.ordersUncounted} orders are not in revenue: their currency has no exchange rate`);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** --revenue / --new: a number, "none" (clear it), or not given (keep what is set). */
function targetValue(value: string | undefined, name: string, toStored: (n: number) => number): number | null | undefined {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'none') return null;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of 0 or more, or none`);
  return toStored(n);
}

async function setTarget(ctx: CliContext<'owner' | 'month' | 'revenue' | 'new' | 'year', never>): Promise<number> {
  const { opt, call, print, out } = ctx;
  if (!opt.owner?.trim()) throw new UsageError('manager targets set needs --owner');
  if (!opt.month || !MONTH.test(opt.month)) throw new UsageError('manager targets set needs --month YYYY-MM');
  if (opt.revenue === undefined && opt.new === undefined) throw new UsageError('give --revenue, --new or both (none clears one)');
  const year = Number(opt.month.slice(0, 4));
  const current = await call('manager.targets', { year });
  const fold = (s: string) => s.trim().replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const was = current.targets.find((t) => fold(t.owner) === fold(opt.owner as string) && t.month === opt.month);
  const exp = currencyExponent(current.currency);
  const revenue = targetValue(opt.revenue, 'revenue', (n) => Math.round(n * 10 ** exp));
  const newCustomers = targetValue(opt.new, 'new', (n) => {
    if (!Number.isInteger(n)) throw new UsageError('--new must be a whole number');
    return n;
  });
  const target: SalesTarget = {
    owner: opt.owner.trim(),
    month: opt.month,
    revenueMinor: revenue === undefined ? (was?.revenueMinor ?? null) : revenue,
    newCustomers: newCustomers === undefined ? (was?.newCustomers ?? null) : newCustomers,
  };
  const r = await call('manager.saveTargets', { targets: [target] });
  print({ ...r, target, currency: current.currency }, () =>
    out(
      target.revenueMinor === null && target.newCustomers === null
        ? `${target.owner}, ${target.month}: no target any more`
        : `${target.owner}, ${target.month}: revenue ${target.revenueMinor === null ? 'none' : `${major(target.revenueMinor, current.currency)} ${current.currency}`}, new customers ${target.newCustomers ?? 'none'}`,
    ),
  );
  return 0;
}

/** The manager's view (#20 item 5): the report per salesperson, and the monthly targets. */
export const managerCommands: readonly Command[] = [
  command({
    name: 'manager report',
    usage: '--from YYYY-MM --to YYYY-MM [--tz <IANA zone>]',
    summary:
      "per salesperson over whole months (zone: --tz, else this computer's): customers held, new, claimed and returned, follow-ups, inquiries and reply time, needs, complaints, orders and revenue against the targets; the pool and the totals last",
    strings: ['from', 'to', 'tz'],
    async run({ opt, call, print, out }) {
      if (!opt.from || !opt.to) throw new UsageError('manager report needs --from and --to (YYYY-MM)');
      const report = await call('manager.report', { fromMonth: opt.from, toMonth: opt.to, tz: opt.tz ?? localZone() });
      print(report, () => printReport(out, report));
      return 0;
    },
  }),
  command({
    name: 'manager targets',
    usage: 'set --owner <name> --month YYYY-MM [--revenue <amount|none>] [--new <n|none>] | list [--year YYYY]',
    summary:
      'monthly targets per salesperson: set one month (revenue in the base currency, major units; what is left out stays as it was, none clears it; both none removes the target), or list a year (default this one)',
    strings: ['owner', 'month', 'revenue', 'new', 'year'],
    async run(ctx) {
      const { argument, opt, call, print, out } = ctx;
      if (argument === 'set') return setTarget(ctx);
      if (argument !== 'list') throw new UsageError('manager targets takes set or list');
      const year = int(opt.year, 'year', new Date().getFullYear());
      const t = await call('manager.targets', { year });
      print(t, () => {
        printTable(
          out,
          t.targets.map((x) => ({ owner: x.owner, month: x.month, revenue: major(x.revenueMinor, t.currency), new: x.newCustomers ?? '' })),
          ['owner', 'month', 'revenue', 'new'],
        );
        out(`${t.targets.length} targets in ${year}; revenue in ${t.currency}${t.canEdit ? '' : ' (only a manager may change them)'}`);
      });
      return 0;
    },
  }),
];

import { sql } from 'kysely';
import { MANAGER_FIGURES, type ManagerPeriod, type ManagerReport, type ManagerRow } from '../../../shared/ipc/channels/manager';
import { isoNow, type ServiceContext } from '../context';
import { conversionFactors, readCurrency } from '../currency/currency';
import { readPrefs } from '../prefs/prefs';
import { followUpCounts, inquiryFigures, orderFigures, sumByPerson } from './figure-counts';
import { figureRows, FOLLOW_UPS, periodBounds, type FollowUpFigure } from './figures';
import { managerScope, nameKey } from './scope';

/**
 * The manager's view (#20 item 5): every figure of every salesperson over whole months, counted in
 * SQL per owner (one statement per figure over the indexes of figures.ts, never a loop over
 * customers in JS): the small figures by GROUP BY over their rows, the follow-ups, orders and
 * inquiries in owner order (figure-counts.ts); orders per owner and currency converted to the base
 * currency as the dashboard converts them (currency/currency.ts conversionFactors; a currency
 * without a rate is counted in ordersUncounted instead of revenue); both inquiry counts and the
 * reply-time medians from one pass over the period's inquiries; and the monthly targets summed over
 * the period (targets.ts).
 */

type CountFigure = Exclude<(typeof MANAGER_FIGURES)[number], 'orders'>;
const COUNT_FIGURES = MANAGER_FIGURES.filter((f): f is CountFigure => f !== 'orders');
type Figures = Omit<ManagerRow, 'owner'>;

interface Person {
  name: string;
  counts: Record<CountFigure, number>;
  orders: number;
  revenueMinor: number;
  ordersUncounted: number;
  replyMedianHours: number | null;
  targetRevenueMinor: number | null;
  targetNew: number | null;
}

/** A person's figures before anything is counted. */
const zero = (): Omit<Person, 'name'> => ({
  counts: Object.fromEntries(COUNT_FIGURES.map((f) => [f, 0])) as Record<CountFigure, number>,
  orders: 0,
  revenueMinor: 0,
  ordersUncounted: 0,
  replyMedianHours: null,
  targetRevenueMinor: null,
  targetNew: null,
});

const hours = (h: number | null | undefined) => (h === null || h === undefined ? null : Math.round(h * 100) / 100);

/** value / target to four decimals (never below 0); null without a target or with a target of 0. */
function attainment(value: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.max(0, Math.round((value / target) * 10_000) / 10_000);
}

function figuresOf(p: Omit<Person, 'name'>): Figures {
  return {
    ...p.counts,
    orders: p.orders,
    revenueMinor: p.revenueMinor,
    ordersUncounted: p.ordersUncounted,
    firstResponseMedianHours: p.replyMedianHours,
    targetRevenueMinor: p.targetRevenueMinor,
    targetNew: p.targetNew,
    revenueAttainment: attainment(p.revenueMinor, p.targetRevenueMinor),
    newAttainment: attainment(p.counts.new, p.targetNew),
  };
}

const addNullable = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export function managerReport(ctx: ServiceContext, input: ManagerPeriod): ManagerReport {
  const reader = ctx.read;
  const who = managerScope(reader);
  const period = periodBounds(input);
  const now = isoNow(ctx);
  const currency = readCurrency(reader);
  const factor = conversionFactors(currency);

  const people = new Map<string, Person>();
  const person = (name: string): Person => {
    const key = nameKey(name);
    let p = people.get(key);
    if (!p) {
      p = { name, ...zero() };
      people.set(key, p);
    }
    return p;
  };
  // The names as the user knows them first: the user's own, then Settings → Sales staff; the pool.
  if (who.me !== null) person(who.me);
  for (const name of readPrefs(reader).owners) person(name);
  if (who.scope === 'all') person('');

  const inquiries = inquiryFigures(reader, period);
  for (const figure of COUNT_FIGURES) {
    if (figure === 'inquiries' || figure === 'inquiriesUnanswered') {
      for (const r of inquiries.people) {
        const n = figure === 'inquiries' ? r.inquiries : r.unanswered;
        if (n > 0) person(r.owner).counts[figure] += n;
      }
      continue;
    }
    const counted =
      figure in FOLLOW_UPS
        ? sumByPerson(reader.all(followUpCounts(figure as FollowUpFigure, period, now)))
        : reader.all(
            sql<{
              owner: string;
              n: number;
            }>`SELECT owner, count(*) AS n FROM (${figureRows(figure, period, now)}) GROUP BY owner COLLATE NOCASE`,
          );
    for (const r of counted) person(r.owner).counts[figure] += r.n;
  }
  for (const r of orderFigures(reader, period, now, factor)) {
    const p = person(r.owner);
    p.orders += r.orders;
    p.revenueMinor += r.revenueMinor;
    p.ordersUncounted += r.ordersUncounted;
  }
  for (const r of inquiries.people) if (r.median !== null) person(r.owner).replyMedianHours = hours(r.median);
  const targets = reader.all(
    sql<{ owner: string; revenue: number | null; new_customers: number | null }>`
      SELECT owner, sum(revenue_minor) AS revenue, sum(new_customers) AS new_customers FROM sales_targets
      WHERE month >= ${period.fromMonth} AND month <= ${period.toMonth} GROUP BY owner`,
  );
  for (const t of targets) {
    const p = person(t.owner);
    p.targetRevenueMinor = t.revenue;
    p.targetNew = t.new_customers;
  }

  let shown = [...people.values()];
  if (who.scope === 'own') shown = shown.filter((p) => nameKey(p.name) === nameKey(who.me));
  const named = shown.filter((p) => p.name !== '').sort((a, b) => a.name.localeCompare(b.name) || (a.name < b.name ? -1 : 1));
  const pool = shown.filter((p) => p.name === '');
  const rows = [...named, ...pool];

  const total = rows.reduce<Omit<Person, 'name'>>(
    (t, p) => ({
      counts: Object.fromEntries(COUNT_FIGURES.map((f) => [f, t.counts[f] + p.counts[f]])) as Record<CountFigure, number>,
      orders: t.orders + p.orders,
      revenueMinor: t.revenueMinor + p.revenueMinor,
      ordersUncounted: t.ordersUncounted + p.ordersUncounted,
      replyMedianHours: null,
      targetRevenueMinor: addNullable(t.targetRevenueMinor, p.targetRevenueMinor),
      targetNew: addNullable(t.targetNew, p.targetNew),
    }),
    zero(),
  );
  total.replyMedianHours = who.scope === 'own' ? (rows[0]?.replyMedianHours ?? null) : hours(inquiries.median);

  return {
    period: { fromMonth: period.fromMonth, toMonth: period.toMonth, tz: period.tz, from: period.from, to: period.to },
    currency: currency.base,
    asOf: now,
    scope: who.scope,
    rows: rows.map((p) => ({ owner: p.name, ...figuresOf(p) })),
    totals: figuresOf(total),
  };
}

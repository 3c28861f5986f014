import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { SalesTarget } from '../../../shared/ipc/channels/manager';
import { isoNow, type ServiceContext } from '../context';
import { readCurrency } from '../currency/currency';
import { managerScope, nameKey } from './scope';

/**
 * Monthly sales targets (migration 0017, sales_targets): revenue in the base currency's minor units
 * and new customers, per person and month. They stay on this laptop in this slice (not a table of
 * the team sync): a manager sets them where the report is read. In a team only managers and admins
 * set them (MANAGER_REQUIRED, as the pool's rules); a salesperson reads their own.
 */

export function managerTargets(ctx: ServiceContext, year: number): ChannelOutput<'manager.targets'> {
  const who = managerScope(ctx.read);
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('sales_targets')
      .select(['owner', 'month', 'revenue_minor', 'new_customers'])
      .where('month', '>=', `${year}-01`)
      .where('month', '<=', `${year}-12`)
      .orderBy('owner')
      .orderBy('month'),
  );
  const targets: SalesTarget[] = rows
    .filter((r) => who.scope === 'all' || nameKey(r.owner) === nameKey(who.me))
    .map((r) => ({ owner: r.owner, month: r.month, revenueMinor: r.revenue_minor, newCustomers: r.new_customers }));
  return { currency: readCurrency(ctx.read).base, targets, canEdit: who.canEdit };
}

/** Sets each target (both values null: removes the person's month); one transaction; the rows written or removed. */
export async function saveManagerTargets(
  ctx: ServiceContext,
  input: ChannelParsedInput<'manager.saveTargets'>,
): Promise<ChannelOutput<'manager.saveTargets'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    if (!managerScope(tx).canEdit) {
      throw new AppError('MANAGER_REQUIRED', 'only a manager or an administrator of the team may set sales targets');
    }
    let saved = 0;
    for (const t of input.targets) {
      if (t.revenueMinor === null && t.newCustomers === null) {
        saved += tx.run(tx.deleteFrom('sales_targets').where('owner', '=', t.owner).where('month', '=', t.month)).changes;
        continue;
      }
      const row = { revenue_minor: t.revenueMinor, new_customers: t.newCustomers, updated_at: now };
      saved += tx.run(
        tx
          .insertInto('sales_targets')
          .values({ owner: t.owner, month: t.month, ...row })
          // The name as last written (the key ignores its case).
          .onConflict((oc) => oc.columns(['owner', 'month']).doUpdateSet({ ...row, owner: t.owner })),
      ).changes;
    }
    return { saved };
  });
}

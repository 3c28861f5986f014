import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { SalesTarget } from '../../../shared/ipc/channels/manager';
import { isoNow, type ServiceContext } from '../context';
import { readCurrency } from '../currency/currency';
import { managerScope, nameKey } from './scope';
import { salesTargetGid } from '../../db/migrations/0020_sales_targets_sync';

/**
 * Monthly sales targets (migration 0017, sales_targets): revenue in the base currency's minor units
 * and new customers, per person and month. A team table of the sync (0020): a target set on a
 * manager's laptop reaches every laptop of the team. In a team only managers and admins set them
 * (MANAGER_REQUIRED, as the pool's rules; the server refuses the others' writes too); a salesperson
 * reads their own. A removed target is a row of nulls (not a delete: its gid stays writable).
 */

/** A row that holds a target (a removed one is kept as a row of nulls: see saveManagerTargets). */
const setTarget = (eb: ExpressionBuilder<DB, 'sales_targets'>) =>
  eb.or([eb('revenue_minor', 'is not', null), eb('new_customers', 'is not', null)]);

export function managerTargets(ctx: ServiceContext, year: number): ChannelOutput<'manager.targets'> {
  const who = managerScope(ctx.read);
  const rows = ctx.read.all(
    ctx.read
      .selectFrom('sales_targets')
      .select(['owner', 'month', 'revenue_minor', 'new_customers'])
      .where('month', '>=', `${year}-01`)
      .where('month', '<=', `${year}-12`)
      .where(setTarget)
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
      const row = { revenue_minor: t.revenueMinor, new_customers: t.newCustomers, updated_at: now };
      if (t.revenueMinor === null && t.newCustomers === null) {
        // Removed: a row of nulls where there was a target (nothing where there was none).
        saved += tx.run(
          tx.updateTable('sales_targets').set(row).where('owner', '=', t.owner).where('month', '=', t.month).where(setTarget),
        ).changes;
        continue;
      }
      saved += tx.run(
        tx
          .insertInto('sales_targets')
          .values({ owner: t.owner, month: t.month, gid: salesTargetGid(t.owner, t.month), ...row })
          // The name as last written (the key ignores its case).
          .onConflict((oc) => oc.columns(['owner', 'month']).doUpdateSet({ ...row, owner: t.owner })),
      ).changes;
    }
    return { saved };
  });
}

import { AppError } from '../../../shared/errors';
import { POOL_RULES_GID, poolRulesOf, poolRulesRow, type PoolRules } from '../../../shared/domain/pool';
import type { ReadDb, WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { actsForFirm, whoAmI } from './me';

/**
 * The firm's pool rules: the one pool_rules row (gid POOL_RULES_GID), or the defaults while nobody
 * has saved any. In a team the row is a team table of the sync: a manager's save reaches every
 * laptop, and two managers saving offline meet field by field (the same gid everywhere).
 */

function storedRow(reader: ReadDb | WriteTx) {
  return reader.first(
    reader
      .selectFrom('pool_rules')
      .select(['return_followup_days', 'return_order_days', 'cap', 'won_outside_cap', 'cooling_days'])
      .where('gid', '=', POOL_RULES_GID),
  );
}

/** Whether the rules were ever saved (the daily run returns nobody on the defaults alone). */
export function poolRulesSaved(reader: ReadDb | WriteTx): boolean {
  return storedRow(reader) !== undefined;
}

export function readPoolRules(reader: ReadDb | WriteTx): PoolRules {
  return poolRulesOf(storedRow(reader));
}

export function poolRulesView(reader: ReadDb | WriteTx): { rules: PoolRules; canEdit: boolean } {
  return { rules: readPoolRules(reader), canEdit: actsForFirm(whoAmI(reader)) };
}

/** Saves the rules (a salesperson in a team: MANAGER_REQUIRED); only the columns that changed are written, so only they sync. */
export function savePoolRules(ctx: ServiceContext, rules: PoolRules): Promise<{ rules: PoolRules; canEdit: boolean }> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    if (!actsForFirm(whoAmI(tx))) {
      throw new AppError('MANAGER_REQUIRED', "only a manager or an administrator of the team may change the pool's rules");
    }
    const r = poolRulesRow(rules);
    const row = {
      return_followup_days: r.return_followup_days,
      return_order_days: r.return_order_days,
      cap: r.cap,
      won_outside_cap: r.won_outside_cap ? 1 : 0,
      cooling_days: r.cooling_days ?? 0,
    };
    const stored = storedRow(tx);
    if (!stored) {
      tx.run(tx.insertInto('pool_rules').values({ ...row, gid: POOL_RULES_GID, updated_at: now }));
    } else {
      const changed = Object.fromEntries(Object.entries(row).filter(([k, v]) => stored[k as keyof typeof stored] !== v));
      if (Object.keys(changed).length > 0) {
        tx.run(
          tx
            .updateTable('pool_rules')
            .set({ ...changed, updated_at: now })
            .where('gid', '=', POOL_RULES_GID),
        );
      }
    }
    return poolRulesView(tx);
  });
}

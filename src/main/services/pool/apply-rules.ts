import { sql } from 'kysely';
import { poolReturnDue } from '../../../shared/domain/pool';
import { NOW_MS_SQL, UUIDV7_SQL } from '../../db/migrations/0013_sync_capture';
import type { WriteTx } from '../../db/sql';
import { isoNow, type ServiceContext } from '../context';
import { everyHolding } from './facts';
import { whoAmI } from './me';
import { ownerChangeActivity, type OwnerActivity } from './pool';
import { poolRulesSaved, readPoolRules } from './rules';

/**
 * The return rules on a book of its own (#20): every owned customer (not archived) that
 * poolReturnDue says is due goes back to the pool, with the rule on its timeline (activities
 * `owner_rule`, data.rule). In a team the server applies them (the laptop pulls the result), so
 * nothing happens here. One transaction: the facts of every owned customer in one statement
 * (facts.ts), the decision in memory, then the changes in chunks of one statement each.
 */

const CHUNK = 500;
/** Each timeline entry's gid given in its insert, so the 0013 gid trigger's extra UPDATE per row does not run (sync/new-gid.ts). */
const NEW_GID = sql.raw<string>(UUIDV7_SQL(NOW_MS_SQL));

export interface ApplyPoolRulesOptions {
  /** Only when the rules were saved (the run at start and the daily one: a book that never set up a pool keeps its owners). */
  onlySaved?: boolean;
}

export async function applyPoolRules(ctx: ServiceContext, options: ApplyPoolRulesOptions = {}): Promise<{ returned: number }> {
  // Outside the write lock first: a book in a team, or one without rules, costs one read.
  if (whoAmI(ctx.read).inTeam || (options.onlySaved && !poolRulesSaved(ctx.read))) return { returned: 0 };
  const nowMs = ctx.now().getTime();
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    if (whoAmI(tx).inTeam || (options.onlySaved && !poolRulesSaved(tx))) return { returned: 0 };
    const rules = readPoolRules(tx);
    if (rules.returnAfterFollowupDays === null && rules.returnAfterOrderDays === null) return { returned: 0 };
    const due: { id: number; activity: OwnerActivity }[] = [];
    for (const c of everyHolding(tx)) {
      const rule = poolReturnDue(rules, c, nowMs);
      if (rule) due.push({ id: c.id, activity: ownerChangeActivity(c.id, { from: c.owner, to: '', by: '', reason: 'rule', rule }, now) });
    }
    for (let i = 0; i < due.length; i += CHUNK) returnChunk(tx, due.slice(i, i + CHUNK), now);
    return { returned: due.length };
  });
}

function returnChunk(tx: WriteTx, chunk: readonly { id: number; activity: OwnerActivity }[], now: string): void {
  tx.run(
    tx
      .updateTable('customers')
      .set({ owner: '', owner_since: now, updated_at: now, version: sql<number>`version + 1` })
      .where(
        'id',
        'in',
        chunk.map((c) => c.id),
      ),
  );
  tx.run(tx.insertInto('activities').values(chunk.map((c) => ({ ...c.activity, gid: NEW_GID }))));
}

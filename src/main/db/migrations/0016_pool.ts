import type { Kysely } from 'kysely';
import { NOW_MS_SQL, UUIDV7_SQL } from './0013_sync_capture';
import { runStatements } from './run-statements';

/**
 * The public pool (公海, issue #20; the rules are src/shared/domain/pool.ts).
 *
 * - pool_rules: the firm's rules, one row (gid POOL_RULES_GID, written by whoever saves them first;
 *   no row: the defaults). A team table of the sync (src/shared/sync/tables.ts): a gid like the
 *   other shared tables (0013: unique, set by a trigger when an insert gives none) and updated_at
 *   (the sync sets it from the clock of what it applies). Null days: that rule never returns a
 *   customer; null cap: no cap. No range checks here: a value the sync brings must never stop a
 *   pull, and a value out of range reads as the defaults (poolRulesOf).
 * - activities_owner_change: the owner changes of a customer (activities.kind `owner_<reason>`),
 *   newest first: since when its owner has held it and when a salesperson last released it, read
 *   for one customer (the panel) and for every owned one at once (the return rules at 100k customers).
 *
 * The capture triggers of pool_rules are not made here: a book whose capture is on gets them when
 * it opens (src/main/db/capture-triggers.ts), from the spec, like any other table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE pool_rules (
      id INTEGER PRIMARY KEY,
      gid TEXT,
      return_followup_days INTEGER,
      return_order_days INTEGER,
      cap INTEGER,
      won_outside_cap INTEGER NOT NULL DEFAULT 1,
      cooling_days INTEGER NOT NULL DEFAULT 7,
      updated_at TEXT NOT NULL
    )`,
    `CREATE UNIQUE INDEX pool_rules_gid ON pool_rules (gid)`,
    `CREATE TRIGGER pool_rules_gid AFTER INSERT ON pool_rules WHEN new.gid IS NULL BEGIN
      UPDATE pool_rules SET gid = ${UUIDV7_SQL(NOW_MS_SQL)} WHERE id = new.id AND gid IS NULL;
    END`,
    `CREATE INDEX activities_owner_change ON activities (customer_id, occurred_at DESC) WHERE substr(kind, 1, 6) = 'owner_'`,
  ]);
}

import type { Kysely } from 'kysely';
import { NOW_MS_SQL, UUIDV7_SQL } from './0013_sync_capture';
import { runStatements } from './run-statements';

/** Now as the app writes times (ISO 8601 UTC with milliseconds). */
const NOW_ISO_SQL = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * The public pool (公海, issue #20; the rules are src/shared/domain/pool.ts).
 *
 * - pool_rules: the firm's rules, one row (gid POOL_RULES_GID, written by whoever saves them first;
 *   no row: the defaults). A team table of the sync (src/shared/sync/tables.ts): a gid like the
 *   other shared tables (0013: unique, set by a trigger when an insert gives none) and updated_at
 *   (the sync sets it from the clock of what it applies). Null days: that rule never returns a
 *   customer; null cap: no cap. No range checks here: a value the sync brings must never stop a
 *   pull, and a value out of range reads as the defaults (poolRulesOf).
 * - customers.owner_since: since when the customer's owner has held it (ISO), what the return
 *   rules count from. Each laptop's own, not shared by the sync (not in src/shared/sync/tables.ts,
 *   so it makes no capture trigger fire; the team server keeps its own, sync_customers.owned_since).
 *   Kept by triggers, so every way an owner changes counts (a claim, the bulk "assign owner", the
 *   edit form, a board drag, an import, a pull), not only the pool's:
 *   - an update that changes the owner (not just its case: the column is NOCASE) stamps it with the
 *     statement's updated_at when that moved forward (the engine's clock, which every service
 *     writes with the change; for a pull, the edit's time), else with now; a statement that sets
 *     owner_since itself keeps its value;
 *   - an insert of an owned customer without one stamps it with the row's updated_at.
 *   Every customer owned at the upgrade gets the migration's time: the rules count from the
 *   upgrade, so a book imported long ago is not emptied by the first run after rules are saved (the
 *   server's owned_since likewise defaults to its migration's time). Null: in the pool since before
 *   the upgrade (readers fall back to created_at).
 * - activities_owner_change: the owner changes of a customer (activities.kind `owner_<reason>`),
 *   newest first: when a salesperson last released it (the cooling-off) and the timeline.
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
    `ALTER TABLE customers ADD COLUMN owner_since TEXT`,
    `UPDATE customers SET owner_since = '${new Date().toISOString()}' WHERE owner <> ''`,
    `CREATE TRIGGER customers_owner_since_update AFTER UPDATE OF owner ON customers
      WHEN old.owner <> new.owner COLLATE NOCASE AND new.owner_since IS old.owner_since BEGIN
      UPDATE customers SET owner_since = CASE WHEN new.updated_at > old.updated_at THEN new.updated_at ELSE ${NOW_ISO_SQL} END
        WHERE id = new.id;
    END`,
    `CREATE TRIGGER customers_owner_since_insert AFTER INSERT ON customers WHEN new.owner <> '' AND new.owner_since IS NULL BEGIN
      UPDATE customers SET owner_since = coalesce(new.updated_at, ${NOW_ISO_SQL}) WHERE id = new.id;
    END`,
  ]);
}

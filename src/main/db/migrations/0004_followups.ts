import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Relationship work. Follow-ups in use: an optimistic version for edits from two windows, where a follow-up came
 * from (planned by hand, proposed by a cadence rule, a win-back), and the lists' indexes: open
 * follow-ups by due time overall (0001) and per owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE follow_ups ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE follow_ups ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'`,
    // The lists read open follow-ups by due time; with the customer in the index, the counts in
    // the navigation never touch the table.
    `DROP INDEX follow_ups_open_due`,
    `CREATE INDEX follow_ups_open_due ON follow_ups (due_at, id, customer_id) WHERE status = 'open'`,
    `CREATE INDEX follow_ups_open_owner ON follow_ups (owner, due_at, id, customer_id) WHERE status = 'open'`,
    `CREATE INDEX follow_ups_done ON follow_ups (done_at, id) WHERE status = 'done'`,

    // What customers ask for (需求) and what they complain about (投诉), each tracked to the end.
    `CREATE TABLE needs (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
      description TEXT NOT NULL DEFAULT '',
      priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high','medium','low')),
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','evaluating','planned','met','declined')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    `CREATE INDEX needs_customer ON needs (customer_id, id)`,
    `CREATE INDEX needs_status ON needs (status, category)`,
    `CREATE TABLE complaints (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
      severity TEXT NOT NULL CHECK (severity IN ('critical','high','medium','low')),
      description TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','resolved','closed')),
      owner TEXT NOT NULL DEFAULT '',
      due_by TEXT NOT NULL,
      resolution TEXT NOT NULL DEFAULT '',
      resolved_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    )`,
    `CREATE INDEX complaints_customer ON complaints (customer_id, id)`,
    `CREATE INDEX complaints_open_due ON complaints (due_by, id) WHERE status IN ('open','in_progress')`,
  ]);
}

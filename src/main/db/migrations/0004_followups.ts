import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Follow-ups in use: an optimistic version for edits from two windows, where a follow-up came
 * from (planned by hand, proposed by a cadence rule, a win-back), and the lists' indexes: open
 * follow-ups by due time overall (0001) and per owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE follow_ups ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE follow_ups ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'`,
    `CREATE INDEX follow_ups_open_owner ON follow_ups (owner, due_at, id) WHERE status = 'open'`,
    `CREATE INDEX follow_ups_done ON follow_ups (done_at, id) WHERE status = 'done'`,
  ]);
}

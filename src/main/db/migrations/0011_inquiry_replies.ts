import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * When an inquiry was last replied to, as its export says ("Last Reply Time" / 最新回复时间), so the
 * "inquiry not replied" follow-up rule leaves answered inquiries alone (issue: the daily work first,
 * suggested follow-ups flood the user).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`ALTER TABLE inquiries ADD COLUMN replied_at TEXT`]);
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * - sync_state.pull_base: where the last complete pull ended (a pull whose last page had nothing
 *   more). A pull sends it with its cursor; the server sends a row's fields written after it (see
 *   src/server/sync/pull.ts): after the cursor alone would miss a field written before the cursor
 *   to a row that a page of the same download skipped because a later write had moved it further.
 *
 * - The conflict list looked up by row and field (issue #19): each pulled page checks every conflict
 * the server reports against those already logged here (same row, field and clocks) and drops
 * twins. Without an index each check read the whole list: with 12,000 conflicts logged after three
 * laptops came back from a fair, a page took seconds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE sync_state ADD COLUMN pull_base INTEGER NOT NULL DEFAULT 0`,
    `CREATE INDEX sync_conflicts_row ON sync_conflicts (tbl, gid, field)`,
  ]);
}

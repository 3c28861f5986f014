import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The conflict list looked up by row and field (issue #19): each pulled page checks every conflict
 * the server reports against those already logged here (same row, field and clocks) and drops
 * twins. Without an index each check read the whole list: with 12,000 conflicts logged after three
 * laptops came back from a fair, a page took seconds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`CREATE INDEX sync_conflicts_row ON sync_conflicts (tbl, gid, field)`]);
}

import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The gid of a person's monthly target: the same on every laptop (a name-based UUID, version 5
 * layout, from the name's lower case and the month), so two managers who set Li Na's March target
 * on two laptops write one row of the team sync, not two that collide on (owner, month).
 */
export function salesTargetGid(owner: string, month: string): string {
  const h = createHash('sha1').update(`sales_targets\u0001${owner.toLowerCase()}\u0001${month}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * sales_targets becomes a team table of the sync (#20 item 5: the targets a manager sets reach every
 * laptop; src/shared/sync/tables.ts): a gid, salesTargetGid of the row's person and month, given by
 * every insert (the service's and the sync's); the rows already there get theirs here. The capture
 * triggers come when a book whose capture is on opens (src/main/db/capture-triggers.ts), as for
 * every shared table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`ALTER TABLE sales_targets ADD COLUMN gid TEXT`]);
  const { rows } = await sql<{ owner: string; month: string }>`SELECT owner, month FROM sales_targets`.execute(db);
  for (const r of rows) {
    await sql`UPDATE sales_targets SET gid = ${salesTargetGid(r.owner, r.month)} WHERE owner = ${r.owner} AND month = ${r.month}`.execute(
      db,
    );
  }
  await runStatements(db, [`CREATE UNIQUE INDEX sales_targets_gid ON sales_targets (gid)`]);
}

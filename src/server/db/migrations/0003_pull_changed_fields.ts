import { sql, type Kysely } from 'kysely';

/**
 * A pull sends a row's changed fields only (#19, pull+apply throughput): the fields whose writer
 * wrote them after the laptop's cursor. full_seq is the seq at which the row last had to go whole
 * to whoever pulls it: its insert, and every time a new audience may see it (a customer moved to
 * another owner or shared, a child moved to another customer). A pull from a cursor below
 * full_seq gets every field, as before. Rows that exist keep full_seq = seq: sent whole once more.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sync_rows ADD COLUMN full_seq bigint NOT NULL DEFAULT 0`.execute(db);
  await sql`UPDATE sync_rows SET full_seq = seq`.execute(db);
}

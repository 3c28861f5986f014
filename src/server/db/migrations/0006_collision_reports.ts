import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from './0002_sync';

/**
 * Collisions found at sync (撞单, #20): when a push brings a customer (new, or with changed keys)
 * that shares a key of the collision check (collision_keys: e-mail, company domain, company in its
 * country, phone) with a customer another salesperson owns, the pair is recorded here once, with
 * both owners as they were then. A lead captured offline at a fair is checked this way when the
 * laptop is back. Both salespeople named and the managers see the row; either of them, or a
 * manager, marks it handled. Written only by the server's 'system' step.
 */
const statements = [
  `CREATE TABLE collision_reports (
     id uuid PRIMARY KEY,
     customer_gid uuid NOT NULL REFERENCES sync_customers(gid),
     other_gid uuid NOT NULL REFERENCES sync_customers(gid),
     customer_owner uuid REFERENCES users(id),
     other_owner uuid REFERENCES users(id),
     kinds text[] NOT NULL,
     found_at timestamptz NOT NULL,
     handled_at timestamptz,
     handled_by uuid REFERENCES users(id),
     CHECK (customer_gid <> other_gid)
   )`,
  // One report per pair, whichever of the two arrived second.
  `CREATE UNIQUE INDEX collision_reports_pair ON collision_reports (least(customer_gid, other_gid), greatest(customer_gid, other_gid))`,
  `CREATE INDEX collision_reports_open ON collision_reports (found_at) WHERE handled_at IS NULL`,
  `ALTER TABLE collision_reports ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE collision_reports FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY sees ON collision_reports FOR SELECT TO ${APP_ROLE} USING (exportdesk_user() IS NOT NULL AND (
     exportdesk_sees_all() OR customer_owner = exportdesk_user() OR other_owner = exportdesk_user()))`,
  `CREATE POLICY records ON collision_reports FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_role() = 'system')`,
  `CREATE POLICY handles ON collision_reports FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_user() IS NOT NULL AND (exportdesk_sees_all() OR customer_owner = exportdesk_user() OR other_owner = exportdesk_user()))
     WITH CHECK (handled_by = exportdesk_user())`,
  `GRANT SELECT, INSERT, UPDATE (handled_at, handled_by) ON collision_reports TO ${APP_ROLE}`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

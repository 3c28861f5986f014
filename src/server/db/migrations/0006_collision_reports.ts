import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from './0002_sync';

/**
 * Collisions found at sync (撞单, #20): when a push brings a customer (new, or with changed keys)
 * that shares a key of the collision check (collision_keys: e-mail, company domain, company in its
 * country, phone) with a customer another salesperson owns, the pair is recorded here once, with
 * both owners as they were then. A lead captured offline at a fair is checked this way when the
 * laptop is back. Both salespeople named and the managers see the row; either of them, or a
 * manager, marks it handled. Written only by the server's 'system' step.
 *
 * And what a salesperson does about one (collision_requests): ask the owner to share the customer,
 * or pass them a lead for it.
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

  /**
   * What a salesperson asks of a colleague's customer the collision check found: to share it
   * ('share'), or to take a lead they met for it ('lead', its fields in `lead`). The asker, the
   * customer's owner (now: the registry says who) and the managers see a row; the owner or a
   * manager answers it; written only by the server's 'system' step. At most one open share request
   * per customer and asker.
   */
  `CREATE TABLE collision_requests (
     id uuid PRIMARY KEY,
     customer_gid uuid NOT NULL REFERENCES sync_customers(gid),
     kind text NOT NULL CHECK (kind IN ('share', 'lead')),
     by_user uuid NOT NULL REFERENCES users(id),
     lead jsonb,
     created_at timestamptz NOT NULL,
     answered_at timestamptz,
     answered_by uuid REFERENCES users(id),
     answer text CHECK (answer IN ('shared_read', 'shared_write', 'added', 'declined')),
     CHECK ((kind = 'lead') = (lead IS NOT NULL)),
     CHECK (answer <> 'added' OR kind = 'lead'),
     CHECK ((answered_at IS NULL) = (answer IS NULL))
   )`,
  `CREATE UNIQUE INDEX collision_requests_open_share ON collision_requests (customer_gid, by_user) WHERE kind = 'share' AND answered_at IS NULL`,
  `CREATE INDEX collision_requests_customer ON collision_requests (customer_gid)`,
  `CREATE INDEX collision_requests_by ON collision_requests (by_user)`,
  `ALTER TABLE collision_requests ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE collision_requests FORCE ROW LEVEL SECURITY`,
  /** Whether the current user owns this customer now (under their own sight of the registry). */
  `CREATE FUNCTION exportdesk_owns(customer uuid) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT EXISTS (SELECT 1 FROM sync_customers c WHERE c.gid = customer AND c.owner_user_id = exportdesk_user()) $$`,
  `CREATE POLICY sees ON collision_requests FOR SELECT TO ${APP_ROLE} USING (exportdesk_user() IS NOT NULL AND (
     exportdesk_sees_all() OR by_user = exportdesk_user() OR exportdesk_owns(customer_gid)))`,
  `CREATE POLICY asks ON collision_requests FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_role() = 'system')`,
  `CREATE POLICY answers ON collision_requests FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_user() IS NOT NULL AND (exportdesk_sees_all() OR exportdesk_owns(customer_gid)))
     WITH CHECK (answered_by = exportdesk_user())`,
  `GRANT SELECT, INSERT, UPDATE (answered_at, answered_by, answer) ON collision_requests TO ${APP_ROLE}`,
  // An owner's answer "share" is carried out by the 'system' step (the managers' own endpoint shares directly).
  `CREATE POLICY sees_on_request ON customer_shares FOR SELECT TO ${APP_ROLE} USING (exportdesk_role() = 'system')`,
  `CREATE POLICY shares_on_request ON customer_shares FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_role() = 'system')`,
  `CREATE POLICY reshares_on_request ON customer_shares FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_role() = 'system') WITH CHECK (exportdesk_role() = 'system')`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from './0002_sync';

/**
 * The public pool (#20): who held a customer since when, and every change of owner with who and why.
 *
 * - sync_customers.owned_since: when its owner got it (a claim, a transfer, a registration); the
 *   return rules count from it, so a customer just claimed is not returned for its past. Customers
 *   that exist get the migration's time: an upgrade does not empty anyone's book at once.
 * - owner_events: one row per change of owner (claim, release, rule, transfer) with the users and,
 *   for a rule, which one; the cooling-off reads a salesperson's releases from it, the manager's view
 *   its counts. Written only by the server's 'system' step (after a write it accepted, or by the
 *   return rules), seen by managers and by the users it names.
 */
const statements = [
  `ALTER TABLE sync_customers ADD COLUMN owned_since timestamptz NOT NULL DEFAULT now()`,
  `CREATE TABLE owner_events (
     id uuid PRIMARY KEY,
     seq bigint NOT NULL,
     customer_gid uuid NOT NULL REFERENCES sync_customers(gid),
     from_user uuid REFERENCES users(id),
     to_user uuid REFERENCES users(id),
     by_user uuid REFERENCES users(id),
     reason text NOT NULL CHECK (reason IN ('claim', 'release', 'rule', 'transfer')),
     rule jsonb,
     at timestamptz NOT NULL
   )`,
  `CREATE INDEX owner_events_customer ON owner_events (customer_gid, at)`,
  `CREATE INDEX owner_events_released ON owner_events (from_user, customer_gid, at) WHERE reason = 'release'`,
  `CREATE INDEX owner_events_at ON owner_events (at)`,
  `ALTER TABLE owner_events ENABLE ROW LEVEL SECURITY`,
  `ALTER TABLE owner_events FORCE ROW LEVEL SECURITY`,
  `CREATE POLICY sees ON owner_events FOR SELECT TO ${APP_ROLE} USING (exportdesk_user() IS NOT NULL AND (
     exportdesk_sees_all() OR from_user = exportdesk_user() OR to_user = exportdesk_user() OR by_user = exportdesk_user()))`,
  `CREATE POLICY records ON owner_events FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_role() = 'system')`,
  `GRANT SELECT, INSERT ON owner_events TO ${APP_ROLE}`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

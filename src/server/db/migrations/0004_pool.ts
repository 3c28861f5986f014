import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from './0002_sync';

/**
 * The public pool (#20): who held a customer since when, and every change of owner with who and why.
 *
 * - sync_customers.owned_since: when its owner got it (a claim, a transfer, a registration); the
 *   return rules count from it, so a customer just claimed is not returned for its past. Customers
 *   that exist get the migration's time: an upgrade does not empty anyone's book at once.
 * - sync_customers.last_done_at / last_order_at / archived: what the rules read, kept up to date by
 *   the pushes that change a customer's follow-ups, orders or archive state.
 * - owner_events: one row per change of owner (claim, release, rule, transfer) with the users and,
 *   for a rule, which one; the cooling-off reads a salesperson's releases from it, the manager's view
 *   its counts. Written only by the server's 'system' step (after a write it accepted, or by the
 *   return rules), seen by managers and by the users it names.
 */

/**
 * The facts of a customer `c` the return rules read, as an UPDATE's SET clause: the migration fills
 * them once, the runtime's refreshFacts (src/server/sync/pool.ts) for the customers a push changed.
 */
export const FACTS_SET = `
     last_done_at = (SELECT max(exportdesk_ts(f.fields ->> 'done_at')) FROM sync_rows f
                     WHERE f.customer_gid = c.gid AND f.tbl = 'follow_ups' AND f.fields ->> 'status' = 'done'
                       AND coalesce(f.fields ->> '_deleted', 'false') <> 'true'),
     last_order_at = (SELECT max(exportdesk_ts(o.fields ->> 'ordered_at')) FROM sync_rows o
                      WHERE o.customer_gid = c.gid AND o.tbl = 'orders' AND coalesce(o.fields ->> 'cancelled', '0') NOT IN ('1', 'true')
                        AND coalesce(o.fields ->> '_deleted', 'false') <> 'true'),
     archived = EXISTS (SELECT 1 FROM sync_rows r WHERE r.tbl = 'customers' AND r.gid = c.gid
                        AND (coalesce(r.fields ->> 'archived_at', '') <> '' OR coalesce(r.fields ->> '_deleted', 'false') = 'true'))`;

const statements = [
  `ALTER TABLE sync_customers ADD COLUMN owned_since timestamptz NOT NULL DEFAULT now()`,
  // The facts the return rules read, kept by every push that changes a customer's follow-ups or
  // orders (src/server/sync/pool.ts refreshFacts), so the hourly run reads one row per customer.
  `ALTER TABLE sync_customers ADD COLUMN last_done_at timestamptz`,
  `ALTER TABLE sync_customers ADD COLUMN last_order_at timestamptz`,
  `ALTER TABLE sync_customers ADD COLUMN archived boolean NOT NULL DEFAULT false`,
  /** A laptop's time text as a timestamptz; null when it is not one (a value the server stores but cannot read as a time). */
  `CREATE FUNCTION exportdesk_ts(t text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
   BEGIN
     IF t IS NULL OR t = '' THEN RETURN NULL; END IF;
     RETURN t::timestamptz;
   EXCEPTION WHEN others THEN RETURN NULL;
   END $$`,
  `UPDATE sync_customers c SET ${FACTS_SET}`,
  `CREATE INDEX sync_customers_owned ON sync_customers (owner_user_id) INCLUDE (owned_since, last_done_at, last_order_at) WHERE owner_user_id IS NOT NULL AND NOT archived`,
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

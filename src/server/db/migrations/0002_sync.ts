import { sql, type Kysely } from 'kysely';

/**
 * Sync storage and row-level security (#19 items 3-4).
 *
 * Storage is generic and field-level: one sync_rows row per laptop row (tbl, gid) with its fields
 * as jsonb, each field's HLC (clocks) and who wrote it at which seq (writers: field → {d: device,
 * u: user, s: seq, o: op id}); sync_ops remembers every op id (idempotency); sync_conflicts logs
 * every concurrent overwrite once; sync_counter is the one-row sequence every writer locks, so seqs
 * are assigned in commit order. sync_customers is the ownership registry (customer gid → owning
 * user, null = public); customer_shares shares a customer with a user; sync_access_log records who
 * lost sight of which customer at which seq (a pull's `removed`).
 *
 * Visibility is PostgreSQL's: every request runs as exportdesk_app (NOLOGIN, owns nothing, no
 * BYPASSRLS) with exportdesk.user_id and exportdesk.role set for its transaction; every table
 * here has row-level security enabled and forced. 'system' is the role the server takes for the
 * consequences of an accepted write that no user may do directly (moving a customer to its new
 * owner's sight).
 */
export const APP_ROLE = 'exportdesk_app';

const statements = [
  // The role is cluster-wide: another database on the same cluster may have made it (or be making
  // it right now), so duplicates are expected.
  `DO $$ BEGIN
     CREATE ROLE ${APP_ROLE} NOLOGIN NOINHERIT NOBYPASSRLS;
   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
   END $$`,
  // The server's login role must be able to SET ROLE to it (a superuser can anyway; a role with
  // CREATEROLE that made it has ADMIN on it and grants itself membership).
  `DO $$ BEGIN
     EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
   EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'GRANT ${APP_ROLE}: %', SQLERRM;
   END $$`,

  `CREATE FUNCTION exportdesk_user() RETURNS uuid LANGUAGE sql STABLE AS
     $$ SELECT nullif(current_setting('exportdesk.user_id', true), '')::uuid $$`,
  `CREATE FUNCTION exportdesk_role() RETURNS text LANGUAGE sql STABLE AS
     $$ SELECT coalesce(current_setting('exportdesk.role', true), '') $$`,
  /** Managers and admins see and write everything (and so does the server's 'system' step). */
  `CREATE FUNCTION exportdesk_sees_all() RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT exportdesk_role() IN ('manager', 'admin', 'system') $$`,

  `CREATE TABLE sync_counter (
     id integer PRIMARY KEY CHECK (id = 1),
     seq bigint NOT NULL
   )`,
  `INSERT INTO sync_counter (id, seq) VALUES (1, 0)`,

  `CREATE TABLE sync_customers (
     gid uuid PRIMARY KEY,
     owner_user_id uuid REFERENCES users(id)
   )`,
  `CREATE INDEX sync_customers_owner ON sync_customers (owner_user_id)`,

  `CREATE TABLE customer_shares (
     customer_gid uuid NOT NULL REFERENCES sync_customers(gid),
     user_id uuid NOT NULL REFERENCES users(id),
     can_write boolean NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (customer_gid, user_id)
   )`,
  `CREATE INDEX customer_shares_user ON customer_shares (user_id, customer_gid)`,

  `CREATE TABLE sync_rows (
     tbl text NOT NULL,
     gid uuid NOT NULL,
     customer_gid uuid REFERENCES sync_customers(gid),
     owner_user_id uuid REFERENCES users(id),
     team boolean NOT NULL,
     fields jsonb NOT NULL,
     clocks jsonb NOT NULL,
     writers jsonb NOT NULL,
     seq bigint NOT NULL,
     PRIMARY KEY (tbl, gid),
     CHECK (team = (customer_gid IS NULL)),
     CHECK (NOT team OR owner_user_id IS NULL)
   )`,
  `CREATE UNIQUE INDEX sync_rows_seq ON sync_rows (seq)`,
  `CREATE INDEX sync_rows_customer ON sync_rows (customer_gid)`,

  // No foreign keys here: the device and user are the request's own (checked at sign-in), and
  // two lookups per op would be most of a push's time.
  `CREATE TABLE sync_ops (
     op_id uuid PRIMARY KEY,
     seq bigint NOT NULL,
     device_id uuid NOT NULL,
     user_id uuid NOT NULL,
     tbl text NOT NULL,
     gid uuid NOT NULL,
     field text NOT NULL,
     hlc text NOT NULL,
     status text NOT NULL CHECK (status IN ('applied', 'rejected')),
     code text,
     won boolean,
     clamped boolean NOT NULL DEFAULT false,
     received_at timestamptz NOT NULL DEFAULT now()
   )`,

  `CREATE TABLE sync_conflicts (
     id uuid PRIMARY KEY,
     seq bigint NOT NULL UNIQUE,
     tbl text NOT NULL,
     gid uuid NOT NULL,
     customer_gid uuid,
     field text NOT NULL,
     kept_value jsonb,
     kept_hlc text NOT NULL,
     kept_device_id uuid,
     kept_user_id uuid,
     kept_op_id uuid,
     lost_value jsonb,
     lost_hlc text NOT NULL,
     lost_device_id uuid,
     lost_user_id uuid,
     lost_op_id uuid,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX sync_conflicts_kept_user ON sync_conflicts (kept_user_id, seq)`,
  `CREATE INDEX sync_conflicts_lost_user ON sync_conflicts (lost_user_id, seq)`,

  `CREATE TABLE sync_access_log (
     seq bigint NOT NULL,
     user_id uuid NOT NULL REFERENCES users(id),
     customer_gid uuid NOT NULL,
     PRIMARY KEY (user_id, seq, customer_gid)
   )`,

  // Row-level security, enabled and forced (the table owner too) on every table that holds a
  // customer's data or who may see it.
  ...['sync_customers', 'customer_shares', 'sync_rows', 'sync_ops', 'sync_conflicts', 'sync_access_log'].flatMap((t) => [
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
  ]),

  /** Whether the current user may see / write the customer (by the registry and the shares). */
  `CREATE FUNCTION exportdesk_shared(customer uuid, writable boolean) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT EXISTS (SELECT 1 FROM customer_shares s
                       WHERE s.customer_gid = customer AND s.user_id = exportdesk_user() AND (s.can_write OR NOT writable)) $$`,

  `CREATE POLICY sees ON sync_customers FOR SELECT TO ${APP_ROLE} USING (exportdesk_user() IS NOT NULL AND (
     exportdesk_sees_all() OR owner_user_id IS NULL OR owner_user_id = exportdesk_user() OR exportdesk_shared(gid, false)))`,
  // A new customer is registered as public or the writer's own; only the 'system' step moves one.
  `CREATE POLICY registers ON sync_customers FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_user() IS NOT NULL AND (
     exportdesk_sees_all() OR owner_user_id IS NULL OR owner_user_id = exportdesk_user()))`,
  `CREATE POLICY moves ON sync_customers FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_role() = 'system') WITH CHECK (exportdesk_role() = 'system')`,

  `CREATE POLICY sees ON customer_shares FOR SELECT TO ${APP_ROLE} USING (
     exportdesk_role() IN ('manager', 'admin') OR user_id = exportdesk_user())`,
  `CREATE POLICY shares ON customer_shares FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_role() IN ('manager', 'admin'))`,
  `CREATE POLICY reshares ON customer_shares FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_role() IN ('manager', 'admin')) WITH CHECK (exportdesk_role() IN ('manager', 'admin'))`,
  `CREATE POLICY unshares ON customer_shares FOR DELETE TO ${APP_ROLE} USING (exportdesk_role() IN ('manager', 'admin'))`,

  // A row is seen by its customer's audience (owner_user_id is the customer's owner, kept equal to
  // the registry's by the write check below), team settings by everyone; with no user set, nothing.
  `CREATE POLICY sees ON sync_rows FOR SELECT TO ${APP_ROLE} USING (exportdesk_user() IS NOT NULL AND (
     team OR exportdesk_sees_all() OR owner_user_id IS NULL OR owner_user_id = exportdesk_user()
     OR exportdesk_shared(customer_gid, false)))`,
  /** Whether the current user may write a row of this customer (by the owner the row carries). */
  `CREATE FUNCTION exportdesk_may_write(is_team boolean, customer uuid, owner uuid) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT exportdesk_user() IS NOT NULL AND CASE
                 WHEN is_team THEN exportdesk_sees_all()
                 ELSE exportdesk_sees_all() OR owner IS NULL OR owner = exportdesk_user() OR exportdesk_shared(customer, true)
               END $$`,
  /**
   * What a written row must be: writable by the current user, and (a customer's row) carrying the
   * owner the registry has for its customer, in a registry row the user can see: a row cannot be
   * slipped under another's customer, nor made public by writing a null owner into it.
   */
  `CREATE FUNCTION exportdesk_row_ok(is_team boolean, customer uuid, owner uuid) RETURNS boolean LANGUAGE sql STABLE AS
     $$ SELECT exportdesk_may_write(is_team, customer, owner)
               AND (is_team OR EXISTS (SELECT 1 FROM sync_customers c WHERE c.gid = customer AND c.owner_user_id IS NOT DISTINCT FROM owner)) $$`,
  `CREATE POLICY writes ON sync_rows FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_row_ok(team, customer_gid, owner_user_id))`,
  `CREATE POLICY rewrites ON sync_rows FOR UPDATE TO ${APP_ROLE}
     USING (exportdesk_may_write(team, customer_gid, owner_user_id)) WITH CHECK (exportdesk_row_ok(team, customer_gid, owner_user_id))`,

  `CREATE POLICY own ON sync_ops FOR SELECT TO ${APP_ROLE} USING (user_id = exportdesk_user())`,
  `CREATE POLICY records ON sync_ops FOR INSERT TO ${APP_ROLE} WITH CHECK (user_id = exportdesk_user())`,

  `CREATE POLICY involved ON sync_conflicts FOR SELECT TO ${APP_ROLE} USING (
     exportdesk_sees_all() OR kept_user_id = exportdesk_user() OR lost_user_id = exportdesk_user())`,
  `CREATE POLICY logs ON sync_conflicts FOR INSERT TO ${APP_ROLE} WITH CHECK (
     exportdesk_sees_all() OR kept_user_id = exportdesk_user() OR lost_user_id = exportdesk_user())`,

  `CREATE POLICY own ON sync_access_log FOR SELECT TO ${APP_ROLE} USING (exportdesk_sees_all() OR user_id = exportdesk_user())`,
  `CREATE POLICY logs ON sync_access_log FOR INSERT TO ${APP_ROLE} WITH CHECK (exportdesk_sees_all())`,

  // The app role owns nothing and gets only what requests need (no DELETE of synced data: deletes
  // are a field). users: the columns that map an owner's name to a user, not the password hash.
  `GRANT SELECT, UPDATE ON sync_counter TO ${APP_ROLE}`,
  `GRANT SELECT, INSERT, UPDATE ON sync_customers, sync_rows TO ${APP_ROLE}`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON customer_shares TO ${APP_ROLE}`,
  `GRANT SELECT, INSERT ON sync_ops, sync_conflicts, sync_access_log TO ${APP_ROLE}`,
  `GRANT SELECT (id, name, role, removed_at) ON users TO ${APP_ROLE}`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

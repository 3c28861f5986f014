import { sql, type Kysely, type RawBuilder } from 'kysely';
import { APP_ROLE } from './0002_sync';

/**
 * The collision check (查重/撞单, #20): the import's matching keys of every customer of the team —
 * the company key with its country, the web domain, each contact's e-mail, e-mail domain and the
 * last nine digits of their phone and mobile — kept as SHA-256 hashes in collision_keys, one
 * indexed lookup per key. The keys are refreshed by each push that changes a customer's or its
 * contacts' keyed fields (src/server/sync/collisions.ts refreshKeys).
 *
 * No row-level security on this table: it holds hashes and customer ids only, and a lookup must see
 * every customer (RLS would also keep PostgreSQL from using an expression index on sync_rows for
 * them: lower() and ->> are not leakproof).
 */
export const keysOfCustomers = (gids: RawBuilder<unknown>) => sql`
  SELECT customer_gid, kind, sha256(convert_to(k, 'UTF8')) AS key FROM (
    SELECT r.gid AS customer_gid, 'company' AS kind, 'c:' || (r.fields ->> 'company_key') || '|' || coalesce(r.fields ->> 'country', '') AS k
      FROM sync_rows r WHERE r.tbl = 'customers' AND r.gid = ANY(${gids}) AND coalesce(r.fields ->> 'company_key', '') <> ''
        AND coalesce(r.fields ->> '_deleted', 'false') <> 'true'
    UNION ALL
    SELECT r.gid, 'domain', 'd:' || lower(r.fields ->> 'website_domain')
      FROM sync_rows r WHERE r.tbl = 'customers' AND r.gid = ANY(${gids}) AND coalesce(r.fields ->> 'website_domain', '') <> ''
        AND coalesce(r.fields ->> '_deleted', 'false') <> 'true'
    UNION ALL
    SELECT r.customer_gid, x.kind, x.k
      FROM sync_rows r CROSS JOIN LATERAL (VALUES
        ('email', 'e:' || lower(trim(r.fields ->> 'email'))),
        ('domain', 'd:' || split_part(lower(trim(r.fields ->> 'email')), '@', 2)),
        ('phone', 'p:' || right(regexp_replace(coalesce(r.fields ->> 'phone', ''), '[^0-9]', '', 'g'), 9)),
        ('phone', 'p:' || right(regexp_replace(coalesce(r.fields ->> 'mobile', ''), '[^0-9]', '', 'g'), 9))
      ) AS x(kind, k)
      WHERE r.tbl = 'contacts' AND r.customer_gid = ANY(${gids}) AND coalesce(r.fields ->> '_deleted', 'false') <> 'true'
        AND CASE x.kind WHEN 'phone' THEN length(x.k) >= 8 WHEN 'email' THEN x.k LIKE 'e:%@%' ELSE x.k <> 'd:' END
  ) keys`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE collision_keys (customer_gid uuid NOT NULL, kind text NOT NULL, key bytea NOT NULL)`.execute(db);
  await sql`INSERT INTO collision_keys (customer_gid, kind, key) ${keysOfCustomers(sql`ARRAY(SELECT gid FROM sync_customers)`)}`.execute(
    db,
  );
  await sql`CREATE INDEX collision_keys_key ON collision_keys (key)`.execute(db);
  await sql`CREATE INDEX collision_keys_customer ON collision_keys (customer_gid)`.execute(db);
  await sql.raw(`GRANT SELECT, INSERT, DELETE ON collision_keys TO ${APP_ROLE}`).execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * Identity: users and their devices. Nothing is ever deleted: a user is marked removed, a device
 * revoked. A removed user's login may be given to a new user (unique among users not removed).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the database as it was then, not today's type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('salesperson', 'manager', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('users_login_active')
    .on('users')
    .unique()
    .expression(sql`lower(login)`)
    .where(sql.ref('removed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();
}

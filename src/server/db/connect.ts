import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './schema';

/** A Kysely over a pg Pool (Kysely's PostgresDialect): the server's one way to its database. */
export function connect(url: string, options: { max?: number; onError?: (err: Error) => void } = {}): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (PostgreSQL restarted) must not take the process down.
  pool.on('error', options.onError ?? (() => undefined));
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL with its password hidden, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparseable URL)';
  }
}

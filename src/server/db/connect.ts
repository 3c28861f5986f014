import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './schema';

/** A Kysely over a pg Pool (Kysely's PostgresDialect): the server's one way to its database. */
export function connect(url: string, options: { max?: number; onError?: (err: Error) => void } = {}): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // A connection that breaks (PostgreSQL stopped or restarted) must not take the process down. The
  // pool listens for errors of idle connections only; one checked out (in a request's transaction,
  // between two queries) has no listener while in use, and its 'error' event would be unhandled:
  // every connection gets one of its own. The query in flight fails, and the pool drops the
  // connection when it is released (not queryable any more).
  const onError = options.onError ?? (() => undefined);
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
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

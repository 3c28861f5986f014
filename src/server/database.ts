import type { Kysely } from 'kysely';
import { connect, redactUrl } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { ServerDatabase } from './db/schema';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * The database of one server process (or one `server users` command): an existing PostgreSQL
 * (--pg) or the embedded one in the data folder, migrated to the latest schema before use.
 */
export interface ServerDb {
  db: Kysely<ServerDatabase>;
  /** Where it is, password hidden. */
  describe: string;
  /** Its URL (the sync listener opens its own connection with it). */
  url: string;
  embedded: EmbeddedPostgres | null;
  applied: string[];
  close(): Promise<void>;
}

export async function openServerDatabase(options: {
  dataDir: string;
  pgUrl?: string | undefined;
  fast?: boolean;
  log?: (line: string) => void;
}): Promise<ServerDb> {
  const embedded = options.pgUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: options.dataDir, fast: options.fast ?? false, log: options.log ?? (() => undefined) });
  const url = options.pgUrl ?? embedded!.url;
  const db = connect(url);
  const close = async () => {
    await db.destroy();
    if (embedded?.startedHere) await embedded.stop();
  };
  try {
    const { applied } = await migrateToLatest(db);
    const describe = embedded
      ? `embedded PostgreSQL on 127.0.0.1:${embedded.settings.port}${embedded.startedHere ? '' : ' (already running)'}`
      : redactUrl(url);
    return { db, describe, url, embedded, applied, close };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}

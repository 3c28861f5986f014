import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The laptop's team membership (issue #19, item 5; the client is src/main/sync/client.ts and
 * team-sync.ts).
 *
 * - sync_state gains the team this book syncs with: the server's address, the pinned certificate
 *   fingerprint (SHA-256, hex), this device's token and id as the server issued them at login, the
 *   device name, the user (JSON: id, name, login, role), when it joined, the last sync, and where
 *   the first sync stands ('' not joined, 'download', 'upload', 'done'). The token is kept here
 *   in the book: the engine runs in a worker thread without Electron's safeStorage (the OS
 *   keychain); moving it there is the follow-up.
 * - sync_conflicts gains `code`: a local change the server refused (its op's reject code:
 *   FORBIDDEN, NO_PARENT…) or lost because the customer left this user's sight (REMOVED); the row
 *   keeps the change's value (local_value), so nothing is dropped silently. `by_user`: who wrote
 *   the other value, when the server said; `server_id`: the server's conflict id (each once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE sync_state ADD COLUMN team_server TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN team_fingerprint TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN team_token TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN team_device_id TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN team_device_name TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN team_user TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE sync_state ADD COLUMN joined_at TEXT`,
    `ALTER TABLE sync_state ADD COLUMN last_sync_at TEXT`,
    `ALTER TABLE sync_state ADD COLUMN first_sync TEXT NOT NULL DEFAULT '' CHECK (first_sync IN ('', 'download', 'upload', 'done'))`,
    `ALTER TABLE sync_conflicts ADD COLUMN code TEXT`,
    `ALTER TABLE sync_conflicts ADD COLUMN by_user TEXT`,
    `ALTER TABLE sync_conflicts ADD COLUMN server_id TEXT`,
    `CREATE UNIQUE INDEX sync_conflicts_server ON sync_conflicts (server_id) WHERE server_id IS NOT NULL`,
  ]);
}

import { sql, type Kysely } from 'kysely';
import { encodeTeamToken, TEAM_TOKEN_SECRET } from '../../secrets/team-token';
import type { MigrationContext } from './context';
import { runStatements } from './run-statements';

/**
 * The team server's device token leaves the book (issue #19's leftover; 0014 kept it in
 * sync_state.team_token): it moves to the secret store (secrets/secret-store.ts: the OS keychain
 * through Electron's safeStorage in the app, a plain file beside the book elsewhere) and the
 * column is dropped. A book in a team stays joined: its token is in the store before this step
 * commits, so a crash between the two leaves the token in both places and the next start moves it
 * again. The column's old bytes are overwritten (secure_delete) so the file keeps no copy in its
 * free space. Whether a book is in a team is now sync_state.team_device_id (set at join, cleared
 * at leave, as the token was).
 */
async function moveToken(db: Kysely<unknown>, context: MigrationContext | null): Promise<void> {
  const { rows } = await sql<{ token: string; deviceId: string }>`
    SELECT team_token AS token, team_device_id AS deviceId FROM sync_state WHERE id = 1`.execute(db);
  const row = rows[0];
  if (row?.token) {
    if (!context?.secrets) throw new Error('this book holds a team token and there is no secret store to move it to');
    await context.secrets.set(TEAM_TOKEN_SECRET, encodeTeamToken(row.deviceId, row.token));
  }
  await runStatements(db, ['PRAGMA secure_delete = ON']);
  try {
    await runStatements(db, [`UPDATE sync_state SET team_token = ''`, `ALTER TABLE sync_state DROP COLUMN team_token`]);
  } finally {
    await runStatements(db, ['PRAGMA secure_delete = OFF']);
  }
}

/** Without a context (a bare Migrator): only a book without a token migrates. */
export function up(db: Kysely<unknown>): Promise<void> {
  return moveToken(db, null);
}

/** migrate.ts runs this one with its context: the secret store the token moves to. */
export function withContext(context: MigrationContext) {
  return { up: (db: Kysely<unknown>) => moveToken(db, context) };
}

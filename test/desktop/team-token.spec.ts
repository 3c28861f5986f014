/**
 * The team server's device token in the installed app (issue #19's leftover): kept by the main
 * process, encrypted with safeStorage (the stand-in's reversible fake) in userData/secrets.json,
 * which the engine worker reaches by messages; never in the book. A book of the previous version
 * that holds its token moves it there at its first start; leaving the team deletes it. Without a
 * keyring the app keeps it in the plain file beside the book and says why in its log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rewindToSchema20 } from '../support/book-of-0020';
import type { DesktopApp } from './desktop-shell';
import { api } from './page-api';
import { expect, test } from './fixtures';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef-desktop';
const DEVICE = '0192f5c4-1111-7000-8000-00000000d001';

async function quit(app: DesktopApp): Promise<void> {
  expect(await app.quit(), app.output()).toBe(0);
}

/** The book as ExportDesk kept it before 0021: a laptop in a team with its token in sync_state.team_token. */
function makeOldJoinedBook(dbPath: string): void {
  const raw = new Database(dbPath);
  rewindToSchema20(raw);
  raw
    .prepare(
      `UPDATE sync_state SET team_token = ?, team_device_id = ?, team_server = 'https://127.0.0.1:9', team_fingerprint = ?,
         team_device_name = 'Desk', team_user = ?, first_sync = 'done', joined_at = '2026-01-01T00:00:00.000Z' WHERE id = 1`,
    )
    .run(TOKEN, DEVICE, 'ab'.repeat(32), JSON.stringify({ id: 'u1', name: 'Li Na', login: 'lina', role: 'salesperson' }));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  expect(readFileSync(dbPath).includes(TOKEN)).toBe(true);
}

/** What the stand-in's safeStorage.decryptString does (its fake key), to read what main kept. */
function standInDecrypt(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const mark = Buffer.from('SIMKEYCHAIN1:');
  expect(bytes.subarray(0, mark.length).equals(mark)).toBe(true);
  const key = Buffer.from('stand-in keychain key');
  return Buffer.from(bytes.subarray(mark.length).map((b, i) => b ^ key[i % key.length]!)).toString('utf8');
}

const bookBytes = (dbPath: string) =>
  Buffer.concat(['', '-wal'].map((s) => (existsSync(dbPath + s) ? readFileSync(dbPath + s) : Buffer.alloc(0))));

test.describe('the team token in the installed app', () => {
  test('an upgraded book’s token moves to the keychain store through main (encrypted in userData), leaves the book, and leaving the team deletes it', async ({
    desktop,
  }) => {
    const first = await desktop.launch();
    await first.window();
    await quit(first);
    makeOldJoinedBook(desktop.dbPath);

    const app = await desktop.launch();
    const page = await app.window();
    // Still in the team (no new login): the token was moved, not dropped.
    const status = await api(page, 'team.status', {});
    expect(status).toMatchObject({ server: 'https://127.0.0.1:9', user: { login: 'lina' } });
    expect(status.problem?.code ?? null).not.toBe('UNAUTHENTICATED');
    const secretsFile = join(desktop.userData, 'secrets.json');
    const kept = JSON.parse(readFileSync(secretsFile, 'utf8')) as { encrypted: boolean; secrets: Record<string, string> };
    expect(kept.encrypted).toBe(true);
    expect(readFileSync(secretsFile, 'utf8')).not.toContain(TOKEN);
    expect(JSON.parse(standInDecrypt(kept.secrets['team.token']!))).toEqual({ deviceId: DEVICE, token: TOKEN });
    expect(existsSync(join(desktop.userData, 'ExportDesk-secrets-unencrypted.json'))).toBe(false);

    await api(page, 'team.leave', {});
    expect(existsSync(secretsFile)).toBe(false);
    await quit(app);
    expect(bookBytes(desktop.dbPath).includes(TOKEN)).toBe(false);
    expect(app.output()).not.toContain('not in the OS keychain');
  });

  test('without a keyring (safeStorage cannot encrypt) the token goes to the plain file beside the book, and the log says why', async ({
    desktop,
  }) => {
    const first = await desktop.launch({ keychain: 'none' });
    await first.window();
    await quit(first);
    makeOldJoinedBook(desktop.dbPath);

    const app = await desktop.launch({ keychain: 'none' });
    const page = await app.window();
    expect(await api(page, 'team.status', {})).toMatchObject({ server: 'https://127.0.0.1:9' });
    const plainFile = join(desktop.userData, 'ExportDesk-secrets-unencrypted.json');
    expect(JSON.parse(readFileSync(plainFile, 'utf8'))).toMatchObject({ encrypted: false });
    expect(existsSync(join(desktop.userData, 'secrets.json'))).toBe(false);
    await quit(app);
    expect(bookBytes(desktop.dbPath).includes(TOKEN)).toBe(false);
    expect(app.output()).toMatch(/secrets are kept unencrypted beside the book \(mode 0600\), not in the OS keychain: .*keyring/);
  });
});

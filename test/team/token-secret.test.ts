import { rewindToSchema20 } from '../support/book-of-0020';
import { MIGRATION_NAMES } from '../../src/main/db/migrations';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import type { EngineHandle } from '../../src/main/engine/worker-client';
import { openSqlite } from '../../src/main/db/connection';
import {
  encryptedSecretStore,
  plainSecretStore,
  plainSecretsPathFor,
  type SecretStore,
  type StringCipher,
} from '../../src/main/secrets/secret-store';
import { decodeTeamToken, TEAM_TOKEN_SECRET } from '../../src/main/secrets/team-token';
import { startBuiltEngine } from '../../src/bridge/start-engine';
import { dispatch, type EngineCall } from '../../src/shared/ipc/dispatch';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import { tempDir } from '../server/helpers';
import { member, PASSWORD, teamServerForFile, waitFor } from './helpers';

/**
 * The device token lives in the secret store, never in the book (issue #19's leftover): after a
 * join the book's bytes do not hold it, the store does (encrypted in the keychain store, in the
 * plain fallback file beside the book otherwise), a book of the previous version that holds it
 * moves it out at its first start and stays joined, leaving deletes it, and a restarted laptop
 * syncs with it.
 */
const team = teamServerForFile();

/** A reversible stand-in for safeStorage (what the app's store gets from Electron). */
const fakeCipher: StringCipher = {
  encryptStringAsync: (v) => Promise.resolve(Buffer.concat([Buffer.from('ENC:'), Buffer.from(v, 'utf8').map((b) => b ^ 0x5a)])),
  decryptStringAsync: (b) => {
    if (!b.subarray(0, 4).equals(Buffer.from('ENC:'))) return Promise.reject(new Error('not encrypted by this cipher'));
    return Promise.resolve({ result: Buffer.from(b.subarray(4).map((x) => x ^ 0x5a)).toString('utf8'), shouldReEncrypt: false });
  },
};

interface Book {
  dbPath: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fails(channel: Channel, input: unknown): Promise<string>;
  close(): Promise<void>;
}

function book(dbPath: string, engineCall: EngineCall, close: () => Promise<void>): Book {
  return {
    dbPath,
    async call(channel, input) {
      const r = await dispatch(engineCall, channel, input, {}, true);
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
      return r.value as never;
    },
    async fails(channel, input) {
      const r = await dispatch(engineCall, channel, input as never, {}, true);
      if (r.ok) throw new Error(`${channel} succeeded`);
      return r.error.code;
    },
    close,
  };
}

/** An in-process engine on `dbPath` (the CLI's and the tests' way), with the app's store when given. */
async function open(dbPath: string, secrets?: SecretStore): Promise<Book & { engine: Engine }> {
  const engine = await createEngine({
    dbPath,
    mode: 'in-process',
    appVersion: 'test',
    team: { background: false },
    ...(secrets ? { secrets } : {}),
  });
  return { ...book(dbPath, engine.call, () => engine.close()), engine };
}

/** The built engine worker (out/main/engine-worker.js), its secrets kept by this owner as Electron main keeps them. */
async function openWorker(dbPath: string, secrets: SecretStore): Promise<Book> {
  const handle: EngineHandle = await startBuiltEngine(dbPath, { secrets });
  return book(dbPath, handle.call, () => handle.close());
}

async function joinTeam(b: Book, login: string): Promise<void> {
  await b.call('team.join', {
    server: team.api.url,
    login,
    password: PASSWORD,
    fingerprint: team.api.fingerprint,
    deviceName: 'laptop',
  });
}

/** Every byte SQLite keeps of the book: the file and its side files. */
function bookBytes(dbPath: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm', '-journal'].map((s) => (existsSync(dbPath + s) ? readFileSync(dbPath + s) : Buffer.alloc(0))));
}

function deviceIdOf(dbPath: string): string {
  const db = openSqlite(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT team_device_id AS d FROM sync_state WHERE id = 1').get() as { d: string }).d;
  } finally {
    db.close();
  }
}

async function tokenIn(store: SecretStore, dbPath: string): Promise<string | null> {
  return decodeTeamToken(await store.get(TEAM_TOKEN_SECRET), deviceIdOf(dbPath));
}

/** Whether the server has a customer of this company (as its owner sees it): the proof a sync went up. */
async function onServer(company: string): Promise<boolean> {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from sync_rows where tbl = 'customers' and fields->>'company' = ${company}`.execute(team.db);
  return Number(rows[0]?.n ?? 0) > 0;
}

describe('the team token is kept out of the book', () => {
  it('a join without safeStorage (CLI, tests): the token is in the plain file beside the book (0600), not in the book; a restart syncs; leaving deletes it', async () => {
    const dir = tempDir('token-plain');
    const dbPath = join(dir, 'ExportDesk.db');
    const u = await member(team.db, 'Pia Plain');
    let b = await open(dbPath);
    await joinTeam(b, u.login);
    await b.call('customers.create', { company: 'Plain File Trading', country: 'DE', owner: 'Pia Plain' });
    await b.call('team.sync', {});
    await b.close();

    const plain = plainSecretStore(plainSecretsPathFor(dbPath));
    expect(plainSecretsPathFor(dbPath)).toBe(join(dir, 'ExportDesk-secrets-unencrypted.json'));
    const token = await tokenIn(plain, dbPath);
    expect(token).toMatch(/.{20,}/);
    if (process.platform !== 'win32') expect(statSync(plainSecretsPathFor(dbPath)).mode & 0o777).toBe(0o600);
    expect(bookBytes(dbPath).includes(Buffer.from(token!))).toBe(false);
    expect(await onServer('Plain File Trading')).toBe(true);

    // Started again: the token is read from the store, the sync goes on without a login.
    b = await open(dbPath);
    expect(await b.call('team.status', {})).toMatchObject({ server: team.api.url, user: { login: u.login } });
    await b.call('customers.create', { company: 'After Restart GmbH', country: 'AT', owner: 'Pia Plain' });
    await b.call('team.sync', {});
    expect(await onServer('After Restart GmbH')).toBe(true);

    // The data folder moved (Settings): the plain file goes with the book, and the book still syncs.
    const moved = await b.call('workspace.moveData', { dir: join(dir, 'moved') });
    expect(moved.dbPath).toBe(join(dir, 'moved', 'ExportDesk.db'));
    await b.call('customers.create', { company: 'Moved Folder Oy', country: 'FI', owner: 'Pia Plain' });
    await b.call('team.sync', {});
    expect(await onServer('Moved Folder Oy')).toBe(true);
    const movedPlain = plainSecretStore(plainSecretsPathFor(moved.dbPath));
    if (process.platform !== 'win32') expect(statSync(plainSecretsPathFor(moved.dbPath)).mode & 0o777).toBe(0o600);

    await b.call('team.leave', {});
    expect(await movedPlain.get(TEAM_TOKEN_SECRET)).toBeNull();
    expect(existsSync(plainSecretsPathFor(moved.dbPath))).toBe(false);
    expect(await b.fails('team.sync', {})).toBe('TEAM_NOT_JOINED');
    await b.close();
    expect(bookBytes(dbPath).includes(Buffer.from(token!))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a join through the engine worker with the app’s store: the token is encrypted in the store’s file, nowhere in clear; a restart syncs; leaving deletes it', async () => {
    const dir = tempDir('token-keychain');
    const dbPath = join(dir, 'ExportDesk.db');
    const keychainFile = join(dir, 'userData', 'secrets.json');
    const keychain = encryptedSecretStore(keychainFile, fakeCipher);
    const u = await member(team.db, 'Kai Keychain');
    let b = await openWorker(dbPath, keychain);
    await joinTeam(b, u.login);
    await b.call('customers.create', { company: 'Keychain Exports Ltd', country: 'GB', owner: 'Kai Keychain' });
    await b.call('team.sync', {});
    await b.close();

    const token = await tokenIn(keychain, dbPath);
    expect(token).toMatch(/.{20,}/);
    const kept = readFileSync(keychainFile);
    expect(kept.includes(Buffer.from(token!))).toBe(false);
    expect(JSON.parse(kept.toString('utf8'))).toMatchObject({
      version: 1,
      encrypted: true,
      secrets: { [TEAM_TOKEN_SECRET]: expect.any(String) },
    });
    expect(existsSync(plainSecretsPathFor(dbPath))).toBe(false);
    expect(bookBytes(dbPath).includes(Buffer.from(token!))).toBe(false);
    // Nothing else in the book's folder holds it either (backups, side files).
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(f.parentPath, f.name)).includes(Buffer.from(token!)), f.name).toBe(false);
    }
    expect(await onServer('Keychain Exports Ltd')).toBe(true);

    b = await openWorker(dbPath, keychain);
    await b.call('customers.create', { company: 'Worker Restart SA', country: 'FR', owner: 'Kai Keychain' });
    await b.call('team.sync', {});
    expect(await onServer('Worker Restart SA')).toBe(true);
    await b.call('team.leave', {});
    expect(await keychain.get(TEAM_TOKEN_SECRET)).toBeNull();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a book of the previous version with the token in it: at its first start the token moves to the store and leaves the book, and the laptop syncs without logging in again', async () => {
    const dir = tempDir('token-upgrade');
    const dbPath = join(dir, 'ExportDesk.db');
    const u = await member(team.db, 'Uma Upgrade');
    const b = await open(dbPath);
    await joinTeam(b, u.login);
    await b.close();
    const plain = plainSecretStore(plainSecretsPathFor(dbPath));
    const token = (await tokenIn(plain, dbPath))!;
    expect(token).toBeTruthy();

    // The book as 0014-0020 kept it: the token in sync_state.team_token, nothing in any store.
    const raw = openSqlite(dbPath);
    rewindToSchema20(raw);
    raw.prepare('UPDATE sync_state SET team_token = ? WHERE id = 1').run(token);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    rmSync(plainSecretsPathFor(dbPath));
    expect(bookBytes(dbPath).includes(Buffer.from(token))).toBe(true);

    // First start of this version, in the app: the store is the keychain one.
    const keychain = encryptedSecretStore(join(dir, 'userData', 'secrets.json'), fakeCipher);
    const upgraded = await open(dbPath, keychain);
    expect(upgraded.engine.database.migration.applied).toEqual(MIGRATION_NAMES.filter((name) => name > '0021'));
    expect(upgraded.engine.database.migration.applied[0]).toBe('0021_team_token_secret');
    expect(await tokenIn(keychain, dbPath)).toBe(token);
    const columns = upgraded.engine.database.sqlite.prepare(`SELECT name FROM pragma_table_info('sync_state')`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('team_token');
    await upgraded.call('customers.create', { company: 'Upgraded Book Co', country: 'IT', owner: 'Uma Upgrade' });
    await upgraded.call('team.sync', {});
    expect(await onServer('Upgraded Book Co')).toBe(true);
    await upgraded.close();
    // The file keeps no copy of the old value in its free space (secure_delete).
    expect(bookBytes(dbPath).includes(Buffer.from(token))).toBe(false);
    expect(existsSync(plainSecretsPathFor(dbPath))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a book the CLI joined (token in the plain file) opened by the app: the token moves into the keychain store and the plain file goes', async () => {
    const dir = tempDir('token-adopt');
    const dbPath = join(dir, 'ExportDesk.db');
    const u = await member(team.db, 'Cleo Cli');
    const cli = await open(dbPath);
    await joinTeam(cli, u.login);
    await cli.close();
    const token = await tokenIn(plainSecretStore(plainSecretsPathFor(dbPath)), dbPath);

    const keychain = encryptedSecretStore(join(dir, 'userData', 'secrets.json'), fakeCipher);
    const app = await open(dbPath, keychain);
    await app.call('customers.create', { company: 'Adopted Token Ltd', country: 'ES', owner: 'Cleo Cli' });
    await app.call('team.sync', {});
    expect(await onServer('Adopted Token Ltd')).toBe(true);
    expect(await tokenIn(keychain, dbPath)).toBe(token);
    expect(existsSync(plainSecretsPathFor(dbPath))).toBe(false);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a book in a team whose token this computer does not have: UNAUTHENTICATED (join again), never a request without it', async () => {
    const dir = tempDir('token-missing');
    const dbPath = join(dir, 'ExportDesk.db');
    const u = await member(team.db, 'Max Missing');
    let b = await open(dbPath);
    await joinTeam(b, u.login);
    await b.close();
    rmSync(plainSecretsPathFor(dbPath));
    b = await open(dbPath);
    expect(await b.fails('team.sync', {})).toBe('TEAM_UNAUTHENTICATED');
    await waitFor('the status to say so', async () => (await b.call('team.status', {})).problem?.code === 'UNAUTHENTICATED');
    // Leave, then join again: syncing again.
    await b.call('team.leave', {});
    await joinTeam(b, u.login);
    await b.call('team.sync', {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptingStore,
  encryptedSecretStore,
  plainSecretStore,
  plainSecretsPathFor,
  type StringCipher,
} from '../../src/main/secrets/secret-store';
import { decodeTeamToken, encodeTeamToken } from '../../src/main/secrets/team-token';
import { keychainStore } from '../../src/main/platform/keychain';
import { tempDir } from '../support/temp-db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const t = tempDir('exportdesk-secrets-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A reversible cipher, as the desktop stand-in's safeStorage; `rotated` asks for re-encryption once. */
function cipher(state = { rotated: false, encrypted: 0 }): StringCipher & { state: typeof state } {
  return {
    state,
    encryptStringAsync: (v) => {
      state.encrypted++;
      return Promise.resolve(Buffer.from(`X${Buffer.from(v).toString('hex')}`));
    },
    decryptStringAsync: (b) => {
      const shouldReEncrypt = state.rotated;
      state.rotated = false;
      return Promise.resolve({ result: Buffer.from(b.toString().slice(1), 'hex').toString(), shouldReEncrypt });
    },
  };
}

describe('the secret store', () => {
  it('keeps named secrets in a file the owner alone reads, written whole (no temporary file left), and removes the file when empty', async () => {
    const path = join(dir(), 'nested', 'ExportDesk-secrets-unencrypted.json');
    const store = plainSecretStore(path);
    expect(await store.get('team.token')).toBeNull();
    await store.set('team.token', 'abc');
    await store.set('mail.password', 'p@ss');
    expect(await store.get('team.token')).toBe('abc');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      encrypted: false,
      secrets: { 'team.token': 'abc', 'mail.password': 'p@ss' },
    });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.delete('team.token');
    expect(await store.get('team.token')).toBeNull();
    await store.delete('mail.password');
    expect(existsSync(path)).toBe(false);
  });

  it('is named beside the book for what it is', () => {
    expect(plainSecretsPathFor(join('/data', 'ExportDesk.db'))).toBe(join('/data', 'ExportDesk-secrets-unencrypted.json'));
  });

  it('encrypts with the cipher (no value in clear in the file) and re-encrypts what safeStorage asks to', async () => {
    const path = join(dir(), 'secrets.json');
    const c = cipher();
    const store = encryptedSecretStore(path, c);
    await store.set('team.token', 'very-secret-token');
    expect(readFileSync(path, 'utf8')).not.toContain('very-secret-token');
    expect(await store.get('team.token')).toBe('very-secret-token');
    c.state.rotated = true;
    const before = c.state.encrypted;
    expect(await store.get('team.token')).toBe('very-secret-token');
    expect(c.state.encrypted).toBe(before + 1);
    // An encrypted file is never read as a plain one, nor the other way round.
    await expect(plainSecretStore(path).get('team.token')).rejects.toThrow(/encrypted/);
  });

  it('adopts a secret found only in the plain file into the keychain store, and leaves no plain copy on set or delete', async () => {
    const d = dir();
    const plainPath = join(d, 'ExportDesk-secrets-unencrypted.json');
    const plain = plainSecretStore(plainPath);
    const keychain = encryptedSecretStore(join(d, 'userData', 'secrets.json'), cipher());
    const store = adoptingStore(keychain, () => plain);
    await plain.set('team.token', 'from-the-cli');
    expect(await store.get('team.token')).toBe('from-the-cli');
    expect(await keychain.get('team.token')).toBe('from-the-cli');
    expect(existsSync(plainPath)).toBe(false);
    await plain.set('other', 'x');
    await store.set('other', 'y');
    expect(await plain.get('other')).toBeNull();
    await plain.set('other', 'z');
    await store.delete('other');
    expect(await plain.get('other')).toBeNull();
    expect(await keychain.get('other')).toBeNull();
  });

  it('a corrupt file is an error, not an empty store (a join does not silently lose the token)', async () => {
    const path = join(dir(), 'secrets.json');
    writeFileSync(path, '{ half');
    await expect(plainSecretStore(path).get('team.token')).rejects.toThrow();
  });

  it('binds the team token to its device: another membership’s token is not this book’s', () => {
    const stored = encodeTeamToken('dev-1', 'tok');
    expect(decodeTeamToken(stored, 'dev-1')).toBe('tok');
    expect(decodeTeamToken(stored, 'dev-2')).toBeNull();
    expect(decodeTeamToken('not json', 'dev-1')).toBeNull();
    expect(decodeTeamToken(null, 'dev-1')).toBeNull();
  });
});

describe('the keychain store of the app (platform/keychain.ts)', () => {
  const safeStorage = (
    available: boolean,
    backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  ) => ({
    ...cipher(),
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
  });

  it('uses safeStorage when it encrypts, in userData/secrets.json', async () => {
    const d = dir();
    const choice = await keychainStore(safeStorage(true, 'gnome_libsecret'), d, 'linux');
    expect(choice.reason).toBeNull();
    expect(choice.store?.where).toBe(join(d, 'secrets.json'));
    expect((await keychainStore(safeStorage(true, 'unknown'), d, 'darwin')).reason).toBeNull();
  });

  it('falls back (and says why) when safeStorage cannot encrypt, or on Linux only with basic_text', async () => {
    const d = dir();
    expect(await keychainStore(safeStorage(false, 'unknown'), d, 'linux')).toMatchObject({
      store: null,
      reason: expect.stringMatching(/keyring|keychain/),
    });
    expect(await keychainStore(safeStorage(true, 'basic_text'), d, 'linux')).toMatchObject({
      store: null,
      reason: expect.stringMatching(/basic_text/),
    });
  });
});

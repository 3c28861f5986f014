import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Secrets kept out of the book (the team server's device token as `team.token`; later the mail
 * servers' passwords), each under a name. Two kinds:
 *
 * - 'keychain': the app's file in userData (secrets.json) of values encrypted by Electron's
 *   safeStorage (the OS keychain holds the key: Keychain on macOS, DPAPI on Windows, the Secret
 *   Service or KWallet on Linux). Made in the main process (platform/keychain.ts); the engine
 *   worker reaches it through messages (engine/protocol.ts).
 * - 'plain-file': where there is no safeStorage (the CLI, tests, the bench, the browser harness,
 *   or Electron on a Linux without a keyring): a file beside the book, readable by its owner only
 *   (mode 0600), named for what it is (ExportDesk.db → ExportDesk-secrets-unencrypted.json).
 *
 * Both write atomically (a temporary file, fsync, rename): a crash leaves the old file or the new
 * one, never half of one.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'plain-file';
  /** Where the values are kept (for logs and the README's promises; never the values). */
  readonly where: string;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** How a value is kept in the file: encrypted (base64 of safeStorage's bytes) or as it is. */
export interface SecretCodec {
  encode(value: string): Promise<string>;
  /** The value, and whether it should be encoded again (safeStorage's key was rotated). */
  decode(stored: string): Promise<{ value: string; again: boolean }>;
}

const FILE_VERSION = 1;
interface SecretFileContent {
  version: number;
  encrypted: boolean;
  secrets: Record<string, string>;
}

/** The plain fallback file beside a book: <folder>/ExportDesk-secrets-unencrypted.json for <folder>/ExportDesk.db. */
export function plainSecretsPathFor(dbPath: string): string {
  const stem = basename(dbPath).replace(/\.[^.]*$/, '') || 'database';
  return join(dirname(dbPath), `${stem}-secrets-unencrypted.json`);
}

/** Writes `text` to `path` atomically, readable and writable by the owner only. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  // The folder's entry too, where the platform allows it (not on Windows).
  if (process.platform !== 'win32') {
    try {
      const dir = openSync(dirname(path), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch {
      // Best effort: the rename is done.
    }
  }
}

/**
 * A file of named secrets: one JSON object, read at each use (another process may have written it)
 * and written whole. Calls run one after another, so a get after a set sees it.
 */
export class SecretFile implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly where: string,
    readonly kind: SecretStore['kind'],
    private readonly codec: SecretCodec,
  ) {}

  private read(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(this.where, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    const content = JSON.parse(text) as Partial<SecretFileContent>;
    if (content.version !== FILE_VERSION || typeof content.secrets !== 'object' || content.secrets === null) {
      throw new Error(`the secrets file ${this.where} is not one this version reads`);
    }
    if (content.encrypted !== (this.kind === 'keychain')) {
      throw new Error(`the secrets file ${this.where} is ${content.encrypted ? '' : 'not '}encrypted, unlike this store`);
    }
    return { ...content.secrets };
  }

  private write(secrets: Record<string, string>): void {
    const content: SecretFileContent = { version: FILE_VERSION, encrypted: this.kind === 'keychain', secrets };
    if (Object.keys(secrets).length === 0) rmSync(this.where, { force: true });
    else writeAtomic(this.where, `${JSON.stringify(content, null, 2)}\n`);
  }

  private run<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get(name: string): Promise<string | null> {
    return this.run(async () => {
      const secrets = this.read();
      const stored = secrets[name];
      if (stored === undefined) return null;
      const { value, again } = await this.codec.decode(stored);
      if (again) {
        secrets[name] = await this.codec.encode(value);
        this.write(secrets);
      }
      return value;
    });
  }

  set(name: string, value: string): Promise<void> {
    return this.run(async () => {
      const encoded = await this.codec.encode(value);
      const secrets = this.read();
      secrets[name] = encoded;
      this.write(secrets);
    });
  }

  delete(name: string): Promise<void> {
    return this.run(() => {
      const secrets = this.read();
      if (!(name in secrets)) return;
      delete secrets[name];
      this.write(secrets);
    });
  }
}

/** The fallback without safeStorage: values as they are, in a file readable by its owner only. */
export function plainSecretStore(path: string): SecretStore {
  return new SecretFile(path, 'plain-file', {
    encode: (v) => Promise.resolve(v),
    decode: (s) => Promise.resolve({ value: s, again: false }),
  });
}

/** safeStorage's two calls (Electron's, or a test's stand-in for them). */
export interface StringCipher {
  encryptStringAsync(value: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** The keychain store: values encrypted by the cipher (Electron's safeStorage), kept base64 in the file. */
export function encryptedSecretStore(path: string, cipher: StringCipher): SecretStore {
  return new SecretFile(path, 'keychain', {
    encode: async (v) => (await cipher.encryptStringAsync(v)).toString('base64'),
    decode: async (s) => {
      const { result, shouldReEncrypt } = await cipher.decryptStringAsync(Buffer.from(s, 'base64'));
      return { value: result, again: shouldReEncrypt };
    },
  });
}

/**
 * The keychain store in front of the plain file beside the book: a secret found only in the plain
 * file (written by the CLI on this book, or before a keyring existed) moves to the keychain store
 * when it is read, and a secret set or deleted is gone from the plain file too, so no copy in
 * clear is left behind.
 */
export function adoptingStore(primary: SecretStore, plain: () => SecretStore): SecretStore {
  return {
    kind: primary.kind,
    get where() {
      return primary.where;
    },
    async get(name) {
      const own = await primary.get(name);
      if (own !== null) return own;
      const fallback = plain();
      const found = await fallback.get(name);
      if (found === null) return null;
      await primary.set(name, found);
      await fallback.delete(name);
      return found;
    },
    async set(name, value) {
      await primary.set(name, value);
      await plain().delete(name);
    },
    async delete(name) {
      await primary.delete(name);
      await plain().delete(name);
    },
  };
}

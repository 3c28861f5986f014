import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { encryptedSecretStore, type SecretStore } from '../secrets/secret-store';

/** The app's secrets file in userData: values encrypted by safeStorage (the key is in the OS keychain). */
export const KEYCHAIN_SECRETS_FILE = 'secrets.json';

export type KeychainChoice = { store: SecretStore; reason: null } | { store: null; reason: string };

/**
 * The secret store the app gives its engine: safeStorage when it really encrypts. On Linux without
 * a keyring (no Secret Service, no KWallet) safeStorage either cannot encrypt or falls back to
 * `basic_text`, a key written in Chromium's source, which hides nothing: then there is no store
 * here, the engine keeps its secrets in the plain file beside the book (mode 0600), and the
 * reason is given for the log.
 */
export async function keychainStore(
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>,
  userDataDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<KeychainChoice> {
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch (err) {
    return { store: null, reason: `safeStorage failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!available) return { store: null, reason: 'safeStorage cannot encrypt here (no OS keychain or keyring)' };
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return { store: null, reason: "no keyring (Secret Service or KWallet) was found: safeStorage's basic_text would not protect anything" };
  }
  return { store: encryptedSecretStore(join(userDataDir, KEYCHAIN_SECRETS_FILE), safeStorage), reason: null };
}

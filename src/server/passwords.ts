import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane: about
 * 30 ms here); device tokens are 32 random bytes, so a plain SHA-256 of them is enough to store.
 */
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not importable as a value here)
const PASSWORD_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, PASSWORD_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a damaged hash verifies nothing
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the login does not exist, so a wrong login takes as long as a
 * wrong password and the response time does not tell which logins exist.
 */
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** A new device token: shown once to the device, never stored. */
export const newDeviceToken = (): string => `edt_${randomBytes(32).toString('base64url')}`;

/** What the database keeps of a device token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

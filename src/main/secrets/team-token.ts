/**
 * The team server's device token as a secret (issue #19's leftover): kept under `team.token` in
 * the secret store, never in the book. The value names the device it was issued to, so a book
 * finds only its own membership's token (a backup of the book from another membership, restored,
 * does not send this one to that server).
 */
export const TEAM_TOKEN_SECRET = 'team.token';

interface StoredTeamToken {
  deviceId: string;
  token: string;
}

export function encodeTeamToken(deviceId: string, token: string): string {
  const value: StoredTeamToken = { deviceId, token };
  return JSON.stringify(value);
}

/** The token the store holds for this device; null when it holds none, or another device's. */
export function decodeTeamToken(stored: string | null, deviceId: string): string | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Partial<StoredTeamToken>;
    if (typeof value.token !== 'string' || !value.token || value.deviceId !== deviceId) return null;
    return value.token;
  } catch {
    return null;
  }
}

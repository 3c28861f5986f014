import { useState } from 'react';

const OWNER_KEY = 'exportdesk.capture.owner';
const SKIP_KEY = 'exportdesk.capture.fairSkippedOn';

function read(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this window only.
  }
}

/**
 * The owner of captured leads: the one last chosen on this computer (remembered across visitors
 * and restarts), else the person using the app (Settings → General → You).
 */
export function useCaptureOwner(owners: readonly string[], me: string | null): [string, (owner: string) => void] {
  const [chosen, setOwner] = useState(() => read(OWNER_KEY));
  const owner = chosen || me || '';
  // A remembered owner who is no longer on the staff list is not offered.
  const current = owners.length === 0 || owners.includes(owner) ? owner : '';
  const choose = (value: string) => {
    setOwner(value);
    write(OWNER_KEY, value);
  };
  return [current, choose];
}

/** Whether the user said "no fair today" on this local day (then the form does not ask again today). */
export const fairSkippedOn = (day: string): boolean => read(SKIP_KEY) === day;
export const skipFairOn = (day: string): void => write(SKIP_KEY, day);
export const clearFairSkip = (): void => write(SKIP_KEY, '');

import type { ReadDb, WriteTx } from '../../db/sql';
import { actsForFirm, requireMe, whoAmI } from '../pool/me';

/**
 * Who sees what of the manager's view. On a book of its own, and for a manager or an admin of a
 * team, everything ('all'); a salesperson in a team sees their own row and targets only ('own',
 * their name required: ME_REQUIRED otherwise), and may not set targets.
 */
export type ManagerScope = { scope: 'all'; me: string | null; canEdit: true } | { scope: 'own'; me: string; canEdit: false };

export function managerScope(reader: ReadDb | WriteTx): ManagerScope {
  const me = whoAmI(reader);
  if (actsForFirm(me)) return { scope: 'all', me: me.name, canEdit: true };
  return { scope: 'own', me: requireMe(me), canEdit: false };
}

/** A name as the owner columns compare it (COLLATE NOCASE: ASCII letters without case); pool/me.ts sameName folds alike. */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

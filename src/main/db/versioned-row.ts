import { AppError } from '../../shared/errors';

/**
 * The optimistic check every edit of a versioned row makes: the row exists (NOT_FOUND) and is still
 * at the version the user was editing (CONFLICT, with both versions, so the screen can say
 * "changed elsewhere; reload"). Returns the row, narrowed to present.
 */
export function expectVersion<R extends { version: number }>(
  row: R | undefined,
  what: string,
  id: number | string,
  expectedVersion: number,
): R {
  if (!row) throw new AppError('NOT_FOUND', `${what} ${id} does not exist`, { id });
  if (row.version !== expectedVersion) {
    throw new AppError('CONFLICT', `${what} ${id} was changed elsewhere; reload and try again`, {
      id,
      expectedVersion,
      currentVersion: row.version,
    });
  }
  return row;
}

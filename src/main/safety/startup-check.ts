import { statSync } from 'node:fs';
import type { Migration } from 'kysely';
import type { StartupProblem, StartupState } from '../../shared/domain/safety';
import { AppError } from '../../shared/errors';
import { integrityProblems, openSqlite, type SqliteDb } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { sqliteCode } from '../db/open';
import { assertNotFromTheFuture } from '../db/schema-version';

export interface StartupCheck {
  state: StartupState;
  problem: StartupProblem | null;
}

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The check at start, before the engine opens (and may migrate) the database: the file opened
 * read-only, refused when a newer ExportDesk wrote it, then quick_check. Nothing is written to
 * the file; a missing or empty file is fine (a new database is created).
 */
export function checkDatabaseFile(path: string, migrations: Record<string, Migration> = MIGRATIONS): StartupCheck {
  try {
    if (statSync(path).size === 0) return { state: 'ok', problem: null };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'ok', problem: null };
    return { state: 'open-failed', problem: { code: 'DB_OPEN_FAILED', message: `cannot read ${path}: ${messageOf(err)}`, details: [] } };
  }
  let db: SqliteDb | undefined;
  try {
    db = openSqlite(path, { readonly: true });
    try {
      assertNotFromTheFuture(db, migrations);
    } catch (err) {
      if (err instanceof AppError && err.code === 'DB_TOO_NEW') {
        return { state: 'newer-version', problem: { code: err.code, message: err.message, details: [] } };
      }
      throw err;
    }
    const problems = integrityProblems(db);
    if (problems.length) {
      return {
        state: 'corrupt',
        problem: { code: 'DB_CORRUPT', message: `the database file is damaged: ${path}`, details: problems.slice(0, 50) },
      };
    }
    return { state: 'ok', problem: null };
  } catch (err) {
    const code = sqliteCode(err);
    if (CORRUPT_CODES.has(code)) {
      return {
        state: 'corrupt',
        problem: {
          code: 'DB_CORRUPT',
          message: `the database file is damaged or is not an ExportDesk database: ${path}`,
          details: [`${code}: ${messageOf(err)}`],
        },
      };
    }
    return {
      state: 'open-failed',
      problem: { code: 'DB_OPEN_FAILED', message: `could not open the database ${path}: ${messageOf(err)}`, details: code ? [code] : [] },
    };
  } finally {
    if (db?.open) db.close();
  }
}

/** The problem an error from opening the database stands for (the check passed, the open failed). */
export function problemFromOpenError(err: unknown): StartupCheck {
  const code = err instanceof AppError ? err.code : 'DB_OPEN_FAILED';
  const message = messageOf(err);
  if (code === 'DB_TOO_NEW') return { state: 'newer-version', problem: { code, message, details: [] } };
  if (code === 'DB_CORRUPT') return { state: 'corrupt', problem: { code, message, details: [] } };
  return { state: 'open-failed', problem: { code: 'DB_OPEN_FAILED', message, details: [] } };
}

/** The error a call gets while the database is not open. */
export function startupError(check: StartupCheck): AppError {
  const code = check.problem?.code === 'DB_TOO_NEW' || check.problem?.code === 'DB_CORRUPT' ? check.problem.code : 'DB_OPEN_FAILED';
  return new AppError(code, check.problem?.message ?? 'the database is not open');
}

import { isErrorCode, toErrorShape, type ErrorCode } from '../../shared/errors';
import type { Language } from '../../shared/language';
import { mainText } from '../text/catalog';

/** The text of the dialog shown when the engine (the database) cannot start. */
export interface StartupErrorText {
  title: string;
  message: string;
  detail: string;
  quit: string;
  showFile: string;
}

type Known = 'DB_TOO_NEW' | 'DB_CORRUPT' | 'DB_OPEN_FAILED' | 'OTHER';

function known(code: ErrorCode | undefined): Known {
  return code === 'DB_TOO_NEW' || code === 'DB_CORRUPT' || code === 'DB_OPEN_FAILED' ? code : 'OTHER';
}

/** The localized dialog text for an engine start failure (an AppError with a DB_* code, or anything else). */
export function startupErrorText(error: unknown, language: Language, dbPath: string): StartupErrorText {
  const shape = toErrorShape(error);
  const code = isErrorCode(shape.code) ? shape.code : undefined;
  const m = mainText(language).startup;
  return {
    title: m.title,
    message: m[known(code)],
    detail: `${m.file}: ${dbPath}\n${m.reason}: ${shape.code} — ${shape.message}`,
    quit: m.quit,
    showFile: m.showFile,
  };
}

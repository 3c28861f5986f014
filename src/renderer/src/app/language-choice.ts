import { useCallback, useEffect } from 'react';
import type { Language } from '../../../shared/language';
import type { ErrorCode } from '../../../shared/errors';
import { applyLanguageChoice } from '../i18n';
import { toIpcError } from '../lib/ipc';
import { usePrefs, useSavePrefs } from '../lib/use-prefs';
import { useNotices } from './notice-context';

/** Errors of a database that is not open (the recovery screen): the choice then lasts for this window only. */
const NO_DATABASE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['DB_CORRUPT', 'DB_TOO_NEW', 'DB_OPEN_FAILED', 'ENGINE_UNAVAILABLE']);

/**
 * Choices being saved. Meanwhile a read of the preferences that started before the choice (the
 * one at start-up) may still answer with the old language: it must not switch the window back.
 */
let savesUnderWay = 0;

/**
 * Chooses the UI language (null: follow the system): the window re-renders at once and the choice
 * is saved in the database (prefs.language), so it survives a restart and follows the data.
 * Resolves with whether it was saved.
 */
export function useLanguageChoice(): (choice: Language | null) => Promise<boolean> {
  const notices = useNotices();
  const save = useSavePrefs();
  return useCallback(
    async (choice: Language | null) => {
      applyLanguageChoice(choice);
      savesUnderWay++;
      try {
        await save({ language: choice });
        return true;
      } catch (err) {
        const error = toIpcError(err);
        if (!NO_DATABASE.has(error.code)) notices.showError(error);
        return false;
      } finally {
        savesUnderWay--;
      }
    },
    [notices, save],
  );
}

/**
 * Applies the language saved in the database when the app starts (the first paint used the
 * browser's cached choice) and whenever it changes (another window, a restored backup).
 */
export function LanguageFromPrefs(): null {
  const prefs = usePrefs();
  const loaded = prefs.data !== undefined;
  const language = prefs.data?.language ?? null;
  useEffect(() => {
    // The saved choice arrives in the cache when its save ends (useSavePrefs), and applies then.
    if (loaded && savesUnderWay === 0) applyLanguageChoice(language);
  }, [loaded, language]);
  return null;
}

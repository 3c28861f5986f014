import { dialog, shell } from 'electron';
import { languageOfLocale } from '../../shared/language';
import { startupErrorText } from './startup-error';

/**
 * Tells the user why the engine could not start (newer database, damaged file, cannot open),
 * in their language, and offers to show the database file. Resolves when the dialog closes.
 */
export async function showStartupError(error: unknown, options: { locale: string; dbPath: string }): Promise<void> {
  const text = startupErrorText(error, languageOfLocale(options.locale), options.dbPath);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.quit, text.showFile],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) shell.showItemInFolder(options.dbPath);
}

import { homedir } from 'node:os';
import { join } from 'node:path';
import { locationFilePath, readLocationFile } from '../main/workspace/location-file';

/**
 * The app's own database, where Electron's userData folder puts it (app name "ExportDesk"):
 * Windows %APPDATA%\ExportDesk, macOS ~/Library/Application Support/ExportDesk,
 * Linux $XDG_CONFIG_HOME/ExportDesk; or in the data folder chosen in Settings, as recorded in
 * location.json there. EXPORTDESK_DB overrides both, for the app and the CLI alike.
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.EXPORTDESK_DB) return env.EXPORTDESK_DB;
  const home = homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  const userData = join(appData, 'ExportDesk');
  return readLocationFile(locationFilePath(userData)) ?? join(userData, 'ExportDesk.db');
}

import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { app, BrowserWindow, globalShortcut, ipcMain, Menu, Notification, safeStorage, screen, session, shell } from 'electron';
import { APP_VERSION } from '../shared/app-version';
import {
  IPC_EVENT_CHANNEL,
  type AppCommand,
  type Channel,
  type ChannelParsedInput,
  type CallOptions,
  type EngineEvent,
} from '../shared/ipc/contract';
import { startReminders, type ReminderLoop } from './platform/reminders';
import { callChannel, type EngineCall } from '../shared/ipc/dispatch';
import { startEngineWorker, type EngineHandle } from './engine/worker-client';
import { forwardEvents, registerIpcHandlers } from './ipc/register';
import { showStartupError } from './platform/dialogs';
import { keychainStore } from './platform/keychain';
import { languageOfLocale, type Language } from '../shared/language';
import { mainText } from './text/catalog';
import { buildMenuTemplate, COMMAND_ACCELERATORS } from './platform/menu';
import { resolveDbPath, resolveNativeBinding } from './platform/paths';
import { locationFilePath } from './workspace/location-file';
import { createMainWindow, loadAppPage, type MainWindowOptions, type PageIntent } from './window/create-window';
import { customersHash } from '../shared/customer-link';
import { fitToDisplays, readWindowState, writeWindowState } from './window/window-state';
import { hardenAllWebContents, hardenSession, isAppUrl, isTrustedSenderUrl, resolveAppOrigin } from './window/security';

// Lifecycle only. Everything with logic lives in ipc/, window/ and platform/.
// Paths are resolved here, in the entry bundle (out/main/index.js), so that import.meta.url is
// known to be out/main/ whatever chunks the bundler makes of the other modules.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_INDEX_PATH = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const ENGINE_WORKER_ENTRY = new URL('./engine-worker.js', import.meta.url);
const ENGINE_CLOSE_TIMEOUT_MS = 10_000;
/** Automatic backups while the app is open: every 30 minutes when the data changed. */
const BACKUP_INTERVAL_MS = 30 * 60_000;

// Every renderer is sandboxed, whatever its webPreferences say. Must run before `ready`.
app.enableSandbox();

const isDev = !app.isPackaged;
// Only a development run may load its page from a server (electron-vite sets this variable).
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = resolveAppOrigin({ devServerUrl, rendererIndexUrl: pathToFileURL(RENDERER_INDEX_PATH).href });
// Every webContents, not only the main window's: no new windows, no navigation away, no <webview>.
hardenAllWebContents(app, { appOrigin, openExternal: (url) => shell.openExternal(url) });

let engineStart: Promise<EngineHandle> | undefined;
let reminders: ReminderLoop | undefined;
let stopIpc: (() => void) | undefined;
let stopEvents: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;
let engineFailed = false;
let shutdown: 'running' | 'closing' | 'closed' = 'running';

/** Work areas of the attached screens, the primary one first. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

const RENDERER: MainWindowOptions['renderer'] = devServerUrl
  ? { kind: 'dev', url: devServerUrl }
  : { kind: 'file', path: RENDERER_INDEX_PATH };

function openMainWindow(intent?: PageIntent): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const win = createMainWindow({
    state: fitToDisplays(readWindowState(stateFile), workAreas()),
    onStateChange: (state) => writeWindowState(stateFile, state),
    preloadPath: PRELOAD_PATH,
    renderer: RENDERER,
    ...(intent ? { intent } : {}),
    appOrigin,
    devTools: isDev,
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

/**
 * Brings the main window forward (opening it when there is none) for an intent: a page to show or
 * a command to run. A page that is running gets it as an event; a window that is new or still
 * loading gets it in its URL, so it is never sent before the page listens.
 */
function showMainWindow(intent?: PageIntent): void {
  const existing = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
  if (!existing) {
    openMainWindow(intent);
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.show();
  existing.focus();
  if (!intent) return;
  if (existing.webContents.isLoading()) {
    void loadAppPage(existing, RENDERER, intent).catch((err: unknown) =>
      console.error(`could not load the ExportDesk page: ${String(err)}`),
    );
    return;
  }
  const event: EngineEvent =
    'hash' in intent ? { type: 'app.navigate', hash: intent.hash } : { type: 'app.command', command: intent.command as AppCommand };
  sendToAppWindows(IPC_EVENT_CHANNEL, event);
}

function sendToAppWindows(channel: string, payload: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (win.isDestroyed()) continue;
    const contents = win.webContents;
    // Only pages showing the app itself receive engine events.
    if (isAppUrl(contents.getURL(), appOrigin)) contents.send(channel, payload);
  }
}

/** Shows the main window (opening it again if it was closed) and asks its page to run a command. */
function runCommand(command: AppCommand): void {
  showMainWindow({ command });
}

/** The application menu in the chosen language (the saved preference, else the system's). */
function setMenu(language: Language): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ language, platform: process.platform, isDev, onCommand: runCommand })),
  );
}

/** The language preference saved in the database, when there is one. */
async function savedLanguage(engine: EngineHandle): Promise<Language | undefined> {
  const r = await callChannel(engine.call, 'prefs.get', {});
  if (!r.ok || !r.value.language) return undefined;
  return r.value.language;
}

async function startEngine(dbPath: string, locationFile: string | undefined): Promise<EngineHandle> {
  const nativeBinding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
  });
  // Secrets (the team token) are encrypted by safeStorage in userData/secrets.json; without an OS
  // keychain the engine keeps them in the plain file beside the book, and the log says why.
  const keychain = await keychainStore(safeStorage, app.getPath('userData'));
  if (keychain.reason) {
    console.warn(`secrets are kept unencrypted beside the book (mode 0600), not in the OS keychain: ${keychain.reason}`);
  }
  // recovery: a damaged, unreadable or too-new database does not stop the engine; the window
  // shows the recovery screen (safety.status) and offers the newest good backup. The damaged file
  // is kept aside, never overwritten. Backups: on the schedule, before imports and at quit.
  return startEngineWorker({
    entry: ENGINE_WORKER_ENTRY,
    dbPath,
    nativeBinding,
    // The installed app has no node_modules: quotation PDFs read their font from resources/fonts.
    ...(app.isPackaged ? { fontsDir: join(process.resourcesPath, 'fonts') } : {}),
    appVersion: APP_VERSION,
    recovery: true,
    backups: { intervalMs: BACKUP_INTERVAL_MS, onClose: true },
    ...(keychain.store ? { secrets: keychain.store } : {}),
    // A data folder chosen in Settings is remembered here for the next start (not when EXPORTDESK_DB decides).
    ...(locationFile ? { locationFile } : {}),
  });
}

async function onReady(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('com.exportdesk.app');
  hardenSession(session.defaultSession, appOrigin);
  setMenu(languageOfLocale(app.getLocale()));
  // Booth capture from anywhere: the shortcut works while another app (a mail client, a browser) is in front.
  if (!globalShortcut.register(COMMAND_ACCELERATORS.quickCapture, () => runCommand('quickCapture'))) {
    console.warn('the quick-capture shortcut is taken by another application; use the menu or the button');
  }

  const dbPath = resolveDbPath({ userDataDir: app.getPath('userData'), env: process.env });
  // The engine opens (and may migrate) the database in its worker while the window loads;
  // calls made meanwhile wait for it.
  const started = startEngine(dbPath, process.env.EXPORTDESK_DB?.trim() ? undefined : locationFilePath(app.getPath('userData')));
  engineStart = started;
  const engineCall: EngineCall = <C extends Channel>(channel: C, input: ChannelParsedInput<C>, options?: CallOptions) =>
    started.then((engine) => engine.call(channel, input, options));
  stopIpc = registerIpcHandlers(ipcMain, engineCall, { isTrustedSender: (url) => isTrustedSenderUrl(url, appOrigin) });
  openMainWindow();

  let engine: EngineHandle;
  try {
    engine = await started;
  } catch (err) {
    // Set first: closing the windows below must not quit the app before the user reads why.
    engineFailed = true;
    console.error('the engine could not start:', err);
    if (shutdown !== 'running') return;
    for (const win of BrowserWindow.getAllWindows()) win.destroy();
    await showStartupError(err, { locale: app.getLocale(), dbPath });
    shutdown = 'closed';
    app.exit(1);
    return;
  }
  stopEvents = forwardEvents(engine.onEvent, sendToAppWindows);
  // The menu follows the language chosen in Settings, now and whenever it changes.
  const applyLanguage = () =>
    void savedLanguage(engine)
      .then((lang) => lang && setMenu(lang))
      .catch((err: unknown) => console.error('could not put the menu in the saved language:', err));
  applyLanguage();
  const stopPrefsWatch = engine.onEvent((event) => {
    if (event.type === 'data.changed' && event.tables.includes('prefs')) applyLanguage();
  });
  const stopForward = stopEvents;
  stopEvents = () => {
    stopPrefsWatch();
    stopForward();
  };
  reminders = startDesktopReminders(engine);
}

/** Due follow-ups raise an OS notification; clicking it opens the customer in the main window. */
function startDesktopReminders(engine: EngineHandle): ReminderLoop | undefined {
  if (!Notification.isSupported()) return undefined;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const texts = mainText(languageOfLocale(app.getLocale())).reminders;
  return startReminders({
    dueSoon: async () => {
      // No reminders from the sample database: its follow-ups are made up.
      const ws = await callChannel(engine.call, 'workspace.status', {});
      if (ws.ok && ws.value.kind === 'sample') return [];
      const r = await callChannel(engine.call, 'followups.list', { bucket: 'open', timeZone, limit: 500 });
      return r.ok ? r.value.items : [];
    },
    now: () => Date.now(),
    texts,
    notify: (reminder) => {
      const n = new Notification({ title: reminder.title, body: reminder.body, silent: false });
      // Opens that customer's panel, in the window that is open or in a new one.
      n.on('click', () =>
        showMainWindow({ hash: customersHash({ search: reminder.company }, { id: reminder.customerId, company: reminder.company }) }),
      );
      n.show();
    },
  });
}

async function closeEngine(): Promise<void> {
  reminders?.stop();
  stopEvents?.();
  stopIpc?.();
  if (!engineStart || engineFailed) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    const engine = await engineStart;
    await Promise.race([
      engine.close(),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          console.error('the engine did not close in time; quitting anyway');
          resolve();
        }, ENGINE_CLOSE_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    console.error('closing the engine failed:', err);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another ExportDesk owns the database; it shows its window (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    showMainWindow();
  });

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    if (app.isReady() && engineStart && !engineFailed && shutdown === 'running' && BrowserWindow.getAllWindows().length === 0) {
      openMainWindow();
    }
  });

  app.on('will-quit', () => globalShortcut.unregisterAll());

  app.on('window-all-closed', () => {
    // After a failed start the error dialog decides when to leave (app.exit above).
    if (engineFailed) return;
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the engine before the process ends: it backs up when the data changed since the last
  // backup (onClose above), then checkpoints and closes the database.
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    void closeEngine().finally(() => {
      shutdown = 'closed';
      app.quit();
    });
  });

  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      console.error('ExportDesk could not start:', err);
      app.exit(1);
    });
}

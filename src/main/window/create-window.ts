import { BrowserWindow, shell } from 'electron';
import { buildWebPreferences, hardenWebContents, type AppOrigin } from './security';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The page to load: the dev server URL, or the built out/renderer/index.html. */
  renderer: { kind: 'dev'; url: string } | { kind: 'file'; path: string };
  /** What the page should show or do as soon as it starts (a clicked reminder, a menu command). */
  intent?: PageIntent;
  appOrigin: AppOrigin;
  /** DevTools only when run from source. */
  devTools: boolean;
  /** Size and position to open with (already fitted to the screens: window-state.ts). */
  state: WindowState;
  /** Called with the window's normal bounds when it was moved, resized, maximized or closed. */
  onStateChange: (state: WindowState) => void;
}

const SAVE_DELAY_MS = 500;

/**
 * What a window is opened (or reloaded) for: a page to show (a hash route such as a customer's
 * panel) or a command to run (quick capture). It travels in the page's URL, which the page reads
 * when it starts: an event sent while the page is still loading would be lost.
 */
export type PageIntent = { hash: string } | { command: string };

/** Loads the app's page into a window, carrying an intent in its URL (#hash or ?command=). */
export function loadAppPage(win: BrowserWindow, renderer: MainWindowOptions['renderer'], intent?: PageIntent): Promise<void> {
  const hash = intent && 'hash' in intent ? intent.hash.replace(/^#/, '') : undefined;
  const query = intent && 'command' in intent ? { command: intent.command } : undefined;
  if (renderer.kind === 'file') return win.loadFile(renderer.path, { ...(hash ? { hash } : {}), ...(query ? { query } : {}) });
  const url = new URL(renderer.url);
  if (query) url.searchParams.set('command', query.command);
  if (hash) url.hash = hash;
  return win.loadURL(url.href);
}

/** Creates the main window, hardened, shown once its first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'ExportDesk',
    ...(options.state.x !== undefined && options.state.y !== undefined ? { x: options.state.x, y: options.state.y } : {}),
    width: options.state.width,
    height: options.state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    webPreferences: buildWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  });

  hardenWebContents(win.webContents, {
    appOrigin: options.appOrigin,
    openExternal: (url) => shell.openExternal(url),
  });

  win.once('ready-to-show', () => {
    if (options.state.maximized) win.maximize();
    win.show();
  });

  // Remember size and position: the normal (unmaximized) bounds, so un-maximizing later restores them.
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    options.onStateChange({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', saveSoon);
  win.on('close', save);

  loadAppPage(win, options.renderer, options.intent).catch((err: unknown) => {
    console.error(`could not load the ExportDesk page: ${String(err)}`);
    // Show the (empty) window anyway rather than leaving the app invisible.
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  return win;
}

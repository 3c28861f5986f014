import { BrowserWindow, shell } from 'electron';
import { buildWebPreferences, hardenWebContents, type AppOrigin } from './security';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The page to load: the dev server URL, or the built out/renderer/index.html. */
  renderer: { kind: 'dev'; url: string } | { kind: 'file'; path: string };
  appOrigin: AppOrigin;
  /** DevTools only when run from source. */
  devTools: boolean;
}

/** Creates the main window, hardened, shown once its first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'ExportDesk',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: buildWebPreferences({ preload: options.preloadPath, devTools: options.devTools }),
  });

  hardenWebContents(win.webContents, {
    appOrigin: options.appOrigin,
    openExternal: (url) => shell.openExternal(url),
  });

  win.once('ready-to-show', () => win.show());

  const loading = options.renderer.kind === 'dev' ? win.loadURL(options.renderer.url) : win.loadFile(options.renderer.path);
  loading.catch((err: unknown) => {
    console.error(`could not load the ExportDesk page: ${String(err)}`);
    // Show the (empty) window anyway rather than leaving the app invisible.
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  return win;
}

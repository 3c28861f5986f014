// @ts-check
/**
 * A stand-in for the `electron` module, for running the BUILT main process (out/main/index.js) in
 * plain Node. Test code only: never bundled, never shipped.
 *
 * It implements what ExportDesk's main process uses of Electron's main-side API (app, BrowserWindow
 * and webContents, ipcMain, Menu, dialog, Notification, screen, session, shell, globalShortcut,
 * safeStorage with a reversible fake encryption)
 * and hands everything a person would see or do to "the desktop": the parent test process, over
 * the child-process IPC channel. There each BrowserWindow is a real Chromium page (Playwright) that
 * runs the built preload in an isolated world, so `window.api` goes through the real preload, these
 * ipcMain handlers with their sender checks, the real engine worker and SQLite.
 *
 * Protocol (JSON over process.send): see test/desktop/desktop-shell.ts, which is the other half.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const env = process.env;
const USER_DATA = /** @type {string} */ (env.SIM_USER_DATA);
const RESOURCES = /** @type {string} */ (env.SIM_RESOURCES);
if (!USER_DATA || !RESOURCES) throw new Error('the electron stand-in needs SIM_USER_DATA and SIM_RESOURCES');
const send = (/** @type {Record<string, unknown>} */ msg) => {
  if (process.connected) process.send?.(msg);
};

// --- replies to requests made to the desktop ---------------------------------------------
let nextRequest = 1;
/** @type {Map<number, (value: any) => void>} */
const waiting = new Map();
/** Asks the desktop something and waits for its answer. */
function ask(/** @type {Record<string, unknown>} */ msg) {
  const reqId = nextRequest++;
  return new Promise((resolve) => {
    waiting.set(reqId, resolve);
    send({ ...msg, reqId });
  });
}

// --- app ----------------------------------------------------------------------------------
class App extends EventEmitter {
  isPackaged = true;
  name = 'ExportDesk';
  #ready = false;
  #quitting = false;
  /** @type {Promise<void>} */
  #readyPromise;
  constructor() {
    super();
    this.#readyPromise = new Promise((resolve) => {
      // Electron is ready once the process has started and main's top-level code has run.
      setTimeout(() => {
        this.#ready = true;
        this.emit('ready', {});
        resolve();
      }, 10);
    });
  }
  whenReady() {
    return this.#readyPromise;
  }
  isReady() {
    return this.#ready;
  }
  enableSandbox() {
    sandboxed = true;
  }
  /** @param {string} name */
  getPath(name) {
    if (name === 'userData') return USER_DATA;
    if (name === 'temp') return join(USER_DATA, '..');
    if (name === 'home' || name === 'documents' || name === 'desktop' || name === 'downloads') return join(USER_DATA, '..');
    throw new Error(`stand-in app.getPath does not know "${name}"`);
  }
  getAppPath() {
    return join(RESOURCES, 'app');
  }
  getVersion() {
    return JSON.parse(readFileSync(join(this.getAppPath(), 'package.json'), 'utf8')).version;
  }
  getLocale() {
    return env.SIM_LOCALE || 'en-US';
  }
  setAppUserModelId() {}
  /** One instance per userData folder, as Electron does (a lock file with the owner's pid). */
  requestSingleInstanceLock() {
    const lock = join(USER_DATA, 'SingletonLock.sim');
    mkdirSync(USER_DATA, { recursive: true });
    if (existsSync(lock)) {
      const pid = Number(readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) return false;
    }
    writeFileSync(lock, String(process.pid));
    process.on('exit', () => rmSync(lock, { force: true }));
    return true;
  }
  /** Electron's quit: before-quit (preventable), the windows close, will-quit (preventable), quit, exit. */
  quit() {
    if (this.#quitting) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.#quitting = true;
    for (const win of BrowserWindow.getAllWindows()) win._closeForQuit();
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.emit('quit', {}, 0);
    this.exit(0);
  }
  /** @param {number} [code] */
  exit(code = 0) {
    send({ t: 'app.exit', code });
    // Let the message leave before the process ends.
    setTimeout(() => process.exit(code), 20);
  }
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let sandboxed = false;
export const app = new App();

// --- windows --------------------------------------------------------------------------------
let nextWindowId = 1;
/** @type {Map<number, BrowserWindow>} */
const windows = new Map();

class WebContents extends EventEmitter {
  /** @param {BrowserWindow} win */
  constructor(win) {
    super();
    this.id = win.id;
    this.window = win;
    this.url = '';
    this.loading = false;
    /** @type {((details: {url: string}) => {action: string}) | null} */
    this.openHandler = null;
    this.destroyed = false;
  }
  getURL() {
    return this.url;
  }
  isLoading() {
    return this.loading;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** @param {string} channel @param {unknown[]} args */
  send(channel, ...args) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    send({ t: 'webContents.send', id: this.id, channel, args: encode(args) });
  }
  /** @param {(details: {url: string}) => {action: string}} handler */
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  /** @param {string} url */
  async loadURL(url) {
    this.loading = true;
    this.url = url;
    this.emit('did-start-loading');
    const answer = await ask({ t: 'window.load', id: this.id, url });
    if (this.destroyed) return;
    this.loading = false;
    if (!answer.ok) {
      this.emit('did-fail-load', {}, -2, answer.error, url);
      throw new Error(`ERR_FAILED (-2) loading '${url}': ${answer.error}`);
    }
    this.url = answer.url;
    this.emit('dom-ready', {});
    this.emit('did-finish-load', {});
    this.window._firstLoad();
  }
  reload() {
    void this.loadURL(this.url);
  }
  print() {
    send({ t: 'webContents.print', id: this.id });
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows.values()];
  }
  static getFocusedWindow() {
    return [...windows.values()].find((w) => w.focused) ?? null;
  }
  /** @param {Record<string, any>} [options] */
  constructor(options = {}) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.visible = false;
    this.focused = false;
    this.minimized = false;
    this.maximized = false;
    this.destroyed = false;
    this.shownOnce = false;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContents(this);
    windows.set(this.id, this);
    const wp = options.webPreferences ?? {};
    send({
      t: 'window.create',
      id: this.id,
      bounds: this.bounds,
      show: options.show !== false,
      webPreferences: {
        preload: wp.preload,
        contextIsolation: wp.contextIsolation,
        sandbox: wp.sandbox ?? sandboxed,
        nodeIntegration: wp.nodeIntegration,
        webviewTag: wp.webviewTag,
      },
    });
    app.emit('web-contents-created', {}, this.webContents);
    app.emit('browser-window-created', {}, this);
    if (options.show !== false) this.show();
  }
  _firstLoad() {
    if (this.shownOnce) return;
    this.shownOnce = true;
    this.emit('ready-to-show');
  }
  /** @param {string} path @param {{hash?: string, query?: Record<string, string>, search?: string}} [options] */
  loadFile(path, options = {}) {
    const url = pathToFileURL(path);
    if (options.query) for (const [k, v] of Object.entries(options.query)) url.searchParams.set(k, v);
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.webContents.loadURL(url.href);
  }
  /** @param {string} url */
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {
    this.visible = true;
    this.focused = true;
    this.minimized = false;
    send({ t: 'window.show', id: this.id });
    this.emit('show');
  }
  hide() {
    this.visible = false;
    send({ t: 'window.hide', id: this.id });
  }
  focus() {
    this.focused = true;
    send({ t: 'window.focus', id: this.id });
  }
  isVisible() {
    return this.visible;
  }
  isFocused() {
    return this.focused;
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {
    this.maximized = true;
    this.emit('maximize');
  }
  unmaximize() {
    this.maximized = false;
    this.emit('unmaximize');
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getBounds() {
    return { ...this.bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** @param {{x?: number, y?: number, width?: number, height?: number}} b */
  setBounds(b) {
    this.bounds = { ...this.bounds, ...b };
    this.emit('resize');
    this.emit('move');
  }
  setTitle() {}
  /** The user (or code) closes the window: 'close' may be prevented; then it is gone. */
  close() {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.delete(this.id);
    send({ t: 'window.destroy', id: this.id });
    this.emit('closed');
    this.webContents.emit('destroyed');
    if (windows.size === 0 && !quittingFromApp) app.emit('window-all-closed');
  }
  _closeForQuit() {
    quittingFromApp = true;
    this.close();
  }
}
let quittingFromApp = false;

// --- IPC --------------------------------------------------------------------------------------
/** @type {Map<string, (event: any, ...args: unknown[]) => unknown>} */
const handlers = new Map();
export const ipcMain = Object.assign(new EventEmitter(), {
  /** @param {string} channel @param {(event: any, ...args: unknown[]) => unknown} fn */
  handle(channel, fn) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, fn);
  },
  /** @param {string} channel */
  removeHandler(channel) {
    handlers.delete(channel);
  },
});

/** @param {{ callId: number, windowId: number, channel: string, args: string, frameUrl: string }} msg */
async function onInvoke(msg) {
  const win = windows.get(msg.windowId);
  const fn = handlers.get(msg.channel);
  if (!fn || !win) {
    send({ t: 'ipc.result', callId: msg.callId, ok: false, error: `Error: No handler registered for '${msg.channel}'` });
    return;
  }
  const event = { sender: win.webContents, senderFrame: { url: msg.frameUrl, routingId: 1 }, frameId: 1, processId: 1 };
  try {
    const value = await fn(event, ...decode(msg.args));
    send({ t: 'ipc.result', callId: msg.callId, ok: true, value: encode(value) });
  } catch (err) {
    // Electron keeps only the message of an error thrown by a handler.
    send({ t: 'ipc.result', callId: msg.callId, ok: false, error: `Error invoking remote method '${msg.channel}': ${String(err)}` });
  }
}

// --- menus, dialogs, notifications, shortcuts, shell --------------------------------------------
export class Menu {
  /** @param {any[]} template */
  static buildFromTemplate(template) {
    const menu = new Menu();
    menu.items = template;
    return menu;
  }
  /** @param {Menu | null} menu */
  static setApplicationMenu(menu) {
    applicationMenu = menu;
    send({ t: 'menu.set', menu: menu ? describeMenu(menu.items) : null });
  }
  static getApplicationMenu() {
    return applicationMenu;
  }
  /** @type {any[]} */
  items = [];
}
/** @type {Menu | null} */
let applicationMenu = null;

/** @param {any[]} items @returns {any[]} */
function describeMenu(items) {
  return items.map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    accelerator: item.accelerator ?? null,
    enabled: item.enabled !== false,
    hasClick: typeof item.click === 'function',
    submenu: Array.isArray(item.submenu) ? describeMenu(item.submenu) : null,
  }));
}

/** @param {string[]} path labels from the menu bar down */
function clickMenu(path) {
  let items = applicationMenu?.items ?? [];
  /** @type {any} */
  let item = null;
  for (const label of path) {
    item = items.find((i) => i.label === label);
    if (!item) return `no menu item "${label}" in ${path.join(' → ')}`;
    items = Array.isArray(item.submenu) ? item.submenu : [];
  }
  if (!item || typeof item.click !== 'function') return `menu item ${path.join(' → ')} does nothing`;
  item.click(item, BrowserWindow.getFocusedWindow() ?? undefined, { triggeredByAccelerator: false });
  return null;
}

export const dialog = {
  /** @param {...any} args (window?, options) */
  async showMessageBox(...args) {
    const options = args.length > 1 ? args[1] : args[0];
    const answer = await ask({
      t: 'dialog.messageBox',
      options: { type: options.type, title: options.title, message: options.message, detail: options.detail, buttons: options.buttons },
    });
    return { response: answer.response ?? options.cancelId ?? 0, checkboxChecked: false };
  },
  /** @param {...any} args */
  async showOpenDialog(...args) {
    const options = args.length > 1 ? args[1] : args[0];
    const answer = await ask({ t: 'dialog.open', options: { title: options.title, properties: options.properties } });
    return { canceled: !answer.filePaths?.length, filePaths: answer.filePaths ?? [] };
  },
  /** @param {string} title @param {string} content */
  showErrorBox(title, content) {
    send({ t: 'dialog.errorBox', title, content });
  },
};

let nextNotification = 1;
/** @type {Map<number, Notification>} */
const notifications = new Map();
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  /** @param {{title?: string, body?: string}} [options] */
  constructor(options = {}) {
    super();
    this.nid = nextNotification++;
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }
  show() {
    notifications.set(this.nid, this);
    send({ t: 'notification.show', nid: this.nid, title: this.title, body: this.body });
    this.emit('show', {});
  }
  close() {
    notifications.delete(this.nid);
  }
}

/** @type {Map<string, () => void>} */
const shortcuts = new Map();
export const globalShortcut = {
  /** @param {string} accelerator @param {() => void} fn */
  register(accelerator, fn) {
    if (shortcuts.has(accelerator)) return false;
    shortcuts.set(accelerator, fn);
    send({ t: 'shortcut.register', accelerator });
    return true;
  },
  /** @param {string} accelerator */
  unregister(accelerator) {
    shortcuts.delete(accelerator);
  },
  unregisterAll() {
    shortcuts.clear();
  },
  /** @param {string} accelerator */
  isRegistered(accelerator) {
    return shortcuts.has(accelerator);
  },
};

export const shell = {
  /** @param {string} url */
  async openExternal(url) {
    send({ t: 'shell.openExternal', url });
  },
  /** @param {string} path */
  showItemInFolder(path) {
    send({ t: 'shell.showItemInFolder', path });
  },
  /** @param {string} path */
  async openPath(path) {
    send({ t: 'shell.openPath', path });
    return '';
  },
};

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
  scaleFactor: 1,
};
export const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay: () => DISPLAY,
  getAllDisplays: () => [DISPLAY],
});

/** The default session: permission handlers and the request filter are kept and consulted by the desktop. */
const sessionState = {
  /** @type {null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void)} */
  permissionRequest: null,
  /** @type {null | ((wc: unknown, permission: string, origin: string) => boolean)} */
  permissionCheck: null,
  /** @type {null | ((details: unknown) => boolean)} */
  devicePermission: null,
  /** @type {null | ((details: {url: string}, cb: (r: {cancel?: boolean}) => void) => void)} */
  beforeRequest: null,
};
export const session = {
  defaultSession: {
    /** @param {any} h */
    setPermissionRequestHandler: (h) => void (sessionState.permissionRequest = h),
    /** @param {any} h */
    setPermissionCheckHandler: (h) => void (sessionState.permissionCheck = h),
    /** @param {any} h */
    setDevicePermissionHandler: (h) => void (sessionState.devicePermission = h),
    webRequest: {
      /** @param {unknown} _filter @param {any} listener */
      onBeforeRequest: (_filter, listener) => void (sessionState.beforeRequest = listener),
    },
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });

// --- safeStorage ----------------------------------------------------------------------------------
// A reversible fake of the OS keychain's encryption (XOR with a fixed key behind a marker), so the
// app's secrets go through main's encrypting store and the engine worker's relay to it, and a test
// can read what was kept. SIM_KEYCHAIN=none plays a Linux without a keyring (no encryption).
const KEYCHAIN = env.SIM_KEYCHAIN !== 'none';
const FAKE_KEY = Buffer.from('stand-in keychain key');
const FAKE_MARK = Buffer.from('SIMKEYCHAIN1:');
/** @param {Buffer} bytes */
const xorKey = (bytes) => Buffer.from(bytes.map((b, i) => b ^ /** @type {number} */ (FAKE_KEY[i % FAKE_KEY.length])));
export const safeStorage = {
  isEncryptionAvailable: () => app.isReady() && KEYCHAIN,
  isAsyncEncryptionAvailable: async () => KEYCHAIN,
  getSelectedStorageBackend: () => (!app.isReady() ? 'unknown' : KEYCHAIN ? 'gnome_libsecret' : 'basic_text'),
  /** @param {string} text */
  encryptString(text) {
    if (!KEYCHAIN) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.concat([FAKE_MARK, xorKey(Buffer.from(text, 'utf8'))]);
  },
  /** @param {Buffer} encrypted */
  decryptString(encrypted) {
    if (!KEYCHAIN)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (!encrypted.subarray(0, FAKE_MARK.length).equals(FAKE_MARK))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return xorKey(encrypted.subarray(FAKE_MARK.length)).toString('utf8');
  },
  /** @param {string} text */
  encryptStringAsync: async (text) => safeStorage.encryptString(text),
  /** @param {Buffer} encrypted */
  decryptStringAsync: async (encrypted) => ({ result: safeStorage.decryptString(encrypted), shouldReEncrypt: false }),
};

// The renderer side of Electron is not used by main; the preload gets its own stand-in in the page.
export const contextBridge = undefined;
export const ipcRenderer = undefined;

export default {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  dialog,
  Notification,
  globalShortcut,
  shell,
  screen,
  session,
  nativeTheme,
  safeStorage,
};

// --- messages from the desktop ------------------------------------------------------------------
process.on('message', (/** @type {any} */ msg) => {
  switch (msg.t) {
    case 'reply': {
      const resolve = waiting.get(msg.reqId);
      waiting.delete(msg.reqId);
      resolve?.(msg.value ?? {});
      break;
    }
    case 'ipc.invoke':
      void onInvoke(msg);
      break;
    case 'window.navigated': {
      // Same-document navigations (hash routes) and reloads the page made on its own.
      const win = windows.get(msg.id);
      if (win) win.webContents.url = msg.url;
      break;
    }
    case 'window.userClose':
      windows.get(msg.id)?.close();
      break;
    case 'window.popup': {
      // window.open / target=_blank: Electron asks the window-open handler; the desktop closes what is denied.
      const win = windows.get(msg.id);
      const action = win?.webContents.openHandler?.({ url: msg.url })?.action ?? 'allow';
      send({ t: 'reply.request', reqId: msg.reqId, action });
      break;
    }
    case 'navigate.check': {
      // The page is about to leave for another URL: Electron asks will-navigate first.
      const win = windows.get(msg.id);
      const event = { ...preventable(), url: msg.url, isMainFrame: true };
      win?.webContents.emit('will-navigate', event);
      win?.webContents.emit('will-frame-navigate', event);
      send({ t: 'reply.request', reqId: msg.reqId, prevented: event.defaultPrevented });
      break;
    }
    case 'request.check': {
      // A request from a page: the session's onBeforeRequest decides, as in Electron.
      const listener = sessionState.beforeRequest;
      if (!listener) send({ t: 'reply.request', reqId: msg.reqId, cancel: false });
      else listener({ url: msg.url }, (r) => send({ t: 'reply.request', reqId: msg.reqId, cancel: Boolean(r.cancel) }));
      break;
    }
    case 'permission.request': {
      const h = sessionState.permissionRequest;
      if (!h) send({ t: 'reply.request', reqId: msg.reqId, granted: true });
      else h(null, msg.permission, (granted) => send({ t: 'reply.request', reqId: msg.reqId, granted }));
      break;
    }
    case 'menu.click': {
      const problem = clickMenu(msg.path);
      send({ t: 'reply.request', reqId: msg.reqId, error: problem });
      break;
    }
    case 'notification.click':
      notifications.get(msg.nid)?.emit('click', {});
      break;
    case 'shortcut.press':
      shortcuts.get(msg.accelerator)?.();
      break;
    case 'app.quit':
      app.quit();
      break;
    case 'app.activate':
      app.emit('activate', {}, BrowserWindow.getAllWindows().length > 0);
      break;
    case 'app.secondInstance':
      app.emit('second-instance', {}, [], process.cwd());
      break;
    default:
      break;
  }
});
// The IPC channel must not keep the process alive on its own: Electron's process ends with app.exit.
process.channel?.unref();

// --- values across the process boundary: JSON, keeping undefined ----------------------------------
const UNDEF = '__sim_undefined__';
/** @param {unknown} value */
function encode(value) {
  return JSON.stringify(value === undefined ? UNDEF : value, (_k, v) => (v === undefined ? UNDEF : v));
}
/** @param {string} text @returns {any} */
function decode(text) {
  return JSON.parse(text, (_k, v) => (v === UNDEF ? undefined : v));
}

import type { WebPreferences } from 'electron';

/**
 * Window and session hardening. Everything here is a pure function or works against a small
 * structural slice of Electron's objects, so it runs (and is tested) in plain Node.
 */

/**
 * Where the app's own page lives: the built index.html over file:// in production, or the
 * electron-vite dev server in development. Only this page may call IPC, be navigated to or
 * receive events.
 */
export type AppOrigin =
  | { kind: 'file'; /** file:// URL of out/renderer/index.html */ indexUrl: string }
  | { kind: 'dev'; /** e.g. http://localhost:5173 */ origin: string };

export interface WebPreferencesOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  /** DevTools are available in development only. */
  devTools?: boolean;
}

/** The renderer's webPreferences: isolated, sandboxed, no Node, no webview, no remote content. */
export function buildWebPreferences(options: WebPreferencesOptions): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools ?? false,
  };
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** A phone number as a tel: link carries it: an optional +, then digits (and the usual separators). */
const TEL_NUMBER = /^\+?[0-9][0-9().-]{2,30}$/;
const MAX_EXTERNAL_URL_LENGTH = 4096;
// Whitespace and control characters are never part of a link we hand to the OS.
const UNSAFE_CHARS = /[\s\p{Cc}]/u;

/**
 * The normalized form of a link that may be opened in the user's browser or mail client, or
 * null when it may not: only http:, https:, mailto: and tel: (the phone app), well-formed, no credentials.
 */
export function toExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (UNSAFE_CHARS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'mailto:') {
    // mailto:someone@example.com[?subject=…]; an address is required.
    if (url.pathname === '' || !url.pathname.includes('@')) return null;
  } else if (url.protocol === 'tel:') {
    if (!TEL_NUMBER.test(url.pathname) || url.search !== '' || url.hash !== '') return null;
  } else if (url.hostname === '') {
    return null;
  }
  return url.href;
}

/** Whether a link may be opened externally (http:, https:, mailto:, tel:, valid, no credentials). */
export function isAllowedExternalUrl(url: unknown): boolean {
  return toExternalUrl(url) !== null;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** A file URL's path in comparable form: decoded, and case-folded for Windows drive paths. */
function comparableFilePath(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return /^\/[A-Za-z]:\//.test(path) ? path.toLowerCase() : path;
}

/**
 * Whether a URL belongs to the app's own page. In production that is exactly the built
 * index.html (query and hash aside, for client-side routing); in development, any URL on the
 * dev server's origin.
 */
export function isAppUrl(raw: unknown, appOrigin: AppOrigin): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false;
  const url = parseUrl(raw);
  if (!url) return false;
  if (appOrigin.kind === 'dev') {
    const dev = parseUrl(appOrigin.origin);
    return dev !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
  }
  const index = parseUrl(appOrigin.indexUrl);
  if (!index || url.protocol !== 'file:' || index.protocol !== 'file:') return false;
  if (url.host.toLowerCase() !== index.host.toLowerCase()) return false;
  const a = comparableFilePath(url);
  const b = comparableFilePath(index);
  return a !== null && a === b;
}

/** Whether an IPC call comes from the app's own page (the sender frame's URL). */
export function isTrustedSenderUrl(url: unknown, appOrigin: AppOrigin): boolean {
  return isAppUrl(url, appOrigin);
}

/**
 * Whether the renderer may make a request: only local schemes (the app's files, inline data
 * and blobs, DevTools) and, in development, the dev server (HTTP and its HMR websocket).
 * Everything else — any http(s)/ws(s) host, ftp… — is cancelled: the app makes no network calls.
 */
export function isAllowedRequestUrl(raw: string, appOrigin: AppOrigin): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  switch (url.protocol) {
    case 'file:':
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:': {
      if (appOrigin.kind !== 'dev') return false;
      const dev = parseUrl(appOrigin.origin);
      if (!dev) return false;
      const secure = dev.protocol === 'https:';
      const expected = url.protocol === 'ws:' || url.protocol === 'wss:' ? (secure ? 'wss:' : 'ws:') : dev.protocol;
      return url.protocol === expected && url.host === dev.host;
    }
    default:
      return false;
  }
}

/** The origin the renderer is served from: the dev server in development, else the built file. */
export function resolveAppOrigin(options: { devServerUrl?: string | undefined; rendererIndexUrl: string }): AppOrigin {
  if (options.devServerUrl) {
    const dev = parseUrl(options.devServerUrl);
    if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${options.devServerUrl}`);
    }
    return { kind: 'dev', origin: dev.origin };
  }
  return { kind: 'file', indexUrl: options.rendererIndexUrl };
}

// --- webContents and session hardening (structural slices of Electron's types) -------------

interface PreventableEvent {
  preventDefault(): void;
}

/** What hardenWebContents needs of Electron's WebContents. */
export interface HardenableWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string; isMainFrame: boolean }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface HardenWebContentsDeps {
  appOrigin: AppOrigin;
  /** shell.openExternal in the app; receives only links that passed toExternalUrl. */
  openExternal(url: string): Promise<void> | void;
  /** Where failures to open a link are reported (defaults to console.warn). */
  warn?(message: string): void;
}

const hardened = new WeakSet<object>();

/**
 * Denies every new window (links to the web and mail open in the user's own apps instead),
 * every navigation away from the app's page, and every <webview>.
 */
export function hardenWebContents(contents: HardenableWebContents, deps: HardenWebContentsDeps): void {
  // Once per webContents: the main window is hardened when made and again by hardenAllWebContents.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const openOutside = (raw: string) => {
    const url = toExternalUrl(raw);
    if (url === null) return;
    try {
      void Promise.resolve(deps.openExternal(url)).catch((err: unknown) => warn(`could not open ${url}: ${String(err)}`));
    } catch (err) {
      warn(`could not open ${url}: ${String(err)}`);
    }
  };

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, deps.appOrigin)) return;
    event.preventDefault();
    // A plain link to the web (no target=_blank) is opened in the browser, not in the app.
    openOutside(event.url);
  });

  // Sub-frames too (the main frame is handled above; will-frame-navigate fires for both).
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url, deps.appOrigin)) return;
    event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** What hardenAllWebContents needs of Electron's app. */
export interface HardenableApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableWebContents) => void): unknown;
}

/**
 * Hardens every webContents the app ever creates (any window, DevTools, a webview that slipped
 * through), not only the main window: no new windows, no navigation away, no <webview>.
 * Must run before `ready`.
 */
export function hardenAllWebContents(app: HardenableApp, deps: HardenWebContentsDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}

/** What hardenSession needs of Electron's Session. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string) => boolean) | null): void;
  /** USB, HID and serial devices (WebUSB, WebHID, Web Serial). */
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null,
    ): void;
  };
}

/** Denies every permission request and check (devices too), and cancels every request that would leave the app. */
export function hardenSession(session: HardenableSession, appOrigin: AppOrigin): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, appOrigin) });
  });
}

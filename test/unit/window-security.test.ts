import { describe, expect, it, vi } from 'vitest';
import {
  buildWebPreferences,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isTrustedSenderUrl,
  resolveAppOrigin,
  toExternalUrl,
  type AppOrigin,
  type HardenableSession,
  type HardenableWebContents,
} from '../../src/main/window/security';

const FILE_ORIGIN: AppOrigin = { kind: 'file', indexUrl: 'file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html' };
const DEV_ORIGIN: AppOrigin = { kind: 'dev', origin: 'http://localhost:5173' };

describe('buildWebPreferences', () => {
  it('turns on every isolation and turns off every dangerous feature', () => {
    const prefs = buildWebPreferences({ preload: '/app/out/preload/index.cjs' });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.devTools).toBe(false);
  });

  it('enables DevTools only when asked (development)', () => {
    expect(buildWebPreferences({ preload: '/p.cjs', devTools: true }).devTools).toBe(true);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.alibaba.com/',
    'https://example.com/path?q=1#top',
    'http://example.com',
    'mailto:buyer@example.com',
    'mailto:buyer@example.com?subject=Quote%20request',
    'tel:+8613800138000',
    'tel:+1-555-0100',
    'https://wa.me/8613800138000',
  ])('accepts %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JavaScript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'exportdesk://open'],
    ['another custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb', 'smb://server/share'],
    ['ftp', 'ftp://example.com/file'],
    ['credentials', 'https://user:pass@example.com/'],
    ['a user name alone', 'https://user@example.com/'],
    ['malformed', 'https://'],
    ['not a URL', 'not a url'],
    ['relative', '/customers/1'],
    ['empty', ''],
    ['whitespace inside', 'https://exa mple.com'],
    ['leading whitespace', ' https://example.com'],
    ['control character', 'https://example.com/\u0000'],
    ['mailto without address', 'mailto:'],
    ['tel without a number', 'tel:'],
    ['tel with letters', 'tel:call-me'],
    ['tel with a query', 'tel:+861380013800?x=1'],
    ['overlong', `https://example.com/${'a'.repeat(5000)}`],
  ])('rejects %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl(null)).toBe(false);
    expect(isAllowedExternalUrl({ href: 'https://example.com' })).toBe(false);
  });

  it('normalizes what it hands to the OS', () => {
    expect(toExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });
});

describe('isTrustedSenderUrl', () => {
  it('accepts the built page, with or without a route in the hash or query', () => {
    expect(isTrustedSenderUrl(FILE_ORIGIN.kind === 'file' ? FILE_ORIGIN.indexUrl : '', FILE_ORIGIN)).toBe(true);
    expect(isTrustedSenderUrl('file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html#/customers/4', FILE_ORIGIN)).toBe(true);
    expect(isTrustedSenderUrl('file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html?x=1', FILE_ORIGIN)).toBe(true);
  });

  it('rejects other files, other schemes and other hosts', () => {
    for (const url of [
      'file:///opt/ExportDesk/resources/app.asar/out/renderer/other.html',
      'file:///tmp/index.html',
      'file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html/../../../../evil.html',
      'file://evilhost/opt/ExportDesk/resources/app.asar/out/renderer/index.html',
      'https://example.com/index.html',
      'http://localhost:5173/',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'data:text/html,hi',
      '',
      'garbage',
    ]) {
      expect(isTrustedSenderUrl(url, FILE_ORIGIN), url).toBe(false);
    }
    expect(isTrustedSenderUrl(undefined, FILE_ORIGIN)).toBe(false);
  });

  it('compares file paths the way Windows and Chromium write them', () => {
    const win: AppOrigin = {
      kind: 'file',
      indexUrl: 'file:///C:/Program%20Files/ExportDesk/resources/app.asar/out/renderer/index.html',
    };
    expect(isTrustedSenderUrl('file:///c:/Program Files/ExportDesk/resources/app.asar/out/renderer/index.html', win)).toBe(true);
    expect(isTrustedSenderUrl('file:///D:/Program%20Files/ExportDesk/resources/app.asar/out/renderer/index.html', win)).toBe(false);
  });

  it('in development, accepts the dev server origin only', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV_ORIGIN)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/#/customers', DEV_ORIGIN)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV_ORIGIN)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV_ORIGIN)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', DEV_ORIGIN)).toBe(false);
    expect(isTrustedSenderUrl('file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html', DEV_ORIGIN)).toBe(false);
  });
});

describe('resolveAppOrigin', () => {
  it('uses the dev server when its URL is set, else the built file', () => {
    expect(resolveAppOrigin({ devServerUrl: 'http://localhost:5173/', rendererIndexUrl: 'file:///x/index.html' })).toEqual(DEV_ORIGIN);
    expect(resolveAppOrigin({ devServerUrl: undefined, rendererIndexUrl: 'file:///x/index.html' })).toEqual({
      kind: 'file',
      indexUrl: 'file:///x/index.html',
    });
    expect(() => resolveAppOrigin({ devServerUrl: 'javascript:alert(1)', rendererIndexUrl: 'file:///x/index.html' })).toThrow();
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows local schemes and cancels the network in production', () => {
    expect(isAllowedRequestUrl('file:///opt/ExportDesk/resources/app.asar/out/renderer/assets/index.js', FILE_ORIGIN)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', FILE_ORIGIN)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', FILE_ORIGIN)).toBe(true);
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'ws://localhost:5173/', 'wss://example.com/', 'ftp://x/']) {
      expect(isAllowedRequestUrl(url, FILE_ORIGIN), url).toBe(false);
    }
  });

  it('in development, also allows the dev server and its HMR socket', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', DEV_ORIGIN)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=abc', DEV_ORIGIN)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', DEV_ORIGIN)).toBe(false);
    expect(isAllowedRequestUrl('https://fonts.googleapis.com/css', DEV_ORIGIN)).toBe(false);
  });
});

type Listener = (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
  };
  const fire = (name: string, details: { url?: string; isMainFrame?: boolean } = {}) => {
    const event = { ...details, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as HardenableWebContents,
    listeners,
    open: (url: string) => {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
    fire,
  };
}

describe('hardenWebContents', () => {
  it('denies every window.open, opening only allowed links outside the app', () => {
    const openExternal = vi.fn();
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: FILE_ORIGIN, openExternal });
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(f.open('mailto:buyer@example.com')).toEqual({ action: 'deny' });
    expect(f.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(f.open(FILE_ORIGIN.kind === 'file' ? FILE_ORIGIN.indexUrl : '')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/'], ['mailto:buyer@example.com']]);
  });

  it('blocks navigation away from the app page', () => {
    const openExternal = vi.fn();
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: FILE_ORIGIN, openExternal });
    expect(f.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(f.fire('will-navigate', { url: 'file:///tmp/evil.html' })).toBe(true);
    expect(f.fire('will-navigate', { url: 'javascript:alert(1)' })).toBe(true);
    expect(f.fire('will-navigate', { url: 'file:///opt/ExportDesk/resources/app.asar/out/renderer/index.html#/x' })).toBe(false);
    // A plain web link is sent to the browser; the rest are simply dropped.
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('blocks sub-frames navigating away from the app', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: FILE_ORIGIN, openExternal: vi.fn() });
    expect(f.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(f.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(false); // will-navigate handles it
  });

  it('in development, allows navigation within the dev server only', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: DEV_ORIGIN, openExternal: vi.fn() });
    expect(f.fire('will-navigate', { url: 'http://localhost:5173/customers' })).toBe(false);
    expect(f.fire('will-navigate', { url: 'http://localhost:8080/' })).toBe(true);
  });

  it('blocks every <webview>', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: FILE_ORIGIN, openExternal: vi.fn() });
    expect(f.fire('will-attach-webview')).toBe(true);
  });

  it('survives an openExternal that fails', async () => {
    const warn = vi.fn();
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: FILE_ORIGIN, openExternal: () => Promise.reject(new Error('no browser')), warn });
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledOnce();
  });
});

function fakeSession() {
  let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  let checkHandler: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  let deviceHandler: ((details: unknown) => boolean) | null = null;
  let beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  let filter: { urls: string[] } | undefined;
  const session: HardenableSession = {
    setPermissionRequestHandler: (h) => {
      requestHandler = h;
    },
    setPermissionCheckHandler: (h) => {
      checkHandler = h;
    },
    setDevicePermissionHandler: (h) => {
      deviceHandler = h;
    },
    webRequest: {
      onBeforeRequest: (f, l) => {
        filter = f;
        beforeRequest = l;
      },
    },
  };
  return {
    session,
    filter: () => filter,
    request(permission: string): boolean | undefined {
      let granted: boolean | undefined;
      requestHandler?.({}, permission, (g) => {
        granted = g;
      });
      return granted;
    },
    check: (permission: string) => checkHandler?.({}, permission, 'file:///'),
    device: (details: unknown) => deviceHandler?.(details),
    fetch(url: string): boolean | undefined {
      let cancel: boolean | undefined;
      beforeRequest?.({ url }, (r) => {
        cancel = r.cancel;
      });
      return cancel;
    },
  };
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const s = fakeSession();
    hardenSession(s.session, FILE_ORIGIN);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(s.request(permission), permission).toBe(false);
      expect(s.check(permission), permission).toBe(false);
    }
    // WebUSB, WebHID and Web Serial devices too.
    expect(s.device({ deviceType: 'usb', origin: 'file://' })).toBe(false);
    expect(s.device({ deviceType: 'hid', origin: 'https://evil.example' })).toBe(false);
  });

  it('cancels requests that would leave the app and lets local ones through', () => {
    const s = fakeSession();
    hardenSession(s.session, FILE_ORIGIN);
    expect(s.filter()).toEqual({ urls: ['<all_urls>'] });
    expect(s.fetch('https://example.com/tracker.js')).toBe(true);
    expect(s.fetch('http://192.168.1.10/')).toBe(true);
    expect(s.fetch('wss://example.com/')).toBe(true);
    expect(s.fetch('file:///opt/ExportDesk/resources/app.asar/out/renderer/assets/index.js')).toBe(false);
    expect(s.fetch('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('in development, lets the dev server through', () => {
    const s = fakeSession();
    hardenSession(s.session, DEV_ORIGIN);
    expect(s.fetch('http://localhost:5173/@vite/client')).toBe(false);
    expect(s.fetch('https://example.com/')).toBe(true);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenAllWebContents,
  hardenWebContents,
  type AppOrigin,
  type HardenableApp,
  type HardenableWebContents,
} from '../../src/main/window/security';

/**
 * What window-security.test.ts (the functions) and electron-builder-config.test.ts (the fuses)
 * do not cover: that the app actually wires them up, the page's CSP, and that no file turns a
 * protection off. Electron cannot run here, so the wiring is checked in the source.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/.test(name)) out.push(path);
  }
  return out;
}

function cspOf(html: string): Map<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSP meta tag');
  return new Map(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0] as string, d.slice(1)]),
  );
}

describe('the page', () => {
  it('has a strict Content-Security-Policy: only its own files, no inline or eval script, no plugins, no network', () => {
    const csp = cspOf(read('src/renderer/index.html'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const [directive, sources] of csp) {
      for (const source of sources) {
        expect(source, `${directive} ${source}`).not.toMatch(
          /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|^\*$|^https?:|^wss?:|^http|^\*\./,
        );
      }
    }
  });

  it('loads nothing from the network (no remote script, style, font or image in the page)', () => {
    for (const file of sourceFiles('src/renderer')) {
      const text = read(file);
      expect(text, file).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//);
      expect(text, file).not.toMatch(/@import\s+url\(["']?https?:/);
      expect(text, file).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|cdnjs/);
    }
  });
});

describe('the main process wires every protection', () => {
  const index = read('src/main/index.ts');
  const createWindow = read('src/main/window/create-window.ts');

  it('sandboxes every renderer, hardens the session and every webContents before any window opens', () => {
    const ready = index.indexOf('.whenReady()');
    for (const call of ['app.enableSandbox()', 'hardenAllWebContents(app,']) {
      expect(index.indexOf(call), call).toBeGreaterThan(-1);
      expect(index.indexOf(call), `${call} before ready`).toBeLessThan(ready);
    }
    // In onReady, the session is hardened before the first window, the menu (whose commands may open
    // a window) and the global shortcut exist.
    const onReady = index.slice(index.indexOf('async function onReady'));
    const hardened = onReady.indexOf('hardenSession(session.defaultSession, appOrigin)');
    expect(hardened).toBeGreaterThan(-1);
    for (const later of ['openMainWindow();', 'setMenu(', 'globalShortcut.register('])
      expect(hardened, later).toBeLessThan(onReady.indexOf(later));
  });

  it('checks the sender frame of every IPC call against the app page', () => {
    expect(index).toMatch(
      /registerIpcHandlers\(ipcMain, engineCall, \{ isTrustedSender: \(url\) => isTrustedSenderUrl\(url, appOrigin\) \}\)/,
    );
    // Nothing registers an IPC handler of its own, outside the contract.
    for (const file of sourceFiles('src/main')) {
      if (file.endsWith(join('ipc', 'register.ts'))) continue;
      expect(read(file), file).not.toMatch(/ipcMain\.(handle|on|once)\(/);
    }
  });

  it('builds the window from the hardened preferences and hardens its webContents', () => {
    expect(createWindow).toMatch(/webPreferences: buildWebPreferences\(/);
    expect(createWindow).toMatch(/hardenWebContents\(win\.webContents,/);
    // Links go out only through the checked openExternal of the hardening.
    for (const file of sourceFiles('src')) {
      const text = read(file);
      const calls = text.match(/shell\.openExternal\(/g)?.length ?? 0;
      const checked = text.match(/openExternal: \(url\) => shell\.openExternal\(url\)/g)?.length ?? 0;
      expect(calls, `${relative(ROOT, join(ROOT, file))}: shell.openExternal outside the hardening`).toBe(checked);
    }
  });

  it('no file turns a protection off', () => {
    for (const file of [...sourceFiles('src/main'), ...sourceFiles('src/preload'), ...sourceFiles('src/renderer')]) {
      const text = read(file);
      expect(text, file).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/);
      expect(text, file).not.toMatch(/contextIsolation\s*:\s*false/);
      expect(text, file).not.toMatch(/sandbox\s*:\s*false/);
      expect(text, file).not.toMatch(/webSecurity\s*:\s*false/);
      expect(text, file).not.toMatch(/allowRunningInsecureContent\s*:\s*true/);
      expect(text, file).not.toMatch(/webviewTag\s*:\s*true/);
      expect(text, file).not.toMatch(/@electron\/remote|enableRemoteModule/);
      expect(text, file).not.toMatch(/ignore-certificate-errors|disable-web-security|setCertificateVerifyProc/);
    }
  });
});

describe('hardenAllWebContents', () => {
  const origin: AppOrigin = { kind: 'file', indexUrl: 'file:///opt/ExportDesk/out/renderer/index.html' };

  function fakeContents() {
    const listeners = new Map<string, ((e: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void)[]>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => void (openHandler = h),
      on: (name: string, l: (e: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void) => {
        listeners.set(name, [...(listeners.get(name) ?? []), l]);
        return contents;
      },
    };
    const fire = (name: string, url?: string) => {
      const event = { url, isMainFrame: true, preventDefault: vi.fn() };
      for (const l of listeners.get(name) ?? []) l(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents: contents as unknown as HardenableWebContents, listeners, open: (url: string) => openHandler?.({ url }), fire };
  }

  it('hardens every webContents the app creates: no new windows, no navigation away, no <webview>', () => {
    let created: ((event: unknown, contents: HardenableWebContents) => void) | undefined;
    const app: HardenableApp = { on: (_event, listener) => void (created = listener) };
    const openExternal = vi.fn();
    hardenAllWebContents(app, { appOrigin: origin, openExternal });
    const devtools = fakeContents();
    created?.({}, devtools.contents);
    expect(devtools.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(devtools.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(devtools.fire('will-attach-webview')).toBe(true);
  });

  it('hardens a webContents once, however often it is asked (the main window is hardened twice)', () => {
    const openExternal = vi.fn();
    const f = fakeContents();
    hardenWebContents(f.contents, { appOrigin: origin, openExternal });
    hardenWebContents(f.contents, { appOrigin: origin, openExternal });
    expect(f.listeners.get('will-navigate')).toHaveLength(1);
    f.fire('will-navigate', 'https://example.com/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

/**
 * "The desktop" for the desktop simulation: runs the BUILT main process (out/main/index.js of a
 * simulated installation) in a child Node process whose `electron` module is the stand-in
 * (stand-in/electron.mjs), and plays Electron's part for it: each BrowserWindow is a real Chromium
 * page (Playwright) that loads the built renderer over file:// and runs the built preload in an
 * isolated world (page-worlds.ts); dialogs are answered from a script; notifications, the menu and
 * global shortcuts can be clicked and pressed as a person would.
 *
 * The installation holds what electron-builder packs (the app's out/ and package.json) plus
 * resources/native/better_sqlite3.node, and no node_modules: no other build of better-sqlite3 is
 * reachable, so a database opened without the native binding fails here as on a user's machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Route } from '@playwright/test';
import yaml from 'js-yaml';
import { nodeNativeBinding } from '../../src/bridge/start-engine';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/browser.mjs';
import { planAppFiles } from '../../scripts/package-plan.mjs';
import { DELIVER, IPC_BINDING, PRELOAD_WORLD, mainWorldSource, preloadWorldSource } from './page-worlds';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REGISTER = join(import.meta.dirname, 'stand-in', 'register.mjs');

export interface Installation {
  /** The installation folder (like C:\Program Files\ExportDesk or ExportDesk.app/Contents). */
  dir: string;
  resources: string;
  mainEntry: string;
}

/**
 * Lays out an installed ExportDesk as electron-builder would: resources/app holds exactly the files
 * of the packing plan (scripts/package-plan.mjs, the selection electron-builder makes from
 * electron-builder.yml), resources/native the database engine and every other extraResources entry of
 * electron-builder.yml (the quotation font in resources/fonts). A file main needs at run time that
 * the plan or the extraResources leave out fails here.
 */
export async function installApp(dir: string): Promise<Installation> {
  const resources = join(dir, 'resources');
  const app = join(resources, 'app');
  const plan = await planAppFiles({ projectDir: ROOT });
  for (const file of plan.files) {
    const target = join(app, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file.source, target);
  }
  mkdirSync(join(resources, 'native'), { recursive: true });
  // The Node build stands in for Electron's (same file name and place; the ABI is this Node's).
  cpSync(nodeNativeBinding(), join(resources, 'native', 'better_sqlite3.node'));
  // The other extraResources, from where electron-builder takes them (those naming a platform or
  // arch are the native module's, placed above).
  const builder = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
    extraResources?: { from: string; to: string }[];
  };
  for (const extra of builder.extraResources ?? []) {
    if (extra.from.includes('${')) continue;
    const target = join(resources, ...extra.to.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(ROOT, extra.from), target);
  }
  return { dir, resources, mainEntry: join(app, 'out', 'main', 'index.js') };
}

export interface DialogRecord {
  type?: string;
  title?: string;
  message?: string;
  detail?: string;
  buttons?: string[];
}

export interface NotificationRecord {
  nid: number;
  title: string;
  body: string;
}

export interface MenuItemRecord {
  label: string | null;
  role: string | null;
  accelerator: string | null;
  submenu: MenuItemRecord[] | null;
}

export interface LaunchOptions {
  install: Installation;
  userData: string;
  locale?: string;
  timeZone?: string;
  /** macOS conventions (the app stays open without windows). */
  platform?: 'darwin';
  /** Answers for message boxes, in order (the button index); the default is the cancel button. */
  dialogAnswers?: number[];
  /** 'none': safeStorage cannot encrypt (a Linux without a keyring); default: the stand-in's fake keychain. */
  keychain?: 'none';
}

interface SimWindow {
  id: number;
  page: Page;
  cdp: CDPSession;
  /** The preload world's execution context in the current document. */
  contextId: number | null;
  visible: boolean;
  closing: boolean;
}

type ChildMessage = { t: string; [key: string]: unknown };

/** One launch of the app: the main process and its windows. */
export class DesktopApp {
  readonly notifications: NotificationRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly openedExternally: string[] = [];
  readonly shownInFolder: string[] = [];
  readonly blockedRequests: string[] = [];
  readonly shortcuts: string[] = [];
  menu: MenuItemRecord[] | null = null;
  readonly exited: Promise<number>;
  private readonly windows = new Map<number, SimWindow>();
  private readonly windowOps = new Map<number, Promise<unknown>>();
  private readonly windowWaiters: ((w: SimWindow) => void)[] = [];
  private readonly replies = new Map<number, (m: ChildMessage) => void>();
  private nextReq = 1;
  private log = '';
  private exitCode: number | null = null;
  private readonly dialogAnswers: number[];

  private constructor(
    private readonly child: ChildProcess,
    private readonly context: BrowserContext,
    options: LaunchOptions,
  ) {
    this.dialogAnswers = [...(options.dialogAnswers ?? [])];
    child.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    child.on('message', (m: ChildMessage) => {
      // A window's own operations (create, load, show, destroy) run in the order they were sent.
      const windowId = m.t.startsWith('window.') ? (m.id as number) : undefined;
      const run = () => this.onMessage(m).catch((err: unknown) => void (this.log += `\n[desktop] ${String(err)}\n`));
      if (windowId === undefined) void run();
      else this.windowOps.set(windowId, (this.windowOps.get(windowId) ?? Promise.resolve()).then(run));
    });
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? 128 : 0);
        resolveExit(this.exitCode);
      });
    });
  }

  /** Starts the installed app as a person would (double-click), on a persistent browser profile in userData. */
  static async launch(options: LaunchOptions): Promise<DesktopApp> {
    mkdirSync(options.userData, { recursive: true });
    const context = await chromium.launchPersistentContext(join(options.userData, 'Chromium'), {
      executablePath: requireChromium(),
      headless: true,
      locale: options.locale ?? 'en-US',
      ...(options.timeZone ? { timezoneId: options.timeZone } : {}),
      viewport: null,
      // Electron lets the app's file:// page load its own module scripts; Chromium needs the flag.
      args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
    });
    // Every page request that is not a file of the app goes through the session's request filter (main's hardenSession).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SIM_USER_DATA: options.userData,
      SIM_RESOURCES: options.install.resources,
      SIM_LOCALE: options.locale ?? 'en-US',
      ...(options.timeZone ? { TZ: options.timeZone } : {}),
      ...(options.platform ? { SIM_PLATFORM: options.platform } : {}),
      ...(options.keychain ? { SIM_KEYCHAIN: options.keychain } : {}),
    };
    const child = spawn(process.execPath, ['--import', pathToImport(REGISTER), options.install.mainEntry], {
      cwd: options.install.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const app = new DesktopApp(child, context, options);
    // Requests that could leave the machine (http, https, ws) go through what main set up: will-navigate,
    // the window-open handler, then the session's request filter. The app's own file:// and inline
    // data: loads never reach the network.
    await context.route(
      (url) => ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol),
      async (route) => {
        try {
          await app.routeRequest(route);
        } catch (err) {
          // The window closed while its request waited (the user closed it, or the app quit): nothing to answer.
          if (!/closed|Target page, context or browser has been closed/i.test(String(err))) throw err;
        }
      },
    );
    // The persistent profile opens with one blank tab; windows get their own pages.
    for (const p of context.pages()) await p.close();
    return app;
  }

  /** Everything the main process printed. */
  output(): string {
    return this.log;
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  /** The next window that is shown and has loaded its page (an already open one first). */
  async window(timeoutMs = 30_000): Promise<Page> {
    const open = [...this.windows.values()].find((w) => !w.closing);
    if (open) {
      await open.page.waitForLoadState('load');
      return open.page;
    }
    const w = await new Promise<SimWindow>((resolveWin, reject) => {
      const timer = setTimeout(() => reject(new Error(`no window opened in ${timeoutMs} ms\n${this.log}`)), timeoutMs);
      this.windowWaiters.push((win) => {
        clearTimeout(timer);
        resolveWin(win);
      });
    });
    await w.page.waitForLoadState('load');
    return w.page;
  }

  windowCount(): number {
    return [...this.windows.values()].filter((w) => !w.closing).length;
  }

  /** Clicks a menu item by its labels (e.g. 'File', 'Quick Capture…'). */
  async clickMenu(...path: string[]): Promise<void> {
    const reply = await this.request({ t: 'menu.click', path });
    if (reply.error) throw new Error(String(reply.error));
  }

  async clickNotification(nid: number): Promise<void> {
    this.send({ t: 'notification.click', nid });
  }

  async pressGlobalShortcut(accelerator: string): Promise<void> {
    this.send({ t: 'shortcut.press', accelerator });
  }

  /** The person closes a window (its close button). */
  async closeWindow(page: Page): Promise<void> {
    const w = [...this.windows.values()].find((x) => x.page === page);
    if (w) this.send({ t: 'window.userClose', id: w.id });
  }

  /** Quit (Cmd+Q / the menu's Quit) and wait for the process to end; resolves with its exit code. */
  async quit(): Promise<number> {
    if (this.running) this.send({ t: 'app.quit' });
    const code = await this.exited;
    await this.context.close();
    return code;
  }

  /** Ends everything without asking (test clean-up). */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
    await this.context.close().catch(() => {});
  }

  // --- the other half of the stand-in -----------------------------------------------------------

  /** A message to the main process; once it has exited (quit, crash) there is nobody to tell. */
  private send(msg: ChildMessage): void {
    if (!this.child.connected) return;
    this.child.send(msg, (err) => {
      if (err) this.log += `\n[desktop] not delivered (${String(err)}): ${msg.t}\n`;
    });
  }

  private request(msg: ChildMessage): Promise<ChildMessage> {
    const reqId = this.nextReq++;
    // A request to a main process that has gone gets the answer a closed app gives: nothing allowed.
    if (!this.child.connected)
      return Promise.resolve({ t: 'reply.request', cancel: true, prevented: true, action: 'deny', error: 'the app is not running' });
    return new Promise((resolveReply) => {
      this.replies.set(reqId, resolveReply);
      this.send({ ...msg, reqId });
    });
  }

  /** One request of a page, decided as Electron decides it (see launch). */
  private async routeRequest(route: Route): Promise<void> {
    const request = route.request();
    if (request.isNavigationRequest()) {
      let page: Page | null = null;
      try {
        page = request.frame().page();
      } catch {
        // A new window's first load (window.open): main's window-open handler decides.
      }
      if (!page) {
        const action = await this.windowOpenAction(request.url());
        if (action !== 'allow') {
          await route.abort('aborted');
          return;
        }
      } else if (request.frame() === page.mainFrame() && (await this.navigationPrevented(page, request.url()))) {
        // A page leaving for another address: main's will-navigate handler decides first.
        await route.abort('aborted');
        return;
      }
    }
    if (!(await this.requestAllowed(request.url()))) {
      this.blockedRequests.push(request.url());
      await route.abort('blockedbyclient');
    } else await route.continue();
  }

  /** window.open from the app's window (the one in front): what main's window-open handler says. */
  private async windowOpenAction(url: string): Promise<string> {
    const w = [...this.windows.values()].find((x) => !x.closing);
    if (!w || !this.running) return 'deny';
    const reply = await this.request({ t: 'window.popup', id: w.id, url });
    return String(reply.action);
  }

  private async navigationPrevented(page: Page, url: string): Promise<boolean> {
    const w = [...this.windows.values()].find((x) => x.page === page);
    if (!w || !this.running) return true;
    const reply = await this.request({ t: 'navigate.check', id: w.id, url });
    return reply.prevented === true;
  }

  private async requestAllowed(url: string): Promise<boolean> {
    if (!this.running) return false;
    const reply = await this.request({ t: 'request.check', url });
    return reply.cancel !== true;
  }

  private reply(reqId: unknown, value: unknown): void {
    if (this.running) this.send({ t: 'reply', reqId, value });
  }

  private async onMessage(m: ChildMessage): Promise<void> {
    switch (m.t) {
      case 'reply.request': {
        const r = this.replies.get(m.reqId as number);
        this.replies.delete(m.reqId as number);
        r?.(m);
        return;
      }
      case 'window.create':
        await this.createWindow(m);
        return;
      case 'window.load':
        await this.loadWindow(m);
        return;
      case 'window.show': {
        const w = this.windows.get(m.id as number);
        if (w) {
          w.visible = true;
          this.announce(w);
        }
        return;
      }
      case 'window.destroy': {
        const w = this.windows.get(m.id as number);
        if (w) {
          w.closing = true;
          this.windows.delete(w.id);
          await w.page.close().catch(() => {});
        }
        return;
      }
      case 'webContents.send': {
        const w = this.windows.get(m.id as number);
        // As in Electron: a message sent before the page's preload runs is lost.
        if (w?.contextId != null) await this.deliver(w, { t: 'event', channel: m.channel, args: m.args });
        return;
      }
      case 'ipc.result':
        await this.onIpcResult(m);
        return;
      case 'dialog.messageBox': {
        this.dialogs.push(m.options as DialogRecord);
        const answer = this.dialogAnswers.shift();
        this.reply(m.reqId, answer === undefined ? {} : { response: answer });
        return;
      }
      case 'dialog.open':
        this.reply(m.reqId, { filePaths: [] });
        return;
      case 'notification.show':
        this.notifications.push({ nid: m.nid as number, title: String(m.title), body: String(m.body) });
        return;
      case 'menu.set':
        this.menu = m.menu as MenuItemRecord[] | null;
        return;
      case 'shortcut.register':
        this.shortcuts.push(String(m.accelerator));
        return;
      case 'shell.openExternal':
        this.openedExternally.push(String(m.url));
        return;
      case 'shell.showItemInFolder':
        this.shownInFolder.push(String(m.path));
        return;
      default:
        return;
    }
  }

  /** An IPC answer goes back to the preload world that asked (if its document is still there). */
  private readonly calls = new Map<number, { win: SimWindow; contextId: number; id: number }>();
  private nextCall = 1;

  private async onIpcResult(m: ChildMessage): Promise<void> {
    const call = this.calls.get(m.callId as number);
    this.calls.delete(m.callId as number);
    if (!call || call.win.contextId !== call.contextId) return;
    await this.deliver(call.win, { t: 'result', id: call.id, ok: m.ok, value: m.value, error: m.error });
  }

  private async deliver(w: SimWindow, msg: Record<string, unknown>): Promise<void> {
    if (w.contextId == null || w.closing) return;
    await w.cdp
      .send('Runtime.evaluate', { expression: `globalThis.${DELIVER}(${JSON.stringify(msg)})`, contextId: w.contextId })
      .catch(() => {
        // The document went away meanwhile (navigation, close): as in Electron, nothing arrives.
      });
  }

  private announce(w: SimWindow): void {
    if (!w.visible) return;
    for (const waiter of this.windowWaiters.splice(0)) waiter(w);
  }

  private async createWindow(m: ChildMessage): Promise<void> {
    const id = m.id as number;
    const bounds = m.bounds as { width: number; height: number };
    const prefs = m.webPreferences as { preload?: string; contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean };
    // The stand-in only knows the secure set-up the app asks for; anything else is a failure here.
    if (prefs.contextIsolation !== true || prefs.sandbox !== true || prefs.nodeIntegration === true) {
      throw new Error(`insecure webPreferences: ${JSON.stringify(prefs)}`);
    }
    const page = await this.context.newPage();
    await page.setViewportSize({ width: bounds.width, height: bounds.height });
    const cdp = await this.context.newCDPSession(page);
    const w: SimWindow = { id, page, cdp, contextId: null, visible: false, closing: false };
    this.windows.set(id, w);
    cdp.on('Runtime.bindingCalled', (event: { name: string; payload: string; executionContextId: number }) => {
      if (event.name !== IPC_BINDING) return;
      const msg = JSON.parse(event.payload) as { t: string; id?: number; channel?: string; args?: string };
      if (msg.t === 'hello') {
        w.contextId = event.executionContextId;
        return;
      }
      if (msg.t === 'invoke') {
        const callId = this.nextCall++;
        this.calls.set(callId, { win: w, contextId: event.executionContextId, id: msg.id as number });
        this.send({ t: 'ipc.invoke', callId, windowId: id, channel: msg.channel, args: msg.args, frameUrl: page.mainFrame().url() });
      }
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Page.enable');
    await cdp.send('Runtime.addBinding', { name: IPC_BINDING, executionContextName: PRELOAD_WORLD });
    // The main world's half of contextBridge first, then the preload in its isolated world.
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: mainWorldSource() + PRINT_RECORDER });
    if (prefs.preload) {
      const preload = readFileSync(prefs.preload, 'utf8');
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: preloadWorldSource(preload), worldName: PRELOAD_WORLD });
    }
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && this.running) this.send({ t: 'window.navigated', id, url: frame.url() });
    });
    page.on('popup', (popup) => {
      // Electron asks the window-open handler before any window exists (see the route above);
      // the app allows none, so Chromium's empty popup goes at once.
      void popup.close().catch(() => {});
    });
    page.on('close', () => {
      if (!w.closing && this.running) this.send({ t: 'window.userClose', id });
    });
    if (m.show) {
      w.visible = true;
    }
  }

  private async loadWindow(m: ChildMessage): Promise<void> {
    const w = this.windows.get(m.id as number);
    if (!w) {
      this.reply(m.reqId, { ok: false, error: 'no such window' });
      return;
    }
    try {
      await w.page.goto(String(m.url), { waitUntil: 'load' });
      this.reply(m.reqId, { ok: true, url: w.page.url() });
      this.announce(w);
    } catch (err) {
      this.reply(m.reqId, { ok: false, error: String(err) });
    }
  }
}

function pathToImport(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * window.print in the page: Electron shows the system print dialog, and does not always fire
 * `afterprint` after it. The stand-in records what would be printed (the text visible with the
 * print styles applied) and fires nothing.
 */
const PRINT_RECORDER = String.raw`
;(() => {
  const prints = [];
  Object.defineProperty(window, '__simPrints', { value: prints });
  window.print = () => {
    const card = document.querySelector('.print-card');
    prints.push({ at: Date.now(), printing: document.body.className, card: card ? card.innerText : null });
  };
})();`;

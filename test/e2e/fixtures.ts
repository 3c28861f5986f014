import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  test as base,
  _electron,
  chromium,
  type BrowserContext,
  type ElectronApplication,
  type LaunchOptions,
  type Page,
} from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface AppUnderTest {
  /** The app's page (a new one after restart()). */
  readonly page: Page;
  dbPath: string;
  /** Reloads the app as a user would reopen it (browser reload; Electron window reload). */
  reload(): Promise<void>;
  /**
   * Quits and starts the app again on the same database, as a user would: the bridge process
   * (and its engine) stops and a new one starts, and the page opens in a fresh browser context
   * (nothing kept in the browser, e.g. localStorage), so whatever survives came from the database.
   * Returns the new page (also `app.page`).
   */
  restart(): Promise<Page>;
}

/** Whether a request stays on this machine: the bridge on 127.0.0.1, or an inline data:/blob:/about: URL. */
export function isLocalRequest(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname === '127.0.0.1';
}

/** An e-mail address in the bridge's output would be customer data in the logs. */
const EMAIL_IN_LOG = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Starts the browser bridge on a database (the same worker engine the app starts) and returns its URL. */
async function startBridge(dbPath: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts', '--no-build', '--check-output', '--db', dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}${err}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited with ${code}: ${err}`));
    });
  });
  // The listeners above keep collecting everything the engine and the bridge print, for the privacy check at close.
  return { url, child, output: () => out + err };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

/** Opens the app on a database: Chromium + bridge here; Electron itself under --project=electron. */
export async function openApp(
  projectName: string,
  launchOptions: LaunchOptions | undefined,
  dbPath: string,
  timeZone?: string,
): Promise<AppUnderTest & { close(): Promise<void> }> {
  if (projectName === 'electron') {
    const env = { ...process.env, EXPORTDESK_DB: dbPath, ...(timeZone ? { TZ: timeZone } : {}) };
    const launch = () => _electron.launch({ args: [join(ROOT, 'out/main/index.js')], env });
    let app: ElectronApplication = await launch();
    let win = await app.firstWindow();
    return {
      get page() {
        return win;
      },
      dbPath,
      reload: async () => void (await win.reload()),
      restart: async () => {
        await app.close();
        app = await launch();
        win = await app.firstWindow();
        return win;
      },
      close: () => app.close(),
    };
  }
  let bridge = await startBridge(dbPath);
  const outputs = [bridge.output];
  const browser = await chromium.launch(launchOptions);
  // Privacy: the app makes no network request. Anything leaving 127.0.0.1 is blocked and fails the test at close.
  const offenders: string[] = [];
  const openPage = async (url: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1400, height: 900 },
      ...(timeZone ? { timezoneId: timeZone } : {}),
    });
    await context.route(
      (u) => !isLocalRequest(u.href),
      (route) => {
        offenders.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    context.on('request', (request) => {
      if (!isLocalRequest(request.url())) offenders.push(request.url());
    });
    const page = await context.newPage();
    page.on('websocket', (ws) => {
      if (!isLocalRequest(ws.url())) offenders.push(ws.url());
    });
    await page.goto(url);
    return { context, page };
  };
  let current = await openPage(bridge.url);
  return {
    get page() {
      return current.page;
    },
    dbPath,
    reload: async () => void (await current.page.reload()),
    restart: async () => {
      await current.context.close();
      await stop(bridge.child);
      bridge = await startBridge(dbPath);
      outputs.push(bridge.output);
      current = await openPage(bridge.url);
      return current.page;
    },
    close: async () => {
      await browser.close();
      await stop(bridge.child);
      if (offenders.length) throw new Error(`the app made network requests off this machine: ${[...new Set(offenders)].join(', ')}`);
      const email = EMAIL_IN_LOG.exec(outputs.map((o) => o()).join(''));
      if (email) throw new Error(`the engine's output contains an e-mail address (customer data in the logs): ${email[0]}`);
    },
  };
}

export const test = base.extend<{ app: AppUnderTest; appTimeZone: string | undefined }, { scratchDir: string }>({
  /** The app's local time zone (IANA); the machine's when not set (test.use({ appTimeZone })). */
  appTimeZone: [undefined, { option: true }],
  scratchDir: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'exportdesk-e2e-'));
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ scratchDir, appTimeZone }, use, testInfo) => {
    const dbPath = join(scratchDir, `${testInfo.testId}.db`);
    const launchOptions = (testInfo.project.use as { launchOptions?: LaunchOptions }).launchOptions;
    const app = await openApp(testInfo.project.name, launchOptions, dbPath, appTimeZone);
    await use(app);
    await app.close();
  },
});

export { expect } from '@playwright/test';

/**
 * The desktop simulation: the built app (out/main/index.js, out/preload/index.cjs, out/renderer,
 * out/main/engine-worker.js) laid out as an installer lays it out, started as a user starts it, in
 * a user-data folder whose path has a space and Chinese characters. See desktop-shell.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { corruptPages } from '../support/corrupt-db';
import type { DesktopApp } from './desktop-shell';
import { api } from './page-api';
import { expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
}

/** Quits and checks the app ended cleanly and printed no customer data. */
async function quit(app: DesktopApp): Promise<void> {
  expect(await app.quit(), app.output()).toBe(0);
  expect(EMAIL.exec(app.output())?.[0] ?? null, 'customer data in the main process output').toBeNull();
  expect(app.blockedRequests).toEqual([]);
}

test.describe('the installed desktop app', () => {
  test('first launch: welcome, import a file, add a customer, back up, quit; second launch: the same data, the backup listed, a restore', async ({
    desktop,
  }) => {
    // First launch: an empty data folder.
    const first = await desktop.launch();
    let page = await first.window();
    await expect(page).toHaveURL(/^file:\/\/.*\/resources\/app\/out\/renderer\/index\.html/);
    await expect(page.getByRole('region', { name: 'Welcome to ExportDesk' })).toBeVisible();
    // window.api came through contextBridge: the page has it, not ipcRenderer or require.
    expect(
      await page.evaluate(() => ({
        api: typeof (window as unknown as { api?: unknown }).api,
        require: typeof (window as unknown as { require?: unknown }).require,
      })),
    ).toEqual({ api: 'object', require: 'undefined' });

    // Import a shared sample file through the wizard.
    await page.getByRole('region', { name: 'Welcome to ExportDesk' }).getByRole('link', { name: 'Import a file' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(join(FIXTURES, 'alibaba-inquiries-en.csv'));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('region', { name: 'File type and columns' })).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await expect(report.getByText('150 rows read')).toBeVisible({ timeout: 30_000 });
    await expect(report.getByText('89 customers created')).toBeVisible();

    // Add a customer by hand.
    await goTo(page, 'Customers');
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '89');
    await page.getByRole('button', { name: 'New customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByRole('textbox', { name: 'Company' }).fill('深圳光明照明有限公司');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(grid).toHaveAttribute('data-total', '90');

    // Back up from Settings.
    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Backups', exact: true }).click();
    const backups = page.getByRole('region', { name: 'Backups' });
    await expect(backups.getByText(join(desktop.userData, 'backups'), { exact: true })).toBeVisible();
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Backup made: .+-manual\.sqlite$/);
    await quit(first);
    // The database lives in userData; the quit made its own backup only if something changed after the manual one.
    expect(existsSync(desktop.dbPath)).toBe(true);
    const backupFiles = readdirSync(join(desktop.userData, 'backups')).filter((n) => n.endsWith('.sqlite'));
    expect(backupFiles.some((n) => n.endsWith('-manual.sqlite'))).toBe(true);

    // Second launch: the same data, and the backup listed.
    const second = await desktop.launch();
    page = await second.window();
    await expect(page.getByRole('region', { name: 'Welcome to ExportDesk' })).toHaveCount(0);
    await expect(page.getByRole('grid', { name: 'Customer list' })).toHaveAttribute('data-total', '90');
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('深圳光明');
    await expect(page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: '深圳光明照明有限公司' })).toBeVisible();
    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Backups', exact: true }).click();
    const rows = page.getByRole('region', { name: 'Backups' }).getByRole('table', { name: 'Backups, newest first' }).locator('tbody tr');
    await expect(rows.filter({ hasText: 'By hand' })).toHaveCount(1);

    // A change after the backup, then restore the backup: the change is gone, the replaced database kept.
    await api(page, 'customers.create', { company: 'After The Backup GmbH', country: 'DE' });
    const manual = rows.filter({ hasText: 'By hand' });
    await manual.getByRole('button', { name: /^Restore the backup from / }).click();
    const question = page.getByRole('alertdialog', { name: 'Restore this backup?' });
    await expect(question).toBeVisible();
    // The question zooms in from the button: a click during the motion can land where the button no
    // longer is (seen once under load). Clicked once the motion has ended, as a person would.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    await question.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(question).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(
      /^The backup from .+ was restored\. The previous database was kept at .+\.before-restore-.+\.sqlite\.$/,
    );
    const list = await api(page, 'customers.list', { withTotal: true, filter: { search: 'After The Backup' } });
    expect(list.total).toBe(0);
    expect(readdirSync(desktop.userData).filter((n) => n.startsWith('ExportDesk.db.before-restore-'))).toHaveLength(1);
    await quit(second);
  });

  test('a damaged database opens the recovery screen; the newest backup is restored and the damaged file kept', async ({ desktop }) => {
    const first = await desktop.launch();
    let page = await first.window();
    for (const company of ['Atlas Imports', 'Borealis Trading', 'Cascade Lighting'])
      await api(page, 'customers.create', { company, country: 'DE' });
    await api(page, 'backups.create', {});
    await quit(first);
    const damaged = corruptPages(desktop.dbPath);

    const second = await desktop.launch();
    page = await second.window();
    await expect(page.getByRole('heading', { name: 'ExportDesk cannot open your database', level: 1 })).toBeVisible();
    await expect(page.getByText(desktop.dbPath, { exact: true })).toBeVisible();
    expect(readFileSync(desktop.dbPath).equals(damaged)).toBe(true);
    await page.getByRole('button', { name: /^Restore the backup from / }).click();
    const done = page.getByText(/^The backup from .+ was restored\. The damaged database was kept at (.+\.corrupt-.+\.sqlite)\.$/);
    await expect(done).toBeVisible();
    const keptAt = /kept at (.+\.sqlite)\.$/.exec((await done.textContent()) ?? '')?.[1] ?? '';
    expect(dirname(keptAt)).toBe(desktop.userData);
    expect(readFileSync(keptAt).equals(damaged)).toBe(true);
    await page.getByRole('button', { name: 'Open ExportDesk' }).click();
    await expect(page.getByRole('grid', { name: 'Customer list' })).toHaveAttribute('data-total', '3');
    await quit(second);

    // And the start after that is an ordinary one.
    const third = await desktop.launch();
    page = await third.window();
    await expect(page.getByRole('grid', { name: 'Customer list' })).toHaveAttribute('data-total', '3');
    await quit(third);
  });

  test('a database from a newer ExportDesk is refused with its explanation and left exactly as it was', async ({ desktop }) => {
    mkdirSync(desktop.userData, { recursive: true });
    const raw = new Database(desktop.dbPath);
    raw.pragma('journal_mode = WAL');
    raw.exec(
      `CREATE TABLE kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null); INSERT INTO kysely_migration VALUES ('9999_from_the_future', 'x')`,
    );
    raw.pragma('user_version = 9999');
    raw.close();
    const before = readFileSync(desktop.dbPath);
    const app = await desktop.launch({ locale: 'zh-CN' });
    const page = await app.window();
    await expect(page.getByRole('heading', { name: 'ExportDesk 无法打开数据库', level: 1 })).toBeVisible();
    await expect(page.getByText(/^此数据库由更新版本的 ExportDesk 创建。/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^恢复/ })).toHaveCount(0);
    await quit(app);
    expect(readFileSync(desktop.dbPath).equals(before)).toBe(true);
    expect(readdirSync(desktop.userData).filter((n) => n.includes('.corrupt-'))).toEqual([]);
  });

  test('a quotation PDF in Chinese renders in the installed app, its font read from resources/fonts', async ({ desktop }) => {
    const app = await desktop.launch();
    const page = await app.window();
    const c = await api(page, 'customers.create', { company: '迪拜港湾灯饰贸易', country: 'AE', city: 'Dubai' });
    const q = await api(page, 'quotations.create', {
      customerId: c.id,
      language: 'zh',
      currency: 'USD',
      incoterm: 'FOB',
      namedPlace: 'Ningbo',
      lines: [{ description: 'LED 面板灯 600×600', quantity: 500, unitPriceMinor: 1280 }],
    });
    const pdf = await api(page, 'quotations.pdf', { id: q.id });
    expect(pdf.mime).toBe('application/pdf');
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The CJK font is embedded (as a subset), so Chinese prints where no such font is installed.
    expect(bytes.toString('latin1')).toMatch(/FontFile2|FontFile3/);
    await quit(app);
  });

  test("printing the open customer's card twice prints it twice (Electron does not always fire afterprint)", async ({ desktop }) => {
    const app = await desktop.launch();
    const page = await app.window();
    const c = await api(page, 'customers.create', { company: 'Harbor Lights Trading', country: 'AE', city: 'Dubai' });
    await api(page, 'contacts.add', {
      customerId: c.id,
      contact: { name: 'Omar Hassan', email: 'omar@harborlights.example', isPrimary: true },
    });
    await page.reload();
    await page.getByRole('grid', { name: 'Customer list' }).getByRole('gridcell', { name: 'Harbor Lights Trading' }).click();
    await expect(page.getByRole('complementary', { name: 'Harbor Lights Trading' })).toBeVisible();
    const prints = () =>
      page.evaluate(() => (window as unknown as { __simPrints: { card: string | null; printing: string }[] }).__simPrints);
    await page.keyboard.press('Control+p');
    await expect.poll(async () => (await prints()).length).toBe(1);
    // The second time from the File menu, as a mouse user would.
    await app.clickMenu('File', 'Print Customer Card…');
    await expect.poll(async () => (await prints()).length).toBe(2);
    for (const p of await prints()) {
      expect(p.printing).toContain('printing-card');
      expect(p.card).toContain('Harbor Lights Trading');
      expect(p.card).toContain('Omar Hassan');
    }
    await expect(page.locator('.print-card')).toHaveCount(0);
    await quit(app);
  });

  test('the File menu: quick capture, search and print, with their accelerators, in the language chosen in Settings', async ({
    desktop,
  }) => {
    const app = await desktop.launch();
    const page = await app.window();
    await expect(page.getByRole('region', { name: 'Welcome to ExportDesk' })).toBeVisible();
    await expect.poll(() => app.menu?.map((m) => m.label)).toContain('File');
    const file = () => app.menu?.find((m) => m.label === 'File' || m.label === '文件')?.submenu ?? [];
    expect(
      file()
        .filter((i) => i.accelerator)
        .map((i) => [i.label, i.accelerator]),
    ).toEqual(
      expect.arrayContaining([
        ['Quick Capture…', 'CommandOrControl+Shift+L'],
        ['Search Everything…', 'CommandOrControl+K'],
        ['Print Customer Card…', 'CommandOrControl+P'],
      ]),
    );
    expect(app.shortcuts).toContain('CommandOrControl+Shift+L');

    await app.clickMenu('File', 'Search Everything…');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();

    await app.clickMenu('File', 'Quick Capture…');
    const fair = page.getByRole('dialog', { name: "Today's fair" });
    const capture = page.getByRole('dialog', { name: 'Quick capture' });
    await expect(fair.or(capture)).toBeVisible();

    // The menu follows the language saved in Settings.
    await api(page, 'prefs.save', { language: 'zh-CN' });
    await expect.poll(() => app.menu?.map((m) => m.label)).toContain('文件');
    expect(file().map((i) => i.label)).toEqual(expect.arrayContaining(['快速录入…', '全局搜索…', '打印客户卡片…']));
    await quit(app);
  });

  test('macOS: with no window open, a clicked reminder opens that customer, and the capture shortcut opens a window that runs it', async ({
    desktop,
  }) => {
    // A customer with an overdue follow-up.
    const setup = await desktop.launch();
    let page = await setup.window();
    const c = await api(page, 'customers.create', { company: 'Nordlicht Handels GmbH', country: 'DE' });
    await api(page, 'customers.create', { company: 'Other Buyer Ltd', country: 'GB' });
    await api(page, 'followups.create', {
      customerId: c.id,
      type: 'call',
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
      note: 'Samples arrived?',
    });
    await quit(setup);

    const app = await desktop.launch({ platform: 'darwin' });
    page = await app.window();
    await expect(page.getByRole('grid', { name: 'Customer list' })).toHaveAttribute('data-total', '2');
    // The user closes the window; on macOS the app keeps running.
    await app.closeWindow(page);
    await expect.poll(() => app.windowCount()).toBe(0);
    expect(app.running).toBe(true);

    // The overdue follow-up is announced soon after start; clicking it opens a window on that customer.
    await expect.poll(() => app.notifications.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(app.notifications[0]?.title).toBe('1 follow-up is overdue');
    await app.clickNotification(app.notifications[0]!.nid);
    page = await app.window();
    await expect(page.getByRole('complementary', { name: 'Nordlicht Handels GmbH' })).toBeVisible();

    // Closed again: the system-wide capture shortcut opens a window with the capture form.
    await app.closeWindow(page);
    await expect.poll(() => app.windowCount()).toBe(0);
    await app.pressGlobalShortcut('CommandOrControl+Shift+L');
    page = await app.window();
    await expect(page.getByRole('dialog', { name: "Today's fair" }).or(page.getByRole('dialog', { name: 'Quick capture' }))).toBeVisible();
    expect(new URL(page.url()).searchParams.get('command')).toBeNull();
    await quit(app);
  });

  test('the page reaches nothing off this machine and opens web links in the browser, never in the app', async ({ desktop }) => {
    const app = await desktop.launch();
    const page = await app.window();
    const appUrl = page.url();
    // A request to any server is refused (the page's CSP, then the session's filter in main).
    const fetched = await page.evaluate(() =>
      fetch('http://127.0.0.1:9/steal').then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    // A link that would open a window opens in the user's browser instead.
    await page.evaluate(() => window.open('https://www.example.com/catalogue', '_blank'));
    await expect.poll(() => app.openedExternally).toEqual(['https://www.example.com/catalogue']);
    // The page cannot be navigated away from the app: the link goes to the browser, the app stays.
    await page.evaluate(() => {
      window.location.href = 'https://www.example.com/pricing';
    });
    await expect.poll(() => app.openedExternally).toEqual(['https://www.example.com/catalogue', 'https://www.example.com/pricing']);
    expect(page.url()).toBe(appUrl);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await quit(app);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LaunchOptions, Page } from '@playwright/test';
import { chooseOption } from './choose-option';
import Database from 'better-sqlite3';
import type { ExportDeskApi } from '../../src/shared/ipc/api';
import { corruptPages } from '../support/corrupt-db';
import { expect, openApp, test } from './fixtures';

type Api = ExportDeskApi;

async function createCustomer(page: Page, company: string): Promise<void> {
  await page.evaluate(async (c) => {
    const r = await (window as unknown as { api: Api }).api['customers.create']({ company: c, country: 'DE' });
    if (!r.ok) throw new Error(r.error.message);
  }, company);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Backups', exact: true }).click();
}

test.describe('data safety', () => {
  test('Backups in Settings: back up now, then restore a listed backup after a confirmation; the replaced database is kept', async ({
    app,
  }) => {
    const { page } = app;
    await page.waitForFunction(() => 'api' in window);
    await createCustomer(page, 'Before Backup GmbH');
    await openSettings(page);
    const section = page.getByRole('region', { name: 'Backups' });
    await expect(section.getByText(join(dirname(app.dbPath), 'backups'), { exact: true })).toBeVisible();
    await expect(section.getByText('No backup yet')).toBeVisible();

    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Backup made: .+-manual\.sqlite$/);
    const rows = section.getByRole('table', { name: 'Backups, newest first' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('By hand');
    await expect(section.getByText('No backup yet')).toHaveCount(0);

    // A change after the backup, then restore the backup.
    await createCustomer(page, 'After Backup SARL');
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup from / })
      .click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('The current database is not deleted');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup from / })
      .click();
    await page.getByRole('alertdialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(
      section.getByText(/^The backup from .+ was restored\. The previous database was kept at .+\.before-restore-.+\.sqlite\.$/),
    ).toBeVisible();

    const companies = await page.evaluate(async () => {
      const r = await (window as unknown as { api: Api }).api['customers.list']({});
      if (!r.ok) throw new Error(r.error.message);
      return r.value.rows.map((row) => row.company);
    });
    expect(companies).toEqual(['Before Backup GmbH']);
    const kept = readdirSync(dirname(app.dbPath)).filter((n) => n.startsWith(`${basename(app.dbPath)}.before-restore-`));
    expect(kept).toHaveLength(1);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers' }).click();
    const grid = page.getByRole('grid', { name: 'Customer list' });
    await expect(grid).toHaveAttribute('data-total', '1');
    await expect(grid.getByText('Before Backup GmbH')).toBeVisible();
  });

  test('a damaged database at start shows the recovery screen; restoring the newest good backup brings the data back and keeps the damaged file', async ({
    scratchDir,
  }, testInfo) => {
    const launchOptions = (testInfo.project.use as { launchOptions?: LaunchOptions }).launchOptions;
    const dbPath = join(scratchDir, 'damaged', 'ExportDesk.db');
    // A database with customers and a backup of them.
    const first = await openApp(testInfo.project.name, launchOptions, dbPath);
    try {
      await first.page.waitForFunction(() => 'api' in window);
      for (const c of ['Atlas Imports', 'Borealis Trading', 'Cascade Lighting']) await createCustomer(first.page, c);
      await first.page.evaluate(async () => {
        const r = await (window as unknown as { api: Api }).api['backups.create']({});
        if (!r.ok) throw new Error(r.error.message);
      });
    } finally {
      await first.close();
    }
    // The disk damages the file.
    const damaged = corruptPages(dbPath);

    const app = await openApp(testInfo.project.name, launchOptions, dbPath);
    try {
      const { page } = app;
      await expect(page.getByRole('heading', { name: 'ExportDesk cannot open your database', level: 1 })).toBeVisible();
      await expect(
        page.getByText('The database file is damaged or is not an ExportDesk database. ExportDesk has not changed it.'),
      ).toBeVisible();
      await expect(page.getByText(dbPath, { exact: true })).toBeVisible();
      await expect(page.getByText(/^The newest good backup was made on .+ \(By hand\)\.$/)).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
      // Nothing touched the damaged file so far.
      expect(readFileSync(dbPath).equals(damaged)).toBe(true);

      await page.getByRole('button', { name: /^Restore the backup from / }).click();
      const done = page.getByText(/^The backup from .+ was restored\. The damaged database was kept at (.+\.corrupt-.+\.sqlite)\.$/);
      await expect(done).toBeVisible();
      const keptAt = /kept at (.+\.sqlite)\.$/.exec((await done.textContent()) ?? '')?.[1] ?? '';
      expect(existsSync(keptAt)).toBe(true);
      expect(readFileSync(keptAt).equals(damaged)).toBe(true);

      await page.getByRole('button', { name: 'Open ExportDesk' }).click();
      const grid = page.getByRole('grid', { name: 'Customer list' });
      await expect(grid).toHaveAttribute('data-total', '3');
      await expect(grid.getByText('Cascade Lighting')).toBeVisible();
      const status = await page.evaluate(async () => {
        const r = await (window as unknown as { api: Api }).api['safety.status']({});
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      });
      expect(status).toMatchObject({ state: 'ok', keptAsidePath: keptAt });
    } finally {
      await app.close();
    }
  });

  test('a database from a newer ExportDesk is refused with its own explanation, no restore offered, and left as it was', async ({
    scratchDir,
  }, testInfo) => {
    const launchOptions = (testInfo.project.use as { launchOptions?: LaunchOptions }).launchOptions;
    const dbPath = join(scratchDir, 'future', 'ExportDesk.db');
    mkdirSync(dirname(dbPath), { recursive: true });
    const raw = new Database(dbPath);
    raw.pragma('journal_mode = WAL');
    raw.exec(
      `CREATE TABLE kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null); INSERT INTO kysely_migration VALUES ('9999_from_the_future', 'x')`,
    );
    raw.pragma('user_version = 9999');
    raw.close();
    const before = readFileSync(dbPath);
    const app = await openApp(testInfo.project.name, launchOptions, dbPath);
    try {
      const { page } = app;
      await expect(page.getByRole('heading', { name: 'ExportDesk cannot open your database', level: 1 })).toBeVisible();
      await expect(
        page.getByText(/^This database was written by a newer version of ExportDesk\. Install the latest ExportDesk to open it\./),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Start with an empty database' })).toHaveCount(0);
      // In Chinese too.
      await chooseOption(page.getByRole('combobox', { name: 'Language' }), '简体中文');
      await expect(page.getByRole('heading', { name: 'ExportDesk 无法打开数据库', level: 1 })).toBeVisible();
      await expect(page.getByText(/^此数据库由更新版本的 ExportDesk 创建。/)).toBeVisible();
    } finally {
      await app.close();
    }
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  test('privacy guard: a request leaving 127.0.0.1 is blocked and fails the test that made it', async ({ scratchDir }, testInfo) => {
    const launchOptions = (testInfo.project.use as { launchOptions?: LaunchOptions }).launchOptions;
    const app = await openApp(testInfo.project.name, launchOptions, join(scratchDir, 'guard.db'));
    // The page's CSP already stops fetches; a navigation is what could still leave the machine.
    await app.page.goto('http://example.com/tracker').catch(() => undefined);
    await expect(app.close()).rejects.toThrow(/network requests off this machine: http:\/\/example\.com\/tracker/);
  });
});

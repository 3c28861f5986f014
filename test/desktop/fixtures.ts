import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { DesktopApp, installApp, type Installation, type LaunchOptions } from './desktop-shell';

/** A user-data folder as on a Chinese user's machine: a space and Chinese characters in its path. */
const USER_DATA_NAME = join('Application Support', 'ExportDesk 外贸客户');

export interface Desktop {
  install: Installation;
  /** userData of the app (…/Application Support/ExportDesk 外贸客户). */
  userData: string;
  /** The database where the app keeps it by default. */
  dbPath: string;
  /** Starts the installed app; every launch is killed at the end of the test if still running. */
  launch(options?: Partial<Omit<LaunchOptions, 'install' | 'userData'>>): Promise<DesktopApp>;
}

export const test = base.extend<{ desktop: Desktop }, { installation: Installation }>({
  installation: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'exportdesk-install-'));
      await use(await installApp(join(dir, 'ExportDesk 应用')));
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  desktop: async ({ installation }, use) => {
    const home = mkdtempSync(join(tmpdir(), 'exportdesk-home-'));
    const userData = join(home, USER_DATA_NAME);
    const launched: DesktopApp[] = [];
    await use({
      install: installation,
      userData,
      dbPath: join(userData, 'ExportDesk.db'),
      launch: async (options = {}) => {
        const app = await DesktopApp.launch({ install: installation, userData, ...options });
        launched.push(app);
        return app;
      },
    });
    for (const app of launched) await app.kill();
    rmSync(home, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

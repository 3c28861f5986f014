import { defineConfig } from '@playwright/test';

/**
 * e2e specs run against the real renderer and engine. Here: the "chromium" project, Debian's
 * Chromium through the browser bridge (npm run web). Where Electron can be installed, the same
 * specs run against the app with `--project=electron` (see test/e2e/fixtures.ts).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
        locale: 'en-US',
        viewport: { width: 1400, height: 900 },
      },
    },
    {
      name: 'electron',
      use: { locale: 'en-US' },
    },
  ],
});

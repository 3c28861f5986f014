import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

/**
 * e2e specs run against the built app (electron-vite's out/): the "chromium" project drives its
 * renderer through the browser bridge (npm run web) backed by the built engine worker; the
 * "desktop" project runs the built main process under a stand-in electron module (test/desktop).
 * Where Electron can be installed, the e2e specs run against the app with `--project=electron`
 * (see test/e2e/fixtures.ts). The browser: scripts/browser.mjs (npm test installs one when missing).
 */
const chromiumPath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  // Two at a time on the 2-core CI machine: a test waits on its engine and browser more than it
  // computes (one worker: 17.8 min; two: under 11). Every test starts its own app and data folder.
  workers: 2,
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
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: CHROMIUM_ARGS,
        },
        locale: 'en-US',
        viewport: { width: 1400, height: 900 },
      },
    },
    {
      // The built main process under the stand-in electron module (test/desktop): an installed app.
      name: 'desktop',
      testDir: 'test/desktop',
      timeout: 120_000,
    },
    {
      name: 'electron',
      testDir: 'test/e2e',
      use: { locale: 'en-US' },
    },
  ],
});

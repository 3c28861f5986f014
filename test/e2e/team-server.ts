import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { api } from './engine-api';
import { expect, openApp } from './fixtures';

/**
 * The team server as users run it (`npm run server`, embedded PostgreSQL) and Settings → Team as
 * they join, for the team specs (team.spec.ts, team-pool.spec.ts).
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
export const PASSWORD = 'correct horse battery';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** `npm run server -- …` as users run it (node + tsx on src/server/main.ts, no npm in between so signals reach it). */
function server(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
  });
}

/** Starts the server; `timeShiftMs` moves its clock (EXPORTDESK_SERVER_TIME_SHIFT_MS: the pool's return rules). */
export async function startServer(
  dataDir: string,
  port: number,
  timeShiftMs = 0,
): Promise<{ child: ChildProcessWithoutNullStreams; fingerprint: string }> {
  const env = timeShiftMs ? { EXPORTDESK_SERVER_TIME_SHIFT_MS: String(timeShiftMs) } : {};
  const child = server(['--data', dataDir, '--host', '127.0.0.1', '--port', String(port)], env);
  let out = '';
  let err = '';
  // Everything the server says, kept beside its data (a failed test's evidence).
  const log = join(dataDir, 'server.log');
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
    appendFileSync(log, c);
  });
  child.stdout.on('data', (c: Buffer) => appendFileSync(log, c));
  const printed = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}\n${err}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (/listening: +https:\/\/\S+/.test(out)) {
        clearTimeout(timer);
        done(out);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}\n${err}`));
    });
  });
  const fingerprint = /SHA-256 fingerprint: +(\S+)/.exec(printed)?.[1];
  if (!fingerprint) throw new Error(`no fingerprint in:\n${printed}`);
  return { child, fingerprint };
}

export function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('close', () => done());
    child.kill('SIGTERM');
  });
}

export function addUser(dataDir: string, role: 'salesperson' | 'manager' | 'admin', name: string, login: string): void {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src', 'server', 'main.ts'),
      '--data',
      dataDir,
      'users',
      'add',
      '--role',
      role,
      name,
      login,
      '--password-stdin',
    ],
    { cwd: ROOT, input: PASSWORD, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  if (r.status !== 0) throw new Error(`users add ${login} failed: ${r.stdout}${r.stderr}`);
}

const grouped = (hex: string) => hex.replace(/:/g, '').toUpperCase().match(/.{2}/g)?.join(':') ?? hex;

/** Settings → Team, as a user joins: the address, the fingerprint compared and confirmed, the login, Join. */
export async function joinTeam(page: Page, url: string, fingerprint: string, login: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/settings/team`);
  await page.getByRole('textbox', { name: 'Server address' }).fill(url);
  await page.getByRole('button', { name: 'Check the server' }).click();
  await expect(page.getByRole('group', { name: 'Certificate fingerprint (SHA-256)' }).locator('code')).toHaveText(grouped(fingerprint));
  await page.getByRole('checkbox', { name: 'The fingerprint is the one the server printed' }).check();
  await page.getByRole('textbox', { name: 'Login' }).fill(login);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the team' }).click();
  await expect(indicator(page)).toContainText('Synced', { timeout: 30_000 });
}

export const indicator = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Team sync/ });

export async function customerNamed(page: Page, company: string) {
  const rows = (await api(page, 'customers.list', { filter: { search: company }, limit: 5 })).rows;
  return rows.find((r) => r.company === company);
}

/** A team server in a fresh data folder on a free port, with its manager Wang Min and salespeople Li Na and Zhang Wei. */
export async function startTeam(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const port = await freePort();
  const srv = await startServer(dataDir, port);
  addUser(dataDir, 'manager', 'Wang Min', 'wangmin');
  addUser(dataDir, 'salesperson', 'Li Na', 'lina');
  addUser(dataDir, 'salesperson', 'Zhang Wei', 'zhangwei');
  return { dataDir, port, url: `https://127.0.0.1:${port}`, srv };
}

/** Another app instance (another laptop) with a database of its own, launched as the test's project launches the app. */
export function openLaptop(testInfo: TestInfo, scratchDir: string, name: string) {
  const launchOptions = (testInfo.project.use as { launchOptions?: Parameters<typeof openApp>[1] }).launchOptions;
  return openApp(testInfo.project.name, launchOptions, join(scratchDir, `${testInfo.testId}-${name}.db`));
}

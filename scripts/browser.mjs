#!/usr/bin/env node
// The Chromium that tests, the e2e specs, the desktop simulation and the bench drive.
//
//   node scripts/browser.mjs --ensure   finds one, installs one when there is none, prints its path
//
// Where it looks, in order: $CHROMIUM_PATH, /usr/bin/chromium (Debian's package), then the browser
// Playwright downloads for itself (`npx playwright install chromium`). When none is there, it
// installs one: as root on Debian or Ubuntu with `apt-get install -y chromium`, elsewhere with
// `npx playwright install chromium`; when that is impossible, it stops with one sentence saying
// what to run. `npm test` runs it first, so a fresh machine needs nothing but `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * How every test and bench starts Chromium here: as root without its sandbox, and without the
 * background traffic (updates, sync, network prediction) that a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Playwright's own Chromium, when it has been downloaded (null otherwise, or when Playwright is missing). */
function playwrightChromium() {
  try {
    const require = createRequire(join(root, 'package.json'));
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The Chromium executable to drive, or null when this machine has none.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightChromium();
}

/** Like findChromium, but an Error that says what to run when there is none. */
export function requireChromium(env = process.env) {
  const path = findChromium(env);
  if (path) return path;
  throw new Error(
    env.CHROMIUM_PATH?.trim()
      ? `CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which does not exist`
      : 'no Chromium found: run `node scripts/browser.mjs --ensure` (or set CHROMIUM_PATH)',
  );
}

function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

function run(cmd, args, extraEnv = {}) {
  console.error(`[browser] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
  return r.status === 0;
}

/** Installs Chromium the way this machine allows; returns the executable or exits with one sentence. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH?.trim()) {
    console.error(`[browser] CHROMIUM_PATH names ${process.env.CHROMIUM_PATH}, which does not exist; fix it or unset it.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && isDebianLike()) {
    console.error('[browser] no Chromium on this machine; installing Debian’s chromium package (once)…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env)) {
      const path = findChromium();
      if (path) return path;
    }
  } else {
    console.error('[browser] no Chromium on this machine; downloading Playwright’s Chromium (once)…');
    const cli = join(dirname(createRequire(join(root, 'package.json')).resolve('playwright-core/package.json')), 'cli.js');
    if (run(process.execPath, [cli, 'install', 'chromium'])) {
      const path = findChromium();
      if (path) return path;
    }
  }
  console.error(
    process.platform === 'linux' && !isRoot
      ? '[browser] could not install Chromium: run `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.'
      : '[browser] could not install Chromium: run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--ensure')) console.log(ensureChromium());
  else {
    const path = findChromium();
    if (!path) {
      console.error('no Chromium found; `node scripts/browser.mjs --ensure` installs one');
      process.exit(1);
    }
    console.log(path);
  }
}

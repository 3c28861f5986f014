#!/usr/bin/env node
// Builds better-sqlite3's native module for one runtime and keeps the two builds apart:
//
//   node scripts/native-module.mjs node       -> node_modules/better-sqlite3/build/Release (tests, CLI, bench, web bridge)
//   node scripts/native-module.mjs electron   -> .native/electron-<version>-<platform>-<arch>/better_sqlite3.node
//                                                for the arch of the Electron binary it fetches (npm start;
//                                                the app loads this file through better-sqlite3's `nativeBinding`)
//   node scripts/native-module.mjs electron --dist
//                                             -> the same file for every arch electron-builder.yml packs for
//                                                this platform (npm run dist; extraResources ships it)
//
// The Electron side needs the Node that Electron's installer needs (22.12+ for Electron 43-45);
// the Node side runs on Node 20.19+.
//
// `npm install` runs no dependency install scripts (.npmrc: ignore-scripts=true), so it needs
// nothing but the npm registry. Each runtime's build is made on first use and reused after; the
// Node build is also kept in the user's cache folder, so a fresh clone or `npm ci` on this machine
// does not compile it again.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileArchs } from './binary-arch.mjs';
import { bindingMismatch } from './check-native-binding.mjs';
import { loadBuilderConfig, nativeTargets, nodeTooOldForElectron } from './native-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const runtime = process.argv[2];
const quiet = process.argv.includes('--quiet');
const dist = process.argv.includes('--dist');
const log = (msg) => {
  if (!quiet) console.error(`[native] ${msg}`);
};

const bsqlDir = dirname(require.resolve('better-sqlite3/package.json'));
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');

function run(cmd, args, cwd, { forElectron = false } = {}) {
  const env = { ...process.env };
  // A machine-wide nodedir (local Node headers) must not leak into the Electron build.
  if (forElectron) delete env.npm_config_nodedir;
  const r = spawnSync(cmd, args, { cwd, stdio: quiet ? 'ignore' : 'inherit', env });
  return r.status === 0;
}

function nodeBuildWorks() {
  const r = spawnSync(process.execPath, ['-e', `new (require(${JSON.stringify(bsqlDir)}))(':memory:').close()`], {
    stdio: 'ignore',
  });
  return r.status === 0;
}

/**
 * Where a Node build of better-sqlite3 is kept between installs on this machine (a fresh clone or
 * `npm ci` empties node_modules): one file per better-sqlite3 version, Node ABI, platform and arch,
 * under the user's cache folder (EXPORTDESK_CACHE_DIR, XDG_CACHE_HOME or ~/.cache). Only a file that
 * loads is used; a bad one is built over.
 */
function nodeBuildCache() {
  const version = JSON.parse(readFileSync(join(bsqlDir, 'package.json'), 'utf8')).version;
  const base = process.env.EXPORTDESK_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'exportdesk');
  return join(
    base,
    'native',
    `better-sqlite3-${version}-node-abi${process.versions.modules}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
}

function buildForNode() {
  if (nodeBuildWorks()) return;
  const built = join(bsqlDir, 'build', 'Release', 'better_sqlite3.node');
  const cached = nodeBuildCache();
  if (existsSync(cached)) {
    mkdirSync(dirname(built), { recursive: true });
    cpSync(cached, built);
    if (nodeBuildWorks()) {
      log(`better-sqlite3 for Node ${process.version}: the build kept in ${dirname(cached)}`);
      return;
    }
    rmSync(built, { force: true });
  }
  log(`building better-sqlite3 for Node ${process.version} (first run only, about 2 minutes)…`);
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const ok = run(process.execPath, [prebuild], bsqlDir) || run(process.execPath, [nodeGyp, 'rebuild', '--release'], bsqlDir);
  if (!ok || !nodeBuildWorks()) {
    console.error('[native] could not build better-sqlite3 for Node; a C++ toolchain (python3, make, g++) is needed');
    process.exit(1);
  }
  try {
    mkdirSync(dirname(cached), { recursive: true });
    cpSync(built, `${cached}.tmp`);
    renameSync(`${cached}.tmp`, cached);
  } catch (err) {
    log(`could not keep the build in ${dirname(cached)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function fail(message) {
  console.error(`[native] ${message}`);
  process.exit(1);
}

/**
 * better_sqlite3.node for Electron `version` on this platform and `arch` (Node's arch name), at
 * `target`. An existing build for that CPU is kept. prebuild-install fetches a prebuilt binary
 * for Electron's ABI where better-sqlite3 publishes one (it does cross-arch); otherwise node-gyp
 * compiles it against Electron's headers (cross-arch needs the matching compiler: Xcode does both
 * Mac archs, Visual Studio needs its ARM64 build tools for arm64).
 */
function buildElectronModule(version, arch, target) {
  if (existsSync(target) && bindingMismatch(target, process.platform, arch) === null) return;
  log(`building better-sqlite3 for Electron ${version} (${process.platform}-${arch})…`);
  // Build in a private copy so the Node build in node_modules stays untouched.
  const work = join(root, '.native', 'work', `better-sqlite3-electron-${version}-${arch}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
    cpSync(join(bsqlDir, part), join(work, part), { recursive: true });
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const fits = () => existsSync(built) && bindingMismatch(built, process.platform, arch) === null;
  if (!(
    run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', arch], work, { forElectron: true }) && fits()
  )) {
    rmSync(join(work, 'build'), { recursive: true, force: true });
    run(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
      work,
      { forElectron: true },
    );
  }
  if (!fits()) {
    const toolchain = arch === process.arch ? 'a C++ toolchain' : `a C++ toolchain that can target ${arch}`;
    fail(
      `could not build better-sqlite3 for Electron ${version} ${process.platform}-${arch}: no prebuilt binary, and compiling it needs ${toolchain} and the network (Electron's headers)`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  rmSync(work, { recursive: true, force: true });
}

/** `npm start` / `npm run dev`: the build for the Electron binary installed in node_modules. */
function prepareForStart(electronDir, version) {
  // The Electron binary itself: electron's own install script, run once (it caches the download).
  if (!existsSync(join(electronDir, 'path.txt'))) {
    log(`fetching Electron ${version}…`);
    if (!run(process.execPath, [join(electronDir, 'install.js')], electronDir)) {
      fail('could not download Electron; `npm start` needs an internet connection the first time');
    }
  }
  // The arch comes from the binary, not from this Node: on Apple Silicon an x64 Node (Rosetta)
  // gets arm64 Electron from the installer. path.txt names the executable inside dist/ (or inside
  // ELECTRON_OVERRIDE_DIST_PATH, as electron's index.js reads it).
  const exe = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'),
    readFileSync(join(electronDir, 'path.txt'), 'utf8').trim(),
  );
  let archs;
  try {
    archs = fileArchs(exe).archs;
  } catch (err) {
    fail(
      `cannot tell which CPU ${exe} is for (${err instanceof Error ? err.message : String(err)}); delete node_modules/electron/path.txt and retry`,
    );
  }
  // Named with Node's arch (process.arch inside Electron), where the app looks when run from source.
  // A universal binary gets one build per slice.
  const targets = archs.map((arch) => ({
    arch,
    path: join(root, '.native', `electron-${version}-${process.platform}-${arch}`, 'better_sqlite3.node'),
  }));
  for (const { arch, path } of targets) buildElectronModule(version, arch, path);
  writeFileSync(join(root, '.native', 'electron-current.json'), JSON.stringify({ version, ...targets[0] }, null, 2));
}

/** `npm run dist`: a build for every arch electron-builder.yml packs for this platform. */
function prepareForDist(version) {
  const targets = nativeTargets({
    projectDir: root,
    config: loadBuilderConfig(root),
    platform: process.platform,
    electronVersion: version,
  });
  log(`better-sqlite3 for Electron ${version}, ${process.platform}: ${targets.map((t) => t.arch).join(', ')} (electron-builder.yml)`);
  for (const { nodeArch, file } of targets) buildElectronModule(version, nodeArch, file);
}

function buildForElectron() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const electronPackage = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const tooOld = nodeTooOldForElectron(process.versions.node, electronPackage);
  if (tooOld) fail(tooOld);
  if (dist) prepareForDist(electronPackage.version);
  else prepareForStart(electronDir, electronPackage.version);
}

if (runtime === 'node') buildForNode();
else if (runtime === 'electron') buildForElectron();
else {
  console.error('usage: node scripts/native-module.mjs node|electron [--dist] [--quiet]');
  process.exit(2);
}

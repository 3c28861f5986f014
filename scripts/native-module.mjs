#!/usr/bin/env node
// Builds better-sqlite3's native module for one runtime and keeps the two builds apart:
//
//   node scripts/native-module.mjs node       -> node_modules/better-sqlite3/build/Release (tests, CLI, bench, web bridge)
//   node scripts/native-module.mjs electron   -> .native/electron-<version>-<platform>-<arch>/better_sqlite3.node
//                                                (also fetches the Electron binary; the app loads this file
//                                                 through better-sqlite3's `nativeBinding` option)
//
// `npm install` runs no dependency install scripts (.npmrc: ignore-scripts=true), so it needs
// nothing but the npm registry. Each runtime's build is made on first use and reused after.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const runtime = process.argv[2];
const quiet = process.argv.includes('--quiet');
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

function buildForNode() {
  if (nodeBuildWorks()) return;
  log(`building better-sqlite3 for Node ${process.version} (first run only, about 2 minutes)…`);
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const ok =
    run(process.execPath, [prebuild], bsqlDir) || run(process.execPath, [nodeGyp, 'rebuild', '--release'], bsqlDir);
  if (!ok || !nodeBuildWorks()) {
    console.error('[native] could not build better-sqlite3 for Node; a C++ toolchain (python3, make, g++) is needed');
    process.exit(1);
  }
}

function buildForElectron() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  // The Electron binary itself: electron's own install script, run once (it caches the download).
  if (!existsSync(join(electronDir, 'path.txt'))) {
    log(`fetching Electron ${version}…`);
    if (!run(process.execPath, [join(electronDir, 'install.js')], electronDir)) {
      console.error('[native] could not download Electron; `npm start` needs an internet connection the first time');
      process.exit(1);
    }
  }
  const arch = process.env.npm_config_arch || process.arch;
  const outDir = join(root, '.native', `electron-${version}-${process.platform}-${arch}`);
  const target = join(outDir, 'better_sqlite3.node');
  if (existsSync(target)) return;
  log(`building better-sqlite3 for Electron ${version} (${process.platform}-${arch})…`);
  // Build in a private copy so the Node build in node_modules stays untouched.
  const work = join(root, '.native', 'work', `better-sqlite3-electron-${version}-${arch}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) cpSync(join(bsqlDir, part), join(work, part), { recursive: true });
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const ok =
    run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', arch], work, { forElectron: true }) ||
    run(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
      work,
      { forElectron: true },
    );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error('[native] could not build better-sqlite3 for Electron');
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(built, target);
  writeFileSync(join(root, '.native', 'electron-current.json'), JSON.stringify({ version, arch, path: target }, null, 2));
  rmSync(work, { recursive: true, force: true });
}

if (runtime === 'node') buildForNode();
else if (runtime === 'electron') buildForElectron();
else {
  console.error('usage: node scripts/native-module.mjs node|electron [--quiet]');
  process.exit(2);
}

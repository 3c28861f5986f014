/**
 * npm run web -- --db <file> [--port N] [--no-build] [--location-file <file>]
 * Builds the app (electron-vite, the one build Electron loads) and serves its renderer
 * (out/renderer) in a plain browser, backed by its engine worker (out/main/engine-worker.js, in a
 * worker thread as in the app) through the bridge on 127.0.0.1. Development and e2e only.
 * With --location-file, a data folder chosen in Settings is remembered in that file and used at the
 * next start instead of --db, as the app does with userData/location.json; without it, a move lasts
 * for the session.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from '../src/bridge/server';
import { startBuiltEngine } from '../src/bridge/start-engine';
import { defaultDatabasePath } from '../src/cli/default-db-path';
import { readLocationFile } from '../src/main/workspace/location-file';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'check-output': { type: 'boolean', default: false },
    'location-file': { type: 'string' },
  },
});

const root = resolve(import.meta.dirname, '..');
if (!values['no-build']) {
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const locationFile = values['location-file'] ? resolve(values['location-file']) : undefined;
const dbPath = (locationFile ? readLocationFile(locationFile) : null) ?? resolve(values.db ?? defaultDatabasePath());
// As the app starts it: a damaged or too-new database opens the recovery screen instead of failing,
// backups every 30 minutes when the data changed and one at quit.
const engine = await startBuiltEngine(dbPath, {
  recovery: true,
  backups: { intervalMs: 30 * 60_000, onClose: true },
  ...(locationFile ? { locationFile } : {}),
}).catch((err: unknown) => {
  console.error(`cannot open ${dbPath}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
const bridge = await startBridge({
  engine,
  staticDir: resolve(root, 'out/renderer'),
  port: values.port ? Number(values.port) : 0,
  checkOutput: values['check-output'],
});
console.log(`ExportDesk (browser harness) on ${bridge.url}  database: ${dbPath}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await bridge.close();
  await engine.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

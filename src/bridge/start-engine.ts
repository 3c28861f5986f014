import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { startEngineWorker, type EngineHandle, type WorkerStartOptions } from '../main/engine/worker-client';
import { APP_VERSION } from '../shared/app-version';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The engine worker exactly as the app ships it: electron-vite's build of src/main/engine/worker.ts. */
export const BUILT_ENGINE_WORKER = join(ROOT, 'out', 'main', 'engine-worker.js');

/**
 * better-sqlite3 built for this Node (`npm run native:node`). The bundled worker carries
 * better-sqlite3's JavaScript but not its binary, so it is told the file, as the app tells it
 * Electron's build: the same `nativeBinding` path, exercised on every run of the harness.
 */
export function nodeNativeBinding(): string {
  const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  const file = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(file)) throw new Error(`better-sqlite3 is not built for Node (${file}); run \`npm run native:node\``);
  return file;
}

/**
 * Starts the built engine worker (out/main/engine-worker.js) under Node, for the browser bridge
 * and tests: the very file Electron's main process starts, not a second build of the sources.
 */
export function startBuiltEngine(
  dbPath: string,
  options: Pick<WorkerStartOptions, 'recovery' | 'backups' | 'locationFile' | 'secrets'> = {},
): Promise<EngineHandle> {
  if (!existsSync(BUILT_ENGINE_WORKER)) {
    return Promise.reject(new Error(`${BUILT_ENGINE_WORKER} is missing; run \`npm run build\` first`));
  }
  return startEngineWorker({
    entry: BUILT_ENGINE_WORKER,
    dbPath,
    appVersion: APP_VERSION,
    nativeBinding: nodeNativeBinding(),
    ...options,
  });
}

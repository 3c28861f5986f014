import { fileURLToPath } from 'node:url';
import { startEngineWorker, type EngineHandle } from '../main/engine/worker-client';
import type { EngineWorkerData } from '../main/engine/protocol';
import { APP_VERSION } from '../shared/app-version';

/**
 * Starts the engine worker from source under Node (tsx compiles it on the fly): the same worker
 * the app starts, for the browser bridge and tests. The packaged app uses the bundled entry.
 */
export function startEngineFromSource(dbPath: string, options: Pick<EngineWorkerData, 'recovery' | 'backups' | 'locationFile'> = {}): Promise<EngineHandle> {
  return startEngineWorker({
    entry: fileURLToPath(new URL('./engine-worker-from-source.mjs', import.meta.url)),
    dbPath,
    appVersion: APP_VERSION,
    ...options,
  });
}

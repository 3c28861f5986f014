import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toErrorShape } from '../../shared/errors';
import { isChannel } from '../../shared/ipc/contract';
import { useNativeBinding } from '../db/connection';
import { usePdfFontsDir } from '../services/quotations/pdf-font';
import { createEngine, type Engine } from './engine';
import type { EngineWorkerData, FromEngine, ToEngine } from './protocol';
import { secretRelay } from './secret-relay';

/** Entry of the engine worker thread: owns the database, answers calls, streams events. */
if (!parentPort) throw new Error('the engine worker must run in a worker thread');
const port: MessagePort = parentPort;
const data = workerData as EngineWorkerData;
const post = (msg: FromEngine) => port.postMessage(msg);

let engine: Engine | undefined;
const queue: ToEngine[] = [];
// The owner's secret store, when it keeps one (Electron main: safeStorage); asked at start too (a migration).
const secrets = data.secrets === 'owner' ? secretRelay((id, request) => post({ type: 'secret', id, request })) : null;

async function handle(msg: ToEngine): Promise<void> {
  if (!engine) return;
  if (msg.type === 'secret.reply') return;
  if (msg.type === 'close') {
    await engine.close();
    secrets?.close();
    post({ type: 'closed' });
    port.close();
    return;
  }
  if (!isChannel(msg.channel)) {
    post({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' } } });
    return;
  }
  const result = await engine.call(msg.channel, msg.input as never, msg.options);
  post({ type: 'result', id: msg.id, result });
}

port.on('message', (msg: ToEngine) => {
  // The owner's answers go straight to the request waiting for them, started or not.
  if (msg.type === 'secret.reply') secrets?.reply(msg.id, msg.reply);
  else if (!engine) queue.push(msg);
  else void handle(msg);
});

/** Loads the database engine's native module once, before anything opens a database, then opens the engine. */
async function start(): Promise<Engine> {
  // A missing or wrong native module is a start-up error like any other (the app explains it).
  if (data.nativeBinding) useNativeBinding(data.nativeBinding);
  if (data.fontsDir) usePdfFontsDir(data.fontsDir);
  return createEngine({
    dbPath: data.dbPath,
    appVersion: data.appVersion,
    mode: 'worker',
    // The app syncs a book that is in a team in the background.
    team: { background: true },
    // …and applies the pool's return rules soon after start and daily (a book whose rules were saved).
    poolRules: { schedule: true },
    recovery: data.recovery ?? false,
    ...(secrets ? { secrets: secrets.store } : {}),
    ...(data.backups ? { backups: data.backups } : {}),
    ...(data.locationFile ? { locationFile: data.locationFile } : {}),
    emit: (event) => post({ type: 'event', event }),
  });
}

start()
  .then((e) => {
    engine = e;
    post({ type: 'ready' });
    for (const msg of queue.splice(0)) void handle(msg);
  })
  .catch((err: unknown) => {
    post({ type: 'fatal', error: toErrorShape(err) });
    port.close();
  });

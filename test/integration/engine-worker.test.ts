import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startBuiltEngine } from '../../src/bridge/start-engine';
import type { EngineHandle } from '../../src/main/engine/worker-client';
import type { EngineEvent } from '../../src/shared/ipc/contract';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { tempDir } from '../support/temp-db';
import { SCHEMA_VERSION } from '../../src/main/db/migrations';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(): Promise<{ engine: EngineHandle; dbPath: string }> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const dbPath = join(tmp.dir, 'worker.db');
  const engine = await startBuiltEngine(dbPath);
  cleanups.push(() => engine.close());
  return { engine, dbPath };
}

describe('engine in a worker thread', () => {
  it('answers the same calls as in-process and reports where it runs', async () => {
    const { engine } = await start();
    const info = await dispatch(engine.call, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { engine: 'worker', schemaVersion: SCHEMA_VERSION } });
    const created = await dispatch(engine.call, 'customers.create', { company: 'Union Distribution GmbH', country: 'BR' });
    expect(created.ok).toBe(true);
    const list = await dispatch(engine.call, 'customers.list', { withTotal: true });
    expect(list.ok && (list.value as { total: number }).total).toBe(1);
  });

  it('streams progress for a long job, keeps answering reads meanwhile, and cancels with nothing written', async () => {
    const { engine } = await start();
    const events: EngineEvent[] = [];
    engine.onEvent((e) => events.push(e));
    const jobId = 'job-under-test';
    const job = dispatch(engine.call, 'sample.generate', { count: 200_000, batchSize: 1000, seed: 7 }, { jobId });
    // Wait for the first progress event, then read while the job holds the write transaction.
    await new Promise<void>((resolve) => {
      const off = engine.onEvent((e) => {
        if (e.type === 'job.progress') {
          off();
          resolve();
        }
      });
    });
    const during = await dispatch(engine.call, 'stats.overview', {});
    expect(during.ok && (during.value as { customers: number }).customers).toBe(0);
    const cancel = await dispatch(engine.call, 'jobs.cancel', { jobId });
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const result = await job;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    const after = await dispatch(engine.call, 'stats.overview', {});
    expect(after.ok && (after.value as { customers: number; contacts: number }).customers).toBe(0);
    const progress = events.filter((e) => e.type === 'job.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(events).toContainEqual({ type: 'job.finished', jobId, channel: 'sample.generate', ok: false });
  });

  it('refuses to start on a database from a newer version, with the code the app shows', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'future.db');
    const db = new Database(dbPath);
    db.pragma('user_version = 999');
    db.close();
    await expect(startBuiltEngine(dbPath)).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
  });

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'junk.db');
    const junk = Buffer.alloc(8192, 0x41);
    writeFileSync(dbPath, junk);
    await expect(startBuiltEngine(dbPath)).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(dbPath).equals(junk)).toBe(true);
  });
});

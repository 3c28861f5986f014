import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { dispatch } from '../../src/shared/ipc/dispatch';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract';
import type { Result } from '../../src/shared/errors';

export function tempDir(prefix = 'exportdesk-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestEngine {
  engine: Engine;
  dbPath: string;
  /** A validated call, as every front door makes it; throws on an error result. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The raw result, for tests of error paths. */
  raw(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export async function openTestEngine(options: { now?: () => Date; dbPath?: string; importChunkRows?: number } = {}): Promise<TestEngine> {
  const tmp = tempDir();
  const dbPath = options.dbPath ?? join(tmp.dir, 'test.db');
  const engine = await createEngine({
    dbPath,
    mode: 'in-process',
    appVersion: 'test',
    now: options.now,
    importChunkRows: options.importChunkRows,
  });
  return {
    engine,
    dbPath,
    async call(channel, input) {
      const r = await dispatch(engine.call, channel, input, {}, true);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code, details: r.error.details });
      return r.value as never;
    },
    raw: (channel, input) => dispatch(engine.call, channel, input, {}, true),
    async close() {
      await engine.close();
      tmp.cleanup();
    },
  };
}

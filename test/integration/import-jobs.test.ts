/**
 * Reading a file and previewing its import are long on a large file: both report progress from
 * the first chunk and stop when cancelled, leaving nothing behind; a commit cancelled half-way
 * writes nothing, though earlier chunks were already written inside its transaction.
 */
import { describe, expect, it } from 'vitest';
import { inquiryCsv } from '../../scripts/inquiry-csv';
import { createEngine } from '../../src/main/engine/engine';
import type { ChannelOutput, EngineEvent } from '../../src/shared/ipc/contract';
import { dispatch } from '../../src/shared/ipc/dispatch';
import { tempDir } from '../support/temp-db';

const FILE = Buffer.from(inquiryCsv(6_000, 1_500, 3), 'utf8').toString('base64');

async function engineWithEvents() {
  const tmp = tempDir();
  const events: EngineEvent[] = [];
  const engine = await createEngine({
    dbPath: `${tmp.dir}/jobs.db`,
    mode: 'in-process',
    appVersion: 'test',
    progressIntervalMs: 0,
    importChunkRows: 500,
    emit: (e) => events.push(e),
  });
  return { engine, events, close: async () => (await engine.close(), tmp.cleanup()) };
}

const count = (engine: Awaited<ReturnType<typeof createEngine>>, table: string) =>
  engine.database.readSqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('import jobs', () => {
  it('reading reports its progress through the file and stops when cancelled', async () => {
    const { engine, events, close } = await engineWithEvents();
    try {
      const whole = await dispatch(engine.call, 'import.analyze', { fileName: 'big.csv', contentBase64: FILE }, { jobId: 'read-1' });
      expect(whole.ok).toBe(true);
      const steps = events.filter(
        (e): e is Extract<EngineEvent, { type: 'job.progress' }> => e.type === 'job.progress' && e.jobId === 'read-1',
      );
      expect(steps.length).toBeGreaterThan(5);
      expect(steps.every((s) => s.phase === 'reading' && s.total === 1000)).toBe(true);
      expect(steps.map((s) => s.done)).toEqual([...steps.map((s) => s.done)].sort((a, b) => a - b));
      expect(steps.at(-1)?.done).toBe(1000);
      // No data changed: reading is not a write.
      expect(events.some((e) => e.type === 'data.changed')).toBe(false);

      const reading = dispatch(engine.call, 'import.analyze', { fileName: 'big.csv', contentBase64: FILE }, { jobId: 'read-2' });
      await new Promise((r) => setImmediate(r));
      await dispatch(engine.call, 'jobs.cancel', { jobId: 'read-2' });
      const cancelled = await reading;
      expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('CANCELLED');
    } finally {
      await close();
    }
  });

  it('a preview stops when cancelled; a commit cancelled half-way writes nothing', async () => {
    const { engine, events, close } = await engineWithEvents();
    try {
      const a = await dispatch(engine.call, 'import.analyze', { fileName: 'big.csv', contentBase64: FILE });
      if (!a.ok) throw new Error(a.error.message);
      const analysed = a.value as ChannelOutput<'import.analyze'>;
      const plan = { fileId: analysed.fileId, kind: analysed.kind, mapping: analysed.mapping };

      const previewing = dispatch(engine.call, 'import.preview', plan, { jobId: 'preview' });
      await new Promise((r) => setImmediate(r));
      await dispatch(engine.call, 'jobs.cancel', { jobId: 'preview' });
      const preview = await previewing;
      expect(preview.ok ? 'ok' : preview.error.code).toBe('CANCELLED');

      // Cancel once a third of the rows are written.
      const committing = dispatch(engine.call, 'import.commit', plan, { jobId: 'commit' });
      for (let i = 0; i < 10_000; i++) {
        const written = events.filter((e) => e.type === 'job.progress' && e.jobId === 'commit' && e.phase === 'writing').at(-1);
        if (written && written.type === 'job.progress' && written.done >= 2_000) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      await dispatch(engine.call, 'jobs.cancel', { jobId: 'commit' });
      const report = await committing;
      expect(report.ok ? 'ok' : report.error.code).toBe('CANCELLED');
      for (const table of ['customers', 'contacts', 'inquiries', 'import_batches']) expect(count(engine, table), table).toBe(0);

      // The file is still staged: the same import runs to its end.
      const again = await dispatch(engine.call, 'import.commit', plan);
      expect(again.ok && (again.value as ChannelOutput<'import.commit'>).inquiries).toBe(6_000);
    } finally {
      await close();
    }
  });
});

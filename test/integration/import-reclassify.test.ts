/**
 * After an import (and after its undo) the classification touches only the customers the import
 * changed, and leaves every class as a full run would: a full run right after moves nobody.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScope } from '../../src/main/classify/classify';
import { openTestEngine, type TestEngine } from '../support/temp-db';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

async function importFile(t: TestEngine, name: string) {
  const a = await t.call('import.analyze', { fileName: name, contentBase64: readFileSync(join(SHARED, name)).toString('base64') });
  return t.call('import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
}

describe('reclassification after an import', () => {
  it('is limited to the import’s customers, after the import and after its undo, and equals a full run', async () => {
    const t = await openTestEngine({ now: () => new Date('2026-11-20T09:00:00Z') });
    try {
      // A book of 3,000 customers with orders, classified; the sample files then touch a few percent of it.
      await t.call('sample.generate', { count: 3_000, seed: 5, ordersPerCustomer: 4, inquiriesPerCustomer: 1 });
      await t.call('classify.run', {});
      await importFile(t, 'alibaba-customers-zh.xlsx');
      const orders = await importFile(t, 'alibaba-orders-zh.csv');
      const runId = orders.classification?.runId as number;
      const scope = runScope(t.engine.database.read, runId);
      expect(scope?.scope, JSON.stringify(scope)).toBe('incremental');
      const customers = t.engine.database.readSqlite.prepare(`SELECT count(*) FROM customers`).pluck().get() as number;
      expect(scope?.reclassified ?? customers).toBeLessThan(customers);
      expect((await t.call('classify.run', {})).moved, 'a full run after the import moves nobody').toBe(0);

      const undo = await t.call('import.undo', { batchId: orders.batchId as number });
      expect(runScope(t.engine.database.read, undo.classification?.runId as number)?.scope).toBe('incremental');
      expect((await t.call('classify.run', {})).moved, 'a full run after the undo moves nobody').toBe(0);
    } finally {
      await t.close();
    }
  });
});

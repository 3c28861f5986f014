import { AppError } from '../../shared/errors';
import type { SqliteDb } from '../db/connection';

export interface UndoCounts {
  customersRemoved: number;
  customersRestored: number;
  contactsRemoved: number;
  inquiriesRemoved: number;
  ordersRemoved: number;
}

/**
 * Undoes one import inside the caller's transaction: removes what it created and puts the
 * customers it changed back as they were. Refused while a later import still builds on it
 * (undo that one first), so no later work is lost silently.
 */
export function undoImport(sqlite: SqliteDb, batchId: number, now: string): UndoCounts {
  const batch = sqlite.prepare(`SELECT status FROM import_batches WHERE id = ?`).get(batchId) as { status: string } | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `import ${batchId} does not exist`, { batchId });
  if (batch.status !== 'committed') throw new AppError('IMPORT_NOT_UNDOABLE', `import ${batchId} is ${batch.status}`, { batchId, status: batch.status });

  const touched = `(SELECT id FROM customers WHERE import_batch_id = @b
      UNION SELECT CAST(row_key AS INTEGER) FROM import_changes WHERE batch_id = @b AND table_name = 'customers')`;
  const laterActive = `(SELECT id FROM import_batches WHERE id > @b AND status = 'committed')`;
  const blocking = sqlite
    .prepare(
      `SELECT DISTINCT batch FROM (
         SELECT import_batch_id AS batch FROM contacts WHERE import_batch_id IN ${laterActive} AND customer_id IN ${touched}
         UNION SELECT import_batch_id FROM inquiries WHERE import_batch_id IN ${laterActive} AND customer_id IN ${touched}
         UNION SELECT import_batch_id FROM orders WHERE import_batch_id IN ${laterActive} AND customer_id IN ${touched}
         UNION SELECT batch_id FROM import_changes WHERE batch_id IN ${laterActive} AND table_name = 'customers'
           AND CAST(row_key AS INTEGER) IN ${touched}
       ) ORDER BY batch`,
    )
    .pluck()
    .all({ b: batchId }) as number[];
  if (blocking.length > 0) {
    throw new AppError('IMPORT_NOT_UNDOABLE', `import ${batchId} is used by later imports (${blocking.join(', ')}); undo those first`, {
      batchId,
      laterImports: blocking,
    });
  }

  const counts: UndoCounts = {
    customersRemoved: 0,
    customersRestored: 0,
    contactsRemoved: 0,
    inquiriesRemoved: 0,
    ordersRemoved: 0,
  };
  counts.inquiriesRemoved = sqlite.prepare(`DELETE FROM inquiries WHERE import_batch_id = ?`).run(batchId).changes;
  counts.ordersRemoved = sqlite.prepare(`DELETE FROM orders WHERE import_batch_id = ?`).run(batchId).changes;
  counts.contactsRemoved = sqlite.prepare(`DELETE FROM contacts WHERE import_batch_id = ?`).run(batchId).changes;

  const changes = sqlite
    .prepare(`SELECT table_name, row_key, action, before FROM import_changes WHERE batch_id = ? ORDER BY id DESC`)
    .all(batchId) as { table_name: string; row_key: string; action: string; before: string | null }[];
  const deleteTag = sqlite.prepare(`DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?`);
  for (const change of changes) {
    if (change.table_name === 'customer_tags') {
      const [customerId, tag] = change.row_key.split('\u001f');
      deleteTag.run(Number(customerId), tag);
    } else if (change.table_name === 'customers' && change.action === 'update' && change.before) {
      const before = JSON.parse(change.before) as Record<string, unknown>;
      const columns = Object.keys(before).filter((c) => c !== 'id');
      sqlite
        .prepare(`UPDATE customers SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @id`)
        .run(before);
      counts.customersRestored++;
    }
  }
  counts.customersRemoved = sqlite.prepare(`DELETE FROM customers WHERE import_batch_id = ?`).run(batchId).changes;
  sqlite.prepare(`DELETE FROM import_changes WHERE batch_id = ?`).run(batchId);
  sqlite.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(now, batchId);
  return counts;
}

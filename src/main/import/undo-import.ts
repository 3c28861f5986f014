import { AppError } from '../../shared/errors';
import { sql, type Selectable } from 'kysely';
import type { CustomersTable } from '../db/schema';
import type { WriteTx } from '../db/sql';

export interface UndoCounts {
  customersRemoved: number;
  customersRestored: number;
  contactsRemoved: number;
  inquiriesRemoved: number;
  ordersRemoved: number;
  productsRemoved: number;
  productsRestored: number;
}

/** What a catalogue import keeps in its report for its undo: the products it changed, as they were. */
interface ProductUndo {
  productsBefore?: (Record<string, unknown> & { id: number })[];
}

function productUndo(report: string | null): Required<ProductUndo> {
  const parsed = report ? (JSON.parse(report) as ProductUndo) : {};
  return { productsBefore: parsed.productsBefore ?? [] };
}

/**
 * Undoes a catalogue import: puts back the products it changed and removes those it created.
 * Refused while a later catalogue import changed one of them (undo that one first).
 */
function undoProductImport(tx: WriteTx, batchId: number, report: string | null, now: string): UndoCounts {
  const mine = productUndo(report).productsBefore;
  const touched = new Set<number>(mine.map((p) => p.id));
  for (const r of tx.all(tx.selectFrom('products').select('id').where('import_batch_id', '=', batchId))) touched.add(r.id);
  const later = tx.all(
    tx
      .selectFrom('import_batches')
      .select(['id', 'report'])
      .where('id', '>', batchId)
      .where('status', '=', 'committed')
      .where('kind', '=', 'products')
      .orderBy('id'),
  );
  const blocking = later.filter((b) => productUndo(b.report).productsBefore.some((p) => touched.has(p.id))).map((b) => b.id);
  if (blocking.length > 0) {
    throw new AppError('IMPORT_NOT_UNDOABLE', `import ${batchId} is used by later imports (${blocking.join(', ')}); undo those first`, {
      batchId,
      laterImports: blocking,
    });
  }
  let productsRestored = 0;
  for (const before of [...mine].reverse()) {
    const { id, photo: _photo, photo_mime: _mime, gid: _gid, import_batch_id: _batch, ...columns } = before;
    productsRestored += tx.run(tx.updateTable('products').set(columns).where('id', '=', id)).changes;
  }
  const productsRemoved = tx.run(tx.deleteFrom('products').where('import_batch_id', '=', batchId)).changes;
  tx.run(tx.updateTable('import_batches').set({ status: 'undone', undone_at: now }).where('id', '=', batchId));
  return {
    customersRemoved: 0,
    customersRestored: 0,
    contactsRemoved: 0,
    inquiriesRemoved: 0,
    ordersRemoved: 0,
    productsRemoved,
    productsRestored,
  };
}

/**
 * Undoes one import inside the caller's transaction (`tx`): removes what it created and puts the
 * customers it changed back as they were. Refused while a later import still builds on it
 * (undo that one first), so no later work is lost silently.
 */
export function undoImport(tx: WriteTx, batchId: number, now: string): UndoCounts {
  const batch = tx.first(tx.selectFrom('import_batches').select(['status', 'kind', 'report']).where('id', '=', batchId));
  if (!batch) throw new AppError('NOT_FOUND', `import ${batchId} does not exist`, { batchId });
  if (batch.status !== 'committed')
    throw new AppError('IMPORT_NOT_UNDOABLE', `import ${batchId} is ${batch.status}`, { batchId, status: batch.status });
  if (batch.kind === 'products') return undoProductImport(tx, batchId, batch.report, now);

  // The later committed imports that added to, or changed, a customer this one created or changed.
  const changedCustomer = sql<number>`CAST(row_key AS INTEGER)`;
  const touched = tx
    .selectFrom('customers')
    .select('id')
    .where('import_batch_id', '=', batchId)
    .union(
      tx
        .selectFrom('import_changes')
        .select(changedCustomer.as('id'))
        .where('batch_id', '=', batchId)
        .where('table_name', '=', 'customers'),
    );
  const laterActive = tx.selectFrom('import_batches').select('id').where('id', '>', batchId).where('status', '=', 'committed');
  const laterOn = (table: 'contacts' | 'inquiries' | 'orders') =>
    tx.selectFrom(table).select('import_batch_id as batch').where('import_batch_id', 'in', laterActive).where('customer_id', 'in', touched);
  const blocking = tx
    .all(
      laterOn('contacts')
        .union(laterOn('inquiries'))
        .union(laterOn('orders'))
        .union(
          tx
            .selectFrom('import_changes')
            .select('batch_id as batch')
            .where('batch_id', 'in', laterActive)
            .where('table_name', '=', 'customers')
            .where(changedCustomer, 'in', touched),
        )
        .orderBy('batch'),
    )
    .map((r) => r.batch as number);
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
    productsRemoved: 0,
    productsRestored: 0,
  };
  counts.inquiriesRemoved = tx.run(tx.deleteFrom('inquiries').where('import_batch_id', '=', batchId)).changes;
  counts.ordersRemoved = tx.run(tx.deleteFrom('orders').where('import_batch_id', '=', batchId)).changes;
  counts.contactsRemoved = tx.run(tx.deleteFrom('contacts').where('import_batch_id', '=', batchId)).changes;

  const changes = tx.all(
    tx
      .selectFrom('import_changes')
      .select(['table_name', 'row_key', 'action', 'before'])
      .where('batch_id', '=', batchId)
      .orderBy('id', 'desc'),
  );
  for (const change of changes) {
    if (change.table_name === 'customer_tags') {
      const [customerId, tag] = change.row_key.split('\u001f');
      tx.run(
        tx
          .deleteFrom('customer_tags')
          .where('customer_id', '=', Number(customerId))
          .where('tag', '=', tag as string),
      );
    } else if (change.table_name === 'customers' && change.action === 'update' && change.before) {
      // The customer's row as it was before the import (every column; the id stays).
      const { id, ...before } = JSON.parse(change.before) as Selectable<CustomersTable>;
      tx.run(tx.updateTable('customers').set(before).where('id', '=', id));
      counts.customersRestored++;
    }
  }
  // The lead assignment's timeline entries on customers the import did not create (its owners were put back above).
  tx.run(
    tx
      .deleteFrom('activities')
      .where('kind', '=', 'owner_assign')
      .where(sql`json_extract(data, '$.batchId')`, '=', batchId),
  );
  counts.customersRemoved = tx.run(tx.deleteFrom('customers').where('import_batch_id', '=', batchId)).changes;
  tx.run(tx.deleteFrom('import_changes').where('batch_id', '=', batchId));
  tx.run(tx.updateTable('import_batches').set({ status: 'undone', undone_at: now }).where('id', '=', batchId));
  return counts;
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Import support: a customer's number in another system (e.g. a web shop's CustomerID) and its
 * Alibaba buyer level; before-images of rows an import changed, so a whole import can be undone;
 * the import's mapping, duration and its failed rows (to download, fix and re-import).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE customers ADD COLUMN external_ref TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE customers ADD COLUMN buyer_level TEXT NOT NULL DEFAULT ''`,
    `CREATE INDEX customers_external_ref ON customers (external_ref) WHERE external_ref <> ''`,
    `ALTER TABLE import_batches ADD COLUMN mapping TEXT`,
    `ALTER TABLE import_batches ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE import_batches ADD COLUMN failed_csv TEXT`,
    `CREATE INDEX contacts_import_batch ON contacts (import_batch_id) WHERE import_batch_id IS NOT NULL`,
    `CREATE INDEX inquiries_import_batch ON inquiries (import_batch_id) WHERE import_batch_id IS NOT NULL`,
    `CREATE INDEX orders_import_batch ON orders (import_batch_id) WHERE import_batch_id IS NOT NULL`,
    // Rows that existed before an import and were changed by it, as they were (JSON), in order.
    `CREATE TABLE import_changes (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
      table_name TEXT NOT NULL CHECK (table_name IN ('customers', 'customer_tags', 'contacts')),
      row_key TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('update', 'insert')),
      before TEXT
    )`,
    `CREATE INDEX import_changes_batch ON import_changes (batch_id, id)`,
  ]);
}

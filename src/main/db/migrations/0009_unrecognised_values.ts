import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Nothing an import reads is dropped (issue: import, nothing dropped silently):
 * - a customer whose country the table does not know keeps it as written (`country_text`, the ISO
 *   `country` empty), found by the grid's "country not recognised" filter and fixed in one step;
 * - an order in a currency the table does not know keeps its amount, in currency XXX (ISO 4217's
 *   "no currency", never converted) with the currency as written (`currency_text`);
 * - two customers alike only by name (a different legal form, nothing else in common) are kept
 *   apart and listed as possible duplicates until the user merges them or keeps them apart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE customers ADD COLUMN country_text TEXT NOT NULL DEFAULT ''`,
    `CREATE INDEX customers_country_unrecognised ON customers (country_text, id) WHERE country = '' AND country_text <> ''`,
    `ALTER TABLE orders ADD COLUMN currency_text TEXT NOT NULL DEFAULT ''`,
    `CREATE TABLE possible_duplicates (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      other_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      reason TEXT NOT NULL CHECK (reason IN ('name')),
      import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT CHECK (resolution IS NULL OR resolution IN ('merged', 'distinct')),
      CHECK (customer_id <> other_id),
      UNIQUE (customer_id, other_id)
    )`,
    `CREATE INDEX possible_duplicates_open ON possible_duplicates (created_at, id) WHERE resolved_at IS NULL`,
    `CREATE INDEX possible_duplicates_other ON possible_duplicates (other_id)`,
  ]);
}

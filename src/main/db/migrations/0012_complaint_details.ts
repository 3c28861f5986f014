import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * What a complaint is about and what backs it (issue #18, item 7): the order it names (one of the
 * same customer's; an order an import undo removes leaves the complaint without one), the amount
 * claimed (minor units + ISO 4217 currency, both or neither) and photos. Photos are kept in the
 * database, like a business card (0007), so they are in every backup and move with their complaint
 * (a customer merge moves complaints; removing a complaint or its customer removes its photos):
 * at most 10 MB each, an image type recognised by its bytes; the engine allows 10 per complaint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE complaints ADD COLUMN order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL`,
    `ALTER TABLE complaints ADD COLUMN claim_minor INTEGER CHECK (claim_minor IS NULL OR claim_minor > 0)`,
    `ALTER TABLE complaints ADD COLUMN claim_currency TEXT CHECK ((claim_currency IS NULL) = (claim_minor IS NULL)
      AND (claim_currency IS NULL OR (length(claim_currency) = 3 AND claim_currency = upper(claim_currency))))`,
    // Removing an order (an import undo) finds the complaints that name it through this index.
    `CREATE INDEX complaints_order ON complaints (order_id) WHERE order_id IS NOT NULL`,
    `CREATE TABLE complaint_photos (
      id INTEGER PRIMARY KEY,
      complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL DEFAULT '' CHECK (length(file_name) <= 260),
      mime TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','image/heic')),
      size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
      bytes BLOB NOT NULL CHECK (length(bytes) = size_bytes),
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX complaint_photos_complaint ON complaint_photos (complaint_id, id)`,
  ]);
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/** The search text of a contact (as 0001_core indexes it), for a trigger row or a table alias. */
export const CONTACT_SEARCH_TEXT = (row: string) =>
  `trim(${['name', 'email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype'].map((c) => `${row}.${c}`).join(" || ' ' || ")})`;

/**
 * Search documents of customers and contacts an import adds are written by the import in one
 * statement per table after its rows (see writeImport), instead of by a trigger per row: the
 * per-row trigger chain (customer → search document → trigram index) was over half the time of
 * a 100k-row import. Rows added one at a time (forms, quick capture) keep their trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP TRIGGER customers_search_insert`,
    `CREATE TRIGGER customers_search_insert AFTER INSERT ON customers WHEN new.import_batch_id IS NULL BEGIN
      INSERT INTO search_docs (id, customer_id, text) VALUES (new.id * 8, new.id, new.company);
    END`,
    `DROP TRIGGER contacts_search_insert`,
    `CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts WHEN new.import_batch_id IS NULL BEGIN
      INSERT INTO search_docs (id, customer_id, text) VALUES (new.id * 8 + 1, new.customer_id, ${CONTACT_SEARCH_TEXT('new')});
    END`,
  ]);
}

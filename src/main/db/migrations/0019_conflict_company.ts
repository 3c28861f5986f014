import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/** The tables of 0019's time whose rows belong to a customer through their customer_id (src/shared/sync/tables.ts then). */
const OF_CUSTOMER = [
  'contacts',
  'inquiries',
  'orders',
  'follow_ups',
  'activities',
  'needs',
  'complaints',
  'customer_files',
  'leads',
  'survey_recipients',
  'survey_responses',
];

/**
 * sync_conflicts.company: the company of the customer a conflict is about, as it was when the
 * conflict was logged (a trigger fills it from the customer, or from the customer of a row that
 * belongs to one). The list shows it when the customer has since left this book: a claim the server
 * refused (POOL_TAKEN) takes the customer away from the loser's laptop, and the list said "(removed)"
 * where the user needs to read which customer they did not get.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ofCustomer = OF_CUSTOMER.map(
    (t) => `WHEN '${t}' THEN (SELECT c.company FROM ${t} x JOIN customers c ON c.id = x.customer_id WHERE x.gid = new.gid)`,
  ).join('\n        ');
  await runStatements(db, [
    `ALTER TABLE sync_conflicts ADD COLUMN company TEXT`,
    `CREATE TRIGGER sync_conflicts_company AFTER INSERT ON sync_conflicts WHEN new.company IS NULL BEGIN
      UPDATE sync_conflicts SET company = CASE new.tbl
        WHEN 'customers' THEN (SELECT company FROM customers WHERE gid = new.gid)
        ${ofCustomer}
      END WHERE id = new.id;
    END`,
    // What was logged before: the name of the customer while it is still in the book.
    `UPDATE sync_conflicts SET company = (SELECT company FROM customers WHERE gid = sync_conflicts.gid) WHERE tbl = 'customers'`,
  ]);
}

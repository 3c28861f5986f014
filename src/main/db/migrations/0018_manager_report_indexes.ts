import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The manager's view over longer periods (#20 item 5; src/main/services/manager/): 0017's period
 * indexes went by time, so each report joined every counted row to its customer for the owner and
 * sorted them all by owner (three months: 0.8 s at 100,000 customers, a year: 3 s). Three of them
 * are turned around, as narrow as before or narrower, so the report reads its figures in owner order:
 *
 * - orders_period: an order's customer first, then its time, with what revenue needs, over the orders
 *   revenue counts (not cancelled, not samples). The report walks the active customers by owner
 *   (customers_active_owner) and reads each one's orders of the period here: one lookup per customer
 *   instead of one per order, and the owners come out in order.
 * - follow_ups_created, follow_ups_done_owner: the follow-up's own owner first, then its creation
 *   (with status) or completion time, and its customer. A salesperson's follow-ups of a period are
 *   one range, counted without opening a customer (figure-counts.ts); the owner-less ones ('') are
 *   one range too, joined to their customers for the customer's owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `DROP INDEX orders_period`,
    `CREATE INDEX orders_period ON orders (customer_id, ordered_at, currency, amount_minor) WHERE cancelled = 0 AND is_sample = 0`,
    `DROP INDEX follow_ups_created`,
    `CREATE INDEX follow_ups_created ON follow_ups (owner, created_at, status, customer_id)`,
    `DROP INDEX follow_ups_done_owner`,
    `CREATE INDEX follow_ups_done_owner ON follow_ups (owner, done_at, customer_id) WHERE status = 'done'`,
  ]);
}

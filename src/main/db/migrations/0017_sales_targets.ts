import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The manager's view (#20 item 5; src/main/services/manager/).
 *
 * - sales_targets: a salesperson's monthly targets (revenue in the base currency's minor units, new
 *   customers), one row per person and month (YYYY-MM); a null value: no target of that kind. The
 *   owner is a person's name as customers.owner holds it (NOCASE, like that column). This table
 *   stays on this laptop in this slice: it is not a team table of the sync (not in
 *   src/shared/sync/tables.ts), so a manager's targets are not seen on the salespeople's laptops.
 *
 * - Indexes the report reads its period through (at 100,000 customers it must stay under 500 ms),
 *   each over the rows it counts and holding what it reads of them, so a figure never opens the wide
 *   rows: owner changes by time (partial, owner_ kinds: claimed, returned); follow-ups by creation
 *   (planned), by completion (done) and open ones by due time (overdue), with their owner and
 *   customer; inquiries by arrival with their owner and reply time; orders by time with what revenue
 *   needs; and every active customer's owner by id (customers_active_owner_by_id: the join each figure
 *   makes for the owner, a few MB instead of the customers table). The rest use indexes that were
 *   there: complaints_open_due, needs_status, customers_active_owner / _created / board_churn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE sales_targets (
      owner TEXT NOT NULL COLLATE NOCASE CHECK (length(owner) BETWEEN 1 AND 120),
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
      revenue_minor INTEGER CHECK (revenue_minor IS NULL OR revenue_minor >= 0),
      new_customers INTEGER CHECK (new_customers IS NULL OR new_customers >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (owner, month)
    )`,
    `CREATE INDEX sales_targets_month ON sales_targets (month)`,
    `CREATE INDEX activities_owner_change_at ON activities (occurred_at) WHERE substr(kind, 1, 6) = 'owner_'`,
    `CREATE INDEX follow_ups_created ON follow_ups (created_at, status, owner, customer_id)`,
    `CREATE INDEX follow_ups_done_owner ON follow_ups (done_at, owner, customer_id) WHERE status = 'done'`,
    `CREATE INDEX follow_ups_open_due_owner ON follow_ups (due_at, owner, customer_id) WHERE status = 'open'`,
    `CREATE INDEX inquiries_received ON inquiries (received_at, customer_id, owner, replied_at)`,
    `CREATE INDEX orders_period ON orders (ordered_at, customer_id, currency, amount_minor, is_sample, cancelled)`,
    `CREATE INDEX customers_active_owner_by_id ON customers (id, owner) WHERE archived_at IS NULL`,
  ]);
}

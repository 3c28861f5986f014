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
 * - Indexes the report reads its period through, each over the rows of the period only (at 100,000
 *   customers the report must stay under 500 ms): owner changes by time (claimed, returned; a
 *   partial index, owner changes are a small part of the timeline), follow-ups by their creation
 *   (planned) and inquiries by their arrival (inquiries, unanswered, reply times). The others use
 *   indexes that were there: orders_date, follow_ups_done, follow_ups_open_due, complaints_open_due,
 *   needs_status, customers_active_owner / _created / board_churn.
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
    `CREATE INDEX follow_ups_created ON follow_ups (created_at)`,
    `CREATE INDEX inquiries_received ON inquiries (received_at)`,
  ]);
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Reclassification after an import touches only the customers it changed (classify/incremental.ts):
 * - a run records its basis, the book-wide quantities its classes were computed with (RFM
 *   quintile cuts, tier thresholds, the firm's usual order gap, the exchange rates), so the next
 *   run can tell which stored classes a change of them reaches;
 * - the book-wide quantities are read from indexes over the stored class columns instead of from
 *   every order: the buyers' frequency and monetary value, the customers' own order gaps
 *   (recency and revenue have theirs, customers_active_last_order and customers_active_revenue);
 * - the customers who ordered on one day only take the firm's usual gap as their rhythm: when it
 *   changes, theirs are found by their own index (by last order, for the few whose churn moves);
 * - a customer's potential counts its recent inquiries: each customer keeps when the earliest of
 *   them was received (recent_inquiry_at), so a later run finds by index the customers one of whose
 *   inquiries is no longer recent instead of going through every inquiry;
 * - the run's counts per class, every dimension's, come from one pass over one small index of the
 *   computed classes (the board indexes hold the class a user sees, where an override wins, one
 *   dimension each).
 * Partial: a customer without orders or inquiries (as an import creates it) is in none of the others.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE classification_runs ADD COLUMN basis TEXT`,
    `ALTER TABLE customers ADD COLUMN recent_inquiry_at TEXT`,
    `CREATE INDEX customers_active_recent_inquiry ON customers (recent_inquiry_at) WHERE archived_at IS NULL AND recent_inquiry_at IS NOT NULL`,
    `CREATE INDEX customers_active_frequency ON customers (frequency) WHERE archived_at IS NULL AND last_order_at <> ''`,
    `CREATE INDEX customers_active_monetary ON customers (monetary_minor) WHERE archived_at IS NULL AND last_order_at <> ''`,
    `CREATE INDEX customers_active_median_gap ON customers (median_gap) WHERE archived_at IS NULL AND median_gap IS NOT NULL`,
    `CREATE INDEX customers_active_one_order_day ON customers (last_order_at) WHERE archived_at IS NULL AND median_gap IS NULL AND last_order_at <> ''`,
    `CREATE INDEX customers_active_classes ON customers (value_tier, value_matrix, suggested_priority, churn_status, lifecycle_stage, rfm_segment) WHERE archived_at IS NULL`,
  ]);
}

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Classification: each customer's derived classes (written by a classification run, see
 * src/main/classify), the versioned rule sets and the history of runs, and saved views.
 * Board columns count and page their cards by (class, revenue) indexes over active customers.
 */
const ACTIVE = 'WHERE archived_at IS NULL';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE customers ADD COLUMN recency_days INTEGER`,
    `ALTER TABLE customers ADD COLUMN frequency INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE customers ADD COLUMN monetary_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE customers ADD COLUMN revenue_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE customers ADD COLUMN r_score INTEGER`,
    `ALTER TABLE customers ADD COLUMN f_score INTEGER`,
    `ALTER TABLE customers ADD COLUMN m_score INTEGER`,
    `ALTER TABLE customers ADD COLUMN rfm_segment TEXT NOT NULL DEFAULT 'none'`,
    `ALTER TABLE customers ADD COLUMN value_tier TEXT NOT NULL DEFAULT 'none'`,
    `ALTER TABLE customers ADD COLUMN potential_score INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE customers ADD COLUMN potential_override INTEGER CHECK (potential_override IS NULL OR potential_override BETWEEN 0 AND 100)`,
    `ALTER TABLE customers ADD COLUMN value_matrix TEXT NOT NULL DEFAULT 'low'`,
    `ALTER TABLE customers ADD COLUMN churn_status TEXT NOT NULL DEFAULT 'none'`,
    `ALTER TABLE customers ADD COLUMN rhythm_days INTEGER`,
    `ALTER TABLE customers ADD COLUMN order_count INTEGER NOT NULL DEFAULT 0`,
    // '' when the customer never ordered, so the grid can sort by it with a keyset.
    `ALTER TABLE customers ADD COLUMN last_order_at TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE customers ADD COLUMN suggested_priority TEXT NOT NULL DEFAULT 'low'`,
    `ALTER TABLE customers ADD COLUMN classified_at TEXT`,

    `CREATE INDEX customers_active_revenue ON customers (revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_active_last_order ON customers (last_order_at, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_segment ON customers (rfm_segment, revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_tier ON customers (value_tier, revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_matrix ON customers (value_matrix, revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_churn ON customers (churn_status, revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_lifecycle ON customers (coalesce(lifecycle_override, lifecycle_stage), revenue_minor, id) ${ACTIVE}`,
    `CREATE INDEX customers_board_priority ON customers (coalesce(priority, suggested_priority), revenue_minor, id) ${ACTIVE}`,

    `CREATE TABLE classification_rule_sets (
      version INTEGER PRIMARY KEY,
      rules TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE classification_runs (
      id INTEGER PRIMARY KEY,
      trigger TEXT NOT NULL CHECK (trigger IN ('manual','import','undo','rules')),
      started_at TEXT NOT NULL,
      duration_ms INTEGER NOT NULL,
      rules_version INTEGER NOT NULL REFERENCES classification_rule_sets(version),
      as_of TEXT NOT NULL,
      customers INTEGER NOT NULL,
      counts TEXT NOT NULL,
      moves TEXT NOT NULL,
      moved INTEGER NOT NULL,
      missing_rates TEXT NOT NULL
    )`,

    `CREATE TABLE saved_views (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('grid','board')),
      name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (kind, name)
    )`,
  ]);
}

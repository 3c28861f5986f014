import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * Classification: each customer's derived classes (written by a classification run, see
 * src/main/classify), the versioned rule sets and the history of runs, and saved views.
 * Board columns count and page their cards by (class, revenue) indexes over active customers.
 */
const ACTIVE = 'WHERE archived_at IS NULL';

const SAMPLE_WORDS_EN = ['sample'];
const SAMPLE_WORDS_ZH = ['样品', '样单', '打样'];
const SAMPLE_SQL = ['product', 'status']
  .flatMap((col) => [
    ...SAMPLE_WORDS_EN.map((w) => `instr(lower(${col}), '${w}') > 0`),
    ...SAMPLE_WORDS_ZH.map((w) => `instr(${col}, '${w}') > 0`),
  ])
  .join(' OR ');

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
    // The customer's median gap between order days, kept with a key of the orders it came from
    // (count:last day:sum of days) so a run recomputes it only for customers whose orders changed.
    `ALTER TABLE customers ADD COLUMN median_gap REAL`,
    `ALTER TABLE customers ADD COLUMN gap_key TEXT NOT NULL DEFAULT ''`,
    // '' when the customer never ordered, so the grid can sort by it with a keyset.
    `ALTER TABLE customers ADD COLUMN last_order_at TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE customers ADD COLUMN suggested_priority TEXT NOT NULL DEFAULT 'low'`,
    `ALTER TABLE customers ADD COLUMN classified_at TEXT`,

    // A sample order names itself in its product or status (Alibaba exports: 样品单, "sample order").
    `ALTER TABLE orders ADD COLUMN is_sample INTEGER GENERATED ALWAYS AS (${SAMPLE_SQL}) VIRTUAL`,
    // The UTC calendar day of an order (days since 1970-01-01): what recency and windows count in.
    `ALTER TABLE orders ADD COLUMN ordered_day INTEGER GENERATED ALWAYS AS (unixepoch(ordered_at) / 86400) VIRTUAL`,
    // Everything a classification run reads from an order, in (customer, day) order: the run
    // scans this index front to back and never touches the table.
    `CREATE INDEX orders_classify ON orders (customer_id, ordered_day, amount_minor, currency, is_sample) WHERE cancelled = 0`,

    // Revenue by day (dashboard trend): a range of days, covered, no table reads.
    `CREATE INDEX orders_by_day ON orders (ordered_day, currency, amount_minor, customer_id) WHERE cancelled = 0`,
    // Boards group by country, industry and owner and sum revenue: the grid's sort indexes gain the
    // revenue so those groupings read the index alone (keyset paging still uses the (key, id) prefix).
    `DROP INDEX customers_active_country`,
    `DROP INDEX customers_active_industry`,
    `DROP INDEX customers_active_owner`,
    `CREATE INDEX customers_active_country ON customers (country, id, revenue_minor) ${ACTIVE}`,
    `CREATE INDEX customers_active_industry ON customers (industry, id, revenue_minor) ${ACTIVE}`,
    `CREATE INDEX customers_active_owner ON customers (owner, id, revenue_minor) ${ACTIVE}`,

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

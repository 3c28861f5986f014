import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

/**
 * The grid's most common narrowing is industry and country (or a region, which is a list of
 * countries) together. With both in one index the total is counted from the index alone and a
 * sorted page reads only the rows that match both, instead of every row of the industry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `CREATE INDEX customers_active_industry_country ON customers (industry, country, id) WHERE archived_at IS NULL`,
  ]);
}

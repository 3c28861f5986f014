/**
 * The churn-risk list: customers past their own order rhythm, most valuable first.
 */
import { sql, type Selectable } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { CustomersTable } from '../../db/schema';
import { type ServiceContext } from '../context';

/** Customers past their order rhythm (churn warning), most valuable first, with their open follow-up if any. */
export function churnRisk(ctx: ServiceContext, input: ChannelParsedInput<'followups.churnRisk'>): ChannelOutput<'followups.churnRisk'> {
  type Row = Pick<
    Selectable<CustomersTable>,
    | 'id'
    | 'company'
    | 'country'
    | 'owner'
    | 'value_tier'
    | 'rfm_segment'
    | 'recency_days'
    | 'rhythm_days'
    | 'last_order_at'
    | 'revenue_minor'
  > & { next_follow_up: string | null };
  // A whole query: the builder cannot say INDEXED BY, which keeps the walk on the churn index in revenue order.
  const rows = ctx.read.all(
    sql<Row>`SELECT c.id, c.company, c.country, c.owner, c.value_tier, c.rfm_segment, c.recency_days, c.rhythm_days, c.last_order_at,
              c.revenue_minor,
              (SELECT min(f.due_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.status = 'open') AS next_follow_up
       FROM customers c INDEXED BY customers_board_churn
       WHERE c.archived_at IS NULL AND c.churn_status = 'warning' ${input.owner !== undefined ? sql`AND c.owner = ${input.owner}` : sql``}
       ORDER BY c.revenue_minor DESC, c.id DESC LIMIT ${input.limit}`,
  );
  return rows.map((r) => ({
    customerId: r.id,
    company: r.company,
    country: r.country,
    owner: r.owner,
    tier: r.value_tier,
    segment: r.rfm_segment,
    daysSinceOrder: r.recency_days ?? 0,
    rhythmDays: r.rhythm_days ?? 0,
    daysPastRhythm: Math.max(0, (r.recency_days ?? 0) - (r.rhythm_days ?? 0)),
    lastOrderAt: r.last_order_at || null,
    revenueMinor: r.revenue_minor,
    nextFollowUpAt: r.next_follow_up,
  }));
}

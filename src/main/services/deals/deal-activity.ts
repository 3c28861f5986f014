/**
 * What a change of a deal leaves behind: an activity on its customer's timeline (ref_table
 * 'opportunities') and the deal's last_activity_at (stale deals are read from it), and the
 * hook other domains call when something happens to a deal (a quotation sent).
 */
import { isOpenStage, stageRank, type DealStage, type OpenDealStage } from '../../../shared/domain/deals';
import type { WriteTx } from '../../db/sql';

/** The timeline kinds of a deal's activities (activities.kind). */
export const DEAL_ACTIVITY_KINDS = ['deal_created', 'deal_updated', 'deal_stage', 'deal_won', 'deal_lost', 'deal_reopened'] as const;
export type DealActivityKind = (typeof DEAL_ACTIVITY_KINDS)[number];

/** Writes the activity and bumps the deal's last activity to `at`. */
export function recordDealActivity(
  tx: WriteTx,
  deal: { id: number; customer_id: number },
  kind: DealActivityKind,
  summary: string,
  at: string,
  data?: Record<string, unknown>,
): void {
  tx.run(
    tx.insertInto('activities').values({
      customer_id: deal.customer_id,
      kind,
      occurred_at: at,
      summary: summary.slice(0, 500),
      ref_table: 'opportunities',
      ref_id: deal.id,
      data: data === undefined ? null : JSON.stringify(data),
      created_at: at,
    }),
  );
  tx.run(tx.updateTable('opportunities').set({ last_activity_at: at }).where('id', '=', deal.id).where('last_activity_at', '<', at));
}

/**
 * Call inside your own transaction when something happens to deal `id` (e.g. a quotation for it was sent): bumps its last activity to `at` (no timeline entry: yours is the activity) and, when the deal is open and at an earlier stage than `stageAtLeast`, moves it there (with a timeline activity). A closed or missing deal is left as it is. Returns the deal's stage after the call (null when there is no such deal).
 */
export function touchOpportunity(
  tx: WriteTx,
  id: number,
  opts: { stageAtLeast?: OpenDealStage; at: string; summary?: string },
): DealStage | null {
  const deal = tx.first(tx.selectFrom('opportunities').select(['id', 'customer_id', 'stage', 'title']).where('id', '=', id));
  if (!deal) return null;
  const stage = deal.stage as DealStage;
  const target = opts.stageAtLeast;
  if (target !== undefined && isOpenStage(stage) && stageRank(stage) < stageRank(target)) {
    tx.run(
      tx
        .updateTable('opportunities')
        .set({ stage: target, stage_changed_at: opts.at, updated_at: opts.at, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id),
    );
    recordDealActivity(tx, deal, 'deal_stage', `${stage} → ${target}: ${opts.summary ?? deal.title}`, opts.at, { from: stage, to: target });
    return target;
  }
  // No move: the caller's own activity (its quotation sent…) is on the timeline; only the deal's clock moves.
  tx.run(tx.updateTable('opportunities').set({ last_activity_at: opts.at }).where('id', '=', id).where('last_activity_at', '<', opts.at));
  return stage;
}

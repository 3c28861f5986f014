import { sql } from 'kysely';
import type { PullOutput, SyncConflict, SyncRow } from '../../shared/team/sync';
import type { SyncNotifier } from './notify';
import { pick } from './pick';
import { asUser, type Actor, type Db } from './session';

/**
 * GET /v1/pull: what this user may see that changed after `since`, as PostgreSQL's policies show it
 * to them (the queries here filter on seq only). A row carries the fields written after `base`
 * (each field's writer seq; `base`: where the laptop's last complete pull ended, 0 when it does
 * not say), or all of them when it went whole to its audience after `base` (full_seq: its insert,
 * a new owner or share, a move to another customer; see migration 0003). Not after `since`: a
 * download of several pages reads rows by their latest seq, so a row written at seq 5 and again at
 * 100 is not in the page that reads seqs 1-50; the page for 51-100 must bring its seq-5 fields too.
 *
 * The counter is read first, then rows up to it: every seq up to the counter is committed (writers
 * hold the counter's lock to their commit), so the cursor returned never skips a row that commits
 * later. A page ends at its last row's seq when more rows wait; `removed` and conflicts are those
 * up to the page's end. `removed` lists customers whose access-log entry for this user is in the
 * window and that they cannot see now (one shared again since is not removed: its rows come again).
 */
export interface PullInput {
  since: number;
  limit: number;
  wait: number;
  base?: number;
}

interface ConflictRecord {
  id: string;
  seq: string;
  tbl: string;
  gid: string;
  customer_gid: string | null;
  field: string;
  kept_value: unknown;
  kept_hlc: string;
  kept_device_id: string | null;
  kept_user_id: string | null;
  lost_value: unknown;
  lost_hlc: string;
  lost_device_id: string | null;
  lost_user_id: string | null;
  kept_user_name: string | null;
  lost_user_name: string | null;
  created_at: Date;
}

export async function pullOnce(db: Db, actor: Actor, input: { since: number; limit: number; base?: number }): Promise<PullOutput> {
  // Fields written after `base` (≤ since): every row a download skipped (a later write moved it
  // past the page being read) comes whole later in the same download, since its other fields are
  // then after the base too. See the file's comment.
  const base = Math.min(input.base ?? 0, input.since);
  return asUser(db, actor, async (trx) => {
    const { rows: counter } = await sql<{ seq: string }>`select seq from sync_counter where id = 1`.execute(trx);
    const top = Number(counter[0]!.seq);
    const { rows: found } = await sql<{
      tbl: string;
      gid: string;
      customer_gid: string | null;
      fields: SyncRow['fields'];
      clocks: Record<string, string>;
      seq: string;
      changed: string[] | null;
    }>`select tbl, gid, customer_gid, seq, fields, clocks,
         case when full_seq > ${base} then null
              else array(select w.key from jsonb_each(writers) w where (w.value ->> 's')::bigint > ${base}) end as changed
       from sync_rows
       where seq > ${input.since} and seq <= ${top} order by seq limit ${input.limit + 1}`.execute(trx);
    const more = found.length > input.limit;
    const page = more ? found.slice(0, input.limit) : found;
    const upTo = more ? Number(page[page.length - 1]!.seq) : Math.max(top, input.since);
    const { rows: removed } = await sql<{ customer_gid: string }>`
      select distinct l.customer_gid from sync_access_log l
      where l.user_id = ${actor.userId} and l.seq > ${input.since} and l.seq <= ${upTo}
        and not exists (select 1 from sync_customers c where c.gid = l.customer_gid)
      order by l.customer_gid`.execute(trx);
    const { rows: conflicts } = await sql<ConflictRecord>`
      select c.id, c.seq, c.tbl, c.gid, c.customer_gid, c.field, c.kept_value, c.kept_hlc, c.kept_device_id, c.kept_user_id,
             c.lost_value, c.lost_hlc, c.lost_device_id, c.lost_user_id, c.created_at,
             ku.name as kept_user_name, lu.name as lost_user_name
      from sync_conflicts c
      left join users ku on ku.id = c.kept_user_id
      left join users lu on lu.id = c.lost_user_id
      where c.seq > ${input.since} and c.seq <= ${upTo} and (c.kept_user_id = ${actor.userId} or c.lost_user_id = ${actor.userId})
      order by c.seq`.execute(trx);
    return {
      rows: page.map((r) => ({
        tbl: r.tbl,
        gid: r.gid,
        customerGid: r.customer_gid,
        fields: r.changed ? pick(r.fields, r.changed) : r.fields,
        clocks: r.changed ? pick(r.clocks, r.changed) : r.clocks,
        seq: Number(r.seq),
      })),
      removed: removed.map((r) => r.customer_gid),
      conflicts: conflicts.map(toConflict),
      seq: upTo,
      more,
    };
  });
}

function toConflict(r: ConflictRecord): SyncConflict {
  return {
    id: r.id,
    seq: Number(r.seq),
    tbl: r.tbl,
    gid: r.gid,
    customerGid: r.customer_gid,
    field: r.field,
    kept: {
      value: (r.kept_value ?? null) as SyncConflict['kept']['value'],
      hlc: r.kept_hlc,
      deviceId: r.kept_device_id,
      userId: r.kept_user_id,
      userName: r.kept_user_name,
    },
    lost: {
      value: (r.lost_value ?? null) as SyncConflict['lost']['value'],
      hlc: r.lost_hlc,
      deviceId: r.lost_device_id,
      userId: r.lost_user_id,
      userName: r.lost_user_name,
    },
    createdAt: r.created_at.toISOString(),
  };
}

/** A pull that, with `wait`, long-polls until there is something for this user (or the time is up). */
export async function pull(db: Db, actor: Actor, input: PullInput, notifier: SyncNotifier): Promise<PullOutput> {
  const deadline = Date.now() + input.wait * 1000;
  if (input.wait > 0) await notifier.ready();
  for (;;) {
    const out = await pullOnce(db, actor, input);
    const remaining = deadline - Date.now();
    if (out.rows.length > 0 || out.removed.length > 0 || out.conflicts.length > 0 || remaining <= 0) return out;
    // Nothing visible to this user up to out.seq: wait for a commit past it.
    await notifier.wait(out.seq, remaining);
    if (Date.now() >= deadline) return pullOnce(db, actor, input);
  }
}

import { sql } from 'kysely';
import { FREE_MAIL_DOMAINS, isFreeMailDomain } from '../../shared/domain/free-mail';
import { COLLISION_KEYS, type CollisionKey, type CollisionMatch, type CollisionReport } from '../../shared/team/collisions';
import { TeamError } from '../../shared/team/errors';
import { keysOfCustomers } from '../db/migrations/0005_collisions';
import { uuidv7 } from '../uuid';
import { asSystem, asUser, type Actor, type Db, type Tx } from './session';

/**
 * POST /v1/collisions (查重/撞单, #20): the team's customers matching a customer a salesperson is about
 * to add, over the whole book, by the import's rules: an e-mail of a contact, a web or e-mail domain,
 * the company key within a country, the last nine digits of a phone or mobile. The keys live hashed
 * in collision_keys (migration 0005), one indexed lookup for all of them. What the user may not see
 * is answered by its owner and since when only. At most 20 matches, the strongest first (e-mail,
 * then domain, company, phone).
 */
export interface CollisionInput {
  companyKey: string;
  country: string;
  domains: string[];
  emails: string[];
  phoneKeys: string[];
  exceptGid?: string | undefined;
}

const RANK: Record<CollisionKey, number> = { email: 0, domain: 1, company: 2, phone: 3 };
const LIMIT = 20;

/** The keyed fields: a change of one of these changes a customer's keys. */
export const KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  customers: ['company_key', 'country', 'website_domain', '_deleted'],
  contacts: ['email', 'phone', 'mobile', 'customer_id', '_deleted'],
};

/** Recomputes the keys of these customers from their rows (the 'system' step of the push that changed them). */
export async function refreshKeys(trx: Tx, actor: Actor, customerGids: readonly string[]): Promise<void> {
  if (customerGids.length === 0) return;
  await asSystem(trx, actor, async () => {
    const gids = [...customerGids];
    await sql`delete from collision_keys where customer_gid = any(${gids}::uuid[])`.execute(trx);
    await sql`insert into collision_keys (customer_gid, kind, key) ${keysOfCustomers(sql`${gids}::uuid[]`)}`.execute(trx);
  });
}

export async function findCollisions(db: Db, actor: Actor, input: CollisionInput): Promise<CollisionMatch[]> {
  const keys: string[] = [];
  for (const e of input.emails) if (e.includes('@')) keys.push(`e:${e.trim().toLowerCase()}`);
  for (const d of input.domains) if (d.trim()) keys.push(`d:${d.trim().toLowerCase()}`);
  if (input.companyKey.trim()) keys.push(`c:${input.companyKey.trim()}|${input.country.trim()}`);
  for (const p of input.phoneKeys) keys.push(`p:${p.slice(-9)}`);
  if (keys.length === 0) return [];
  return asUser(db, actor, async (trx) => {
    const found = await asSystem(trx, actor, async () => {
      const { rows } = await sql<{ gid: string; kind: CollisionKey }>`
        select distinct customer_gid as gid, kind from collision_keys
        where key = any(array(select sha256(convert_to(k, 'UTF8')) from unnest(${[...new Set(keys)]}::text[]) k))`.execute(trx);
      const byGid = new Map<string, Set<CollisionKey>>();
      for (const r of rows) {
        if (r.gid === input.exceptGid?.toLowerCase()) continue;
        const set = byGid.get(r.gid) ?? new Set<CollisionKey>();
        set.add(r.kind);
        byGid.set(r.gid, set);
      }
      const ranked = [...byGid.entries()]
        .map(([gid, by]) => ({ gid, by: [...by].sort((a, b) => RANK[a] - RANK[b]) }))
        .sort((a, b) => RANK[a.by[0]!] - RANK[b.by[0]!] || b.by.length - a.by.length || (a.gid < b.gid ? -1 : 1))
        .slice(0, LIMIT);
      if (ranked.length === 0) return [];
      const { rows: owners } = await sql<{
        gid: string;
        owner_user_id: string | null;
        name: string | null;
        owned_since: Date;
        company: string | null;
      }>`
        select c.gid, c.owner_user_id, u.name, c.owned_since, r.fields ->> 'company' as company
        from sync_customers c
        left join users u on u.id = c.owner_user_id
        left join sync_rows r on r.tbl = 'customers' and r.gid = c.gid
        where c.gid = any(${ranked.map((r) => r.gid)}::uuid[])`.execute(trx);
      const info = new Map(owners.map((o) => [o.gid, o]));
      return ranked.flatMap((r) => {
        const o = info.get(r.gid);
        return o ? [{ ...r, o }] : [];
      });
    });
    if (found.length === 0) return [];
    // What this user sees of them (their own view, under row-level security).
    const { rows: seen } = await sql<{ gid: string }>`
      select gid from sync_customers where gid = any(${found.map((f) => f.gid)}::uuid[])`.execute(trx);
    const visible = new Set(seen.map((s) => s.gid));
    return found.map(({ gid, by, o }) => ({
      gid,
      by,
      owner: o.name,
      ownerId: o.owner_user_id,
      since: o.owned_since.toISOString(),
      visible: visible.has(gid),
      company: visible.has(gid) ? o.company : null,
    }));
  });
}

/** At most this many new pairs recorded per push (a first upload of a whole book stays bounded; the rest are found when those customers change). */
const MAX_REPORTS_PER_PUSH = 1000;
const FREE_MAIL_LIST = [...FREE_MAIL_DOMAINS];
const isKey = (k: string): k is CollisionKey => (COLLISION_KEYS as readonly string[]).includes(k);

/**
 * Collisions found at sync (migration 0006): these customers (their keys or owners just changed in
 * a push) against every other customer that shares a key and has another owner. Each new pair is
 * recorded once with both owners; pairs already recorded, customers in the pool and archived ones
 * are left out, and so are company domains of webmail providers (the exact list in SQL, the
 * families — yahoo.co.uk, hotmail.fr … — checked here on the plain domains). Runs in the push's
 * 'system' step, after its owner moves. Returns how many were recorded.
 */
export async function recordCollisions(trx: Tx, actor: Actor, customerGids: readonly string[], now: number): Promise<number> {
  if (customerGids.length === 0) return 0;
  return asSystem(trx, actor, async () => {
    const { rows: pairs } = await sql<{ gid: string; other: string; kinds: string[]; owner: string; other_owner: string }>`
      select a.customer_gid as gid, b.customer_gid as other, array_agg(distinct a.kind) as kinds,
             ca.owner_user_id as owner, cb.owner_user_id as other_owner
      from collision_keys a
      join collision_keys b on b.key = a.key and b.customer_gid <> a.customer_gid
      join sync_customers ca on ca.gid = a.customer_gid
      join sync_customers cb on cb.gid = b.customer_gid
      where a.customer_gid = any(${[...customerGids]}::uuid[])
        and a.key <> all(array(select sha256(convert_to('d:' || d, 'UTF8')) from unnest(${FREE_MAIL_LIST}::text[]) d))
        and ca.owner_user_id is not null and cb.owner_user_id is not null and ca.owner_user_id <> cb.owner_user_id
        and not ca.archived and not cb.archived
        and not exists (select 1 from collision_reports r
                        where least(r.customer_gid, r.other_gid) = least(a.customer_gid, b.customer_gid)
                          and greatest(r.customer_gid, r.other_gid) = greatest(a.customer_gid, b.customer_gid))
      group by a.customer_gid, b.customer_gid, ca.owner_user_id, cb.owner_user_id
      order by a.customer_gid, b.customer_gid
      limit ${MAX_REPORTS_PER_PUSH}`.execute(trx);
    if (pairs.length === 0) return 0;
    // A domain shared only through a webmail family is no collision: check those pairs on the plain domains.
    const withDomain = pairs.filter((p) => p.kinds.includes('domain'));
    const domains = new Map<string, Set<string>>();
    if (withDomain.length > 0) {
      const gids = [...new Set(withDomain.flatMap((p) => [p.gid, p.other]))];
      const { rows } = await sql<{ gid: string; d: string }>`
        select r.gid, lower(r.fields ->> 'website_domain') as d from sync_rows r
          where r.tbl = 'customers' and r.gid = any(${gids}::uuid[]) and coalesce(r.fields ->> 'website_domain', '') <> ''
        union all
        select r.customer_gid, split_part(lower(trim(r.fields ->> 'email')), '@', 2) from sync_rows r
          where r.tbl = 'contacts' and r.customer_gid = any(${gids}::uuid[]) and coalesce(r.fields ->> 'email', '') like '%@%'
            and coalesce(r.fields ->> '_deleted', 'false') <> 'true'`.execute(trx);
      for (const r of rows) {
        if (!r.d || isFreeMailDomain(r.d)) continue;
        const set = domains.get(r.gid) ?? new Set<string>();
        set.add(r.d);
        domains.set(r.gid, set);
      }
    }
    const found = new Date(now).toISOString();
    const seen = new Set<string>();
    const records = pairs.flatMap((p) => {
      // Both directions of a pair can come back when both customers changed in this push: once.
      const pair = p.gid < p.other ? `${p.gid}|${p.other}` : `${p.other}|${p.gid}`;
      if (seen.has(pair)) return [];
      seen.add(pair);
      let kinds = p.kinds.filter(isKey);
      if (kinds.includes('domain')) {
        const mine = domains.get(p.gid);
        const theirs = domains.get(p.other);
        if (!mine || !theirs || ![...mine].some((d) => theirs.has(d))) kinds = kinds.filter((k) => k !== 'domain');
      }
      if (kinds.length === 0) return [];
      return [
        {
          id: uuidv7(now),
          customer_gid: p.gid,
          other_gid: p.other,
          customer_owner: p.owner,
          other_owner: p.other_owner,
          kinds: kinds.sort((a, b) => RANK[a] - RANK[b]),
          found_at: found,
        },
      ];
    });
    if (records.length === 0) return 0;
    const inserted = await sql`
      insert into collision_reports (id, customer_gid, other_gid, customer_owner, other_owner, kinds, found_at)
      select x.id, x.customer_gid, x.other_gid, x.customer_owner, x.other_owner, array(select jsonb_array_elements_text(x.kinds)), x.found_at
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as x(id uuid, customer_gid uuid, other_gid uuid, customer_owner uuid, other_owner uuid, kinds jsonb, found_at timestamptz)
      on conflict do nothing`.execute(trx);
    return Number(inserted.numAffectedRows ?? 0);
  });
}

interface ReportRow {
  id: string;
  customer_gid: string;
  other_gid: string;
  customer_owner: string | null;
  other_owner: string | null;
  kinds: string[];
  found_at: Date;
  handled_at: Date | null;
  handled_by: string | null;
}

/** Users' names by id. */
export async function userNames(trx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`select id, name from users where id = any(${[...userIds]}::uuid[])`.execute(trx);
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** Of these customers, those this user may see (under their row-level security), with their company. */
export async function visibleCompanies(trx: Tx, gids: readonly string[]): Promise<Map<string, string | null>> {
  if (gids.length === 0) return new Map();
  const { rows } = await sql<{ gid: string; company: string | null }>`
    select c.gid, r.fields ->> 'company' as company from sync_customers c
    left join sync_rows r on r.tbl = 'customers' and r.gid = c.gid
    where c.gid = any(${[...gids]}::uuid[])`.execute(trx);
  return new Map(rows.map((r) => [r.gid, r.company]));
}

/** The reports as this user sees them: owners and handler by name, a company only where the user may see the customer. */
async function describe(trx: Tx, rows: readonly ReportRow[]): Promise<CollisionReport[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.customer_owner, r.other_owner, r.handled_by]).filter((u): u is string => u !== null))];
  const gids = [...new Set(rows.flatMap((r) => [r.customer_gid, r.other_gid]))];
  const names = await userNames(trx, userIds);
  const visible = await visibleCompanies(trx, gids);
  const side = (gid: string, owner: string | null) => ({
    gid,
    owner: owner ? (names.get(owner) ?? null) : null,
    ownerId: owner,
    visible: visible.has(gid),
    company: visible.get(gid) ?? null,
  });
  return rows.map((r) => ({
    id: r.id,
    foundAt: r.found_at.toISOString(),
    by: r.kinds.filter(isKey),
    customer: side(r.customer_gid, r.customer_owner),
    other: side(r.other_gid, r.other_owner),
    handledAt: r.handled_at ? r.handled_at.toISOString() : null,
    handledBy: r.handled_by ? (names.get(r.handled_by) ?? null) : null,
  }));
}

const REPORT_LIMIT = 200;

/** GET /v1/collisions/reports: the ones this user is named in (managers: all), open first, newest first. */
export async function collisionReports(db: Db, actor: Actor): Promise<CollisionReport[]> {
  return asUser(db, actor, async (trx) => {
    const { rows } = await sql<ReportRow>`
      select id, customer_gid, other_gid, customer_owner, other_owner, kinds, found_at, handled_at, handled_by
      from collision_reports
      order by handled_at is not null, found_at desc, id desc
      limit ${REPORT_LIMIT}`.execute(trx);
    return describe(trx, rows);
  });
}

/** POST /v1/collisions/reports/:id/handled: by one of its owners or a manager (NOT_FOUND otherwise: they do not see it). */
export async function markCollisionHandled(db: Db, actor: Actor, id: string, now: number): Promise<CollisionReport> {
  return asUser(db, actor, async (trx) => {
    await sql`update collision_reports set handled_at = ${new Date(now).toISOString()}::timestamptz, handled_by = ${actor.userId}::uuid
              where id = ${id}::uuid and handled_at is null`.execute(trx);
    const { rows } = await sql<ReportRow>`
      select id, customer_gid, other_gid, customer_owner, other_owner, kinds, found_at, handled_at, handled_by
      from collision_reports where id = ${id}::uuid`.execute(trx);
    if (rows.length === 0) throw new TeamError('NOT_FOUND', 'no such collision report');
    return (await describe(trx, rows))[0]!;
  });
}

import { sql } from 'kysely';
import type { CollisionKey, CollisionMatch } from '../../shared/team/collisions';
import { keysOfCustomers } from '../db/migrations/0005_collisions';
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

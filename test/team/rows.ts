/**
 * A laptop's shared rows in comparable form, from its SQLite database: `tbl:gid` → its captured
 * fields (foreign keys as gids) and, for customers, its tags. Used in-process (helpers.ts) and in
 * the laptop child processes of the fault suite (laptop-process.ts), so it imports no vitest.
 */
import { rowObject } from '../../src/main/sync/triggers';
import { SYNC_TABLES } from '../../src/shared/sync/tables';

interface Sqlite {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

/** JSON with sorted keys. */
export function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** Rows shipped with every book (the same gid everywhere), left out of comparisons. */
export const BUILTIN = /^00000000-0000-7000-8000-/;

export function bookRowsOf(db: Sqlite): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of SYNC_TABLES) {
    for (const r of db.prepare(`SELECT x.gid, ${rowObject(t, 'x')} AS v FROM ${t.table} x`).all() as { gid: string; v: string }[]) {
      if (BUILTIN.test(r.gid)) continue;
      const fields = JSON.parse(r.v) as Record<string, unknown>;
      if (t.table === 'customers') {
        const tags = db
          .prepare(`SELECT tag FROM customer_tags WHERE customer_id = (SELECT id FROM customers WHERE gid = ?) ORDER BY tag`)
          .all(r.gid) as { tag: string }[];
        fields['#tags'] = tags.map((x) => x.tag);
      }
      out.set(`${t.table}:${r.gid}`, stable(fields));
    }
  }
  return out;
}

import type { SqliteDb } from '../db/connection';
import { legalForm } from './company-key';
import { emailDomain, isFreeMailDomain } from './normalize/text';
import type { PlannedRow } from './plan-rows';

export type MatchedBy = 'email' | 'domain' | 'name' | 'customerNo';

/** The rows of a file that name one company, and the customer already in the database it matches. */
export interface CustomerGroup {
  /** Stable id of the group within this file: the first identity key of its first row. */
  key: string;
  rows: PlannedRow[];
  existingId: number | null;
  matchedBy: MatchedBy | null;
}

/** What says two records are not the same company even when their names agree. */
export interface Evidence {
  families: Set<string>;
  domains: Set<string>;
}

/** Identity keys of the customers already in the database, built once per import. */
export interface ExistingIndex {
  /** e:, d: and r: keys → customer id (the oldest customer when several share one). */
  byKey: Map<string, number>;
  /** n:companyKey|country → customer ids; and companyKey → ids for rows that give no country. */
  byName: Map<string, number[]>;
  byBareName: Map<string, number[]>;
  evidence: Map<number, Evidence>;
}

function evidenceOf(map: Map<number, Evidence>, id: number): Evidence {
  let e = map.get(id);
  if (!e) {
    e = { families: new Set(), domains: new Set() };
    map.set(id, e);
  }
  return e;
}

export function loadExistingIndex(sqlite: SqliteDb): ExistingIndex {
  const index: ExistingIndex = { byKey: new Map(), byName: new Map(), byBareName: new Map(), evidence: new Map() };
  const put = (key: string, id: number) => {
    if (!index.byKey.has(key)) index.byKey.set(key, id);
  };
  const push = (map: Map<string, number[]>, key: string, id: number) => {
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };
  const customers = sqlite
    .prepare(`SELECT id, company, company_key, country, website_domain, external_ref FROM customers ORDER BY id`)
    .all() as { id: number; company: string; company_key: string; country: string; website_domain: string; external_ref: string }[];
  for (const c of customers) {
    const ev = evidenceOf(index.evidence, c.id);
    const family = legalForm(c.company);
    if (family) ev.families.add(family);
    if (c.company_key) {
      push(index.byName, `n:${c.company_key}|${c.country}`, c.id);
      push(index.byBareName, c.company_key, c.id);
    }
    if (c.website_domain) {
      put(`d:${c.website_domain}`, c.id);
      ev.domains.add(c.website_domain);
    }
    if (c.external_ref) put(`r:${c.external_ref}`, c.id);
  }
  const contacts = sqlite.prepare(`SELECT customer_id, email FROM contacts WHERE email <> '' ORDER BY customer_id, id`).all() as {
    customer_id: number;
    email: string;
  }[];
  for (const c of contacts) {
    put(`e:${c.email}`, c.customer_id);
    const domain = emailDomain(c.email);
    if (domain && !isFreeMailDomain(domain)) {
      put(`d:${domain}`, c.customer_id);
      evidenceOf(index.evidence, c.customer_id).domains.add(domain);
    }
  }
  return index;
}

function rowEvidence(row: PlannedRow, into: Evidence): void {
  if (row.customer.legalForm) into.families.add(row.customer.legalForm);
  for (const k of row.keys) if (k.startsWith('d:')) into.domains.add(k.slice(2));
}

/** Two records may be one company unless they carry different legal forms or only different web domains. */
export function compatible(a: Evidence, b: Evidence): boolean {
  for (const f of a.families) if (b.families.size > 0 && !b.families.has(f)) return false;
  if (a.domains.size > 0 && b.domains.size > 0) {
    let shared = false;
    for (const d of a.domains) if (b.domains.has(d)) shared = true;
    if (!shared) return false;
  }
  return true;
}

/**
 * Groups rows into companies and matches each group to an existing customer. Rows sharing an
 * e-mail, a company web/e-mail domain or a customer number are one company; rows that agree only
 * on company name + country join unless their legal forms or domains say otherwise. Matching an
 * existing customer tries e-mail, then domain, then name + country, then customer number. A group
 * whose key is in `disabledMerges` becomes a new customer.
 */
export function groupCustomers(rows: readonly PlannedRow[], existing: ExistingIndex, disabledMerges: ReadonlySet<string> = new Set()): CustomerGroup[] {
  const parent: number[] = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // 1. Strong keys join rows unconditionally.
  const owner = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of row.keys) {
      if (key.startsWith('n:')) continue;
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else union(i, j);
    }
  });
  // 2. Names join groups whose evidence agrees. Evidence is gathered only for groups that
  //    share a name with another group or may match an existing customer by name.
  const membersOfRoot = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = find(i);
    const list = membersOfRoot.get(root);
    if (list) list.push(i);
    else membersOfRoot.set(root, [i]);
  });
  const evidence = new Map<number, Evidence>();
  const evidenceOfRoot = (root: number): Evidence => {
    let e = evidence.get(root);
    if (!e) {
      e = { families: new Set(), domains: new Set() };
      for (const i of membersOfRoot.get(root) ?? []) rowEvidence(rows[i] as PlannedRow, e);
      evidence.set(root, e);
    }
    return e;
  };
  const byName = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const key of row.keys) {
      if (!key.startsWith('n:')) continue;
      const list = byName.get(key);
      if (list) list.push(i);
      else byName.set(key, [i]);
    }
  });
  for (const members of byName.values()) {
    const roots: number[] = [];
    for (const i of members) {
      const r = find(i);
      if (!roots.includes(r)) roots.push(r);
    }
    if (roots.length < 2) continue;
    for (let a = 0; a < roots.length; a++) {
      for (let b = a + 1; b < roots.length; b++) {
        const ra = find(roots[a] as number);
        const rb = find(roots[b] as number);
        if (ra === rb) continue;
        const ea = evidenceOfRoot(ra);
        const eb = evidenceOfRoot(rb);
        if (!compatible(ea, eb)) continue;
        union(ra, rb);
        const root = find(ra);
        const merged: Evidence = { families: new Set([...ea.families, ...eb.families]), domains: new Set([...ea.domains, ...eb.domains]) };
        membersOfRoot.set(root, [...(membersOfRoot.get(ra) ?? []), ...(membersOfRoot.get(rb) ?? [])]);
        evidence.set(root, merged);
      }
    }
  }

  const groups = new Map<number, PlannedRow[]>();
  rows.forEach((row, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(row);
    groups.set(root, list);
  });

  const result: CustomerGroup[] = [];
  for (const [root, groupRows] of groups) {
    const first = groupRows[0] as PlannedRow;
    const key = first.keys[0] ?? `row:${first.row}`;
    let existingId: number | null = null;
    let matchedBy: MatchedBy | null = null;
    const tryKeys = (prefix: string, by: MatchedBy) => {
      for (const row of groupRows) {
        for (const k of row.keys) {
          if (!k.startsWith(prefix)) continue;
          let candidates: number[] = [];
          if (prefix !== 'n:') {
            const id = existing.byKey.get(k);
            if (id !== undefined) candidates = [id];
          } else {
            candidates = existing.byName.get(k) ?? [];
            // A row without a country may still name one known company.
            if (candidates.length === 0 && k.endsWith('|')) {
              const bare = existing.byBareName.get(k.slice(2, -1)) ?? [];
              if (bare.length === 1) candidates = bare;
            }
            if (candidates.length > 0) {
              const ev = evidenceOfRoot(root);
              candidates = candidates.filter((id) => compatible(ev, existing.evidence.get(id) ?? { families: new Set(), domains: new Set() }));
            }
          }
          if (candidates.length > 0) {
            existingId = candidates[0] as number;
            matchedBy = by;
            return true;
          }
        }
      }
      return false;
    };
    if (!disabledMerges.has(key)) {
      void (tryKeys('e:', 'email') || tryKeys('d:', 'domain') || tryKeys('n:', 'name') || tryKeys('r:', 'customerNo'));
    }
    result.push({ key, rows: groupRows, existingId, matchedBy });
  }
  return result;
}

import type { Selectable } from 'kysely';
import type { ContactsTable, CustomersTable } from '../db/schema';
import type { ReadDb, SqlQuery, WriteTx } from '../db/sql';
import { companyIdentity, type CompanyIdentity } from './company-key';
import { countryKey } from './normalize/country';
import { isFreeMailDomain, phoneKey } from './normalize/text';
import type { PlannedRow } from './plan-rows';

export type MatchedBy = 'email' | 'domain' | 'name' | 'customerNo';

/** The rows of a file that name one company, and the customer already in the database they go to. */
export interface CustomerGroup {
  /** Stable id of the group within this file: the first identity key of its first row. */
  key: string;
  rows: PlannedRow[];
  existingId: number | null;
  matchedBy: MatchedBy | null;
}

/**
 * Two companies alike only by name (same name and country, a different legal-form text, nothing
 * else in common): not merged unless the user accepts. `key` names the suggestion in
 * `acceptedMerges`.
 */
export interface PossibleDuplicate {
  key: string;
  groupKey: string;
  company: string;
  country: string;
  rows: number;
  other: { kind: 'existing'; id: number; company: string } | { kind: 'file'; groupKey: string; company: string };
}

export interface Grouping {
  groups: CustomerGroup[];
  possible: PossibleDuplicate[];
}

/** What says whether two records are one company when their names and countries agree. */
export interface Evidence {
  /** Legal forms as written (compacted), '' for a name without one. */
  forms: Set<string>;
  /** Legal-form families (ltd, gmbh…) of the names that have one. */
  families: Set<string>;
  /** Company web and e-mail domains (free-mail domains never count). */
  domains: Set<string>;
  /** Phone keys (last nine digits). */
  phones: Set<string>;
}

export type NameVerdict = 'same' | 'possible' | 'different';

export function emptyEvidence(): Evidence {
  return { forms: new Set(), families: new Set(), domains: new Set(), phones: new Set() };
}

function shares(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * Two records with the same company name and country:
 * - `different` when their company domains differ, or their legal-form families do (Ltd and GmbH);
 * - `same` when a domain or phone corroborates, or the legal forms are written alike (or both have none);
 * - `possible` otherwise ("Crown Distribution Ltd" and "Crown Distribution Pty Ltd", nothing in
 *   common): strong evidence merges, weak evidence asks.
 */
export function nameVerdict(a: Evidence, b: Evidence): NameVerdict {
  if (a.domains.size > 0 && b.domains.size > 0 && !shares(a.domains, b.domains)) return 'different';
  if (a.families.size > 0 && b.families.size > 0 && !shares(a.families, b.families)) return 'different';
  if (shares(a.domains, b.domains) || shares(a.phones, b.phones)) return 'same';
  return sameSet(a.forms, b.forms) ? 'same' : 'possible';
}

/** Adds what a row says about its company to an evidence set. */
export function addRowEvidence(row: PlannedRow, into: Evidence): void {
  if (row.customer.company) addNameEvidence({ form: row.customer.legalFormText, family: row.customer.legalForm }, into);
  for (const k of row.keys) if (k.startsWith('d:')) into.domains.add(k.slice(2));
  for (const p of [row.contact?.phone, row.contact?.mobile]) {
    const key = p ? phoneKey(p) : '';
    if (key) into.phones.add(key);
  }
}

export interface ExistingCandidate {
  id: number;
  company: string;
  country: string;
  countryText: string;
}

/**
 * The customers already in the database, reached through their indexes one key at a time (no
 * copy of the book in memory): e-mail, company domain, customer number, name (+ country).
 */
export interface ExistingLookup {
  byEmail(email: string): number | null;
  byDomain(domain: string): number | null;
  byRef(ref: string): number | null;
  /** Customers with this company key; in `country` (ISO), or with this unrecognised country text, or anywhere when both are ''. */
  byName(companyKey: string, country: string, countryText: string): ExistingCandidate[];
  evidence(id: number): Evidence;
  /** Looks up every key these rows carry at once (a few hundred keys per query), so the calls above answer from memory. */
  prefetch?(rows: readonly PlannedRow[]): void;
}

/** Keys per IN (…) query: well under SQLite's 32,766 bound parameters. */
const PREFETCH_CHUNK = 500;
/** The import's figure the lookups are measured by. */
const IMPORT_FIGURE = 'import 100k-row inquiry CSV (end to end)';

/** Where the lookups read: the read connection (preview, quick capture) or the import's own transaction (commit). */
export type LookupDb = ReadDb | WriteTx;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const nameCacheKey = (companyKey: string, country: string, countryText: string) => `${companyKey}\u0001${country}\u0001${countryText}`;

/**
 * The oldest of these customers: the lowest id among those in the database; among those only a
 * dry run "created" (ids below zero, -1 first), the first created. Null when there is none.
 */
export function oldestOf(ids: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const id of ids) {
    if (id === null) continue;
    if (best === null) best = id;
    else if (id > 0 && (best < 0 || id < best)) best = id;
    else if (id < 0 && best < 0 && id > best) best = id;
  }
  return best;
}

/** Of the customers with one company key: those in `country`, or with this unrecognised country text, or all when both are ''. */
export function candidatesOf(all: readonly ExistingCandidate[], country: string, countryText: string): ExistingCandidate[] {
  if (country) return all.filter((c) => c.country === country).slice(0, 50);
  if (!countryText) return all.slice(0, 50);
  const wanted = countryKey(countryText);
  return all.filter((c) => c.country === '' && countryKey(c.countryText) === wanted).slice(0, 50);
}

type Found = { id: number | null } | undefined;
const foundId = (r: unknown) => (r as Found)?.id ?? null;

/**
 * The one-key lookups, prepared once per connection (hot() caches them): one runs per key a
 * chunk's prefetch did not cover and two per name candidate, where compiling a query each time
 * would cost more than the index seek.
 */
const lookups = {
  byEmail: (db: LookupDb, email: string) =>
    foundId(db.hot(IMPORT_FIGURE)`SELECT min(customer_id) AS id FROM contacts WHERE email = ? AND email <> ''`.get(email)),
  byWebDomain: (db: LookupDb, domain: string) =>
    foundId(db.hot(IMPORT_FIGURE)`SELECT min(id) AS id FROM customers WHERE website_domain = ? AND website_domain <> ''`.get(domain)),
  byMailDomain: (db: LookupDb, domain: string) =>
    foundId(db.hot(IMPORT_FIGURE)`SELECT min(customer_id) AS id FROM contacts WHERE email_domain = ? AND email <> ''`.get(domain)),
  byRef: (db: LookupDb, ref: string) =>
    foundId(db.hot(IMPORT_FIGURE)`SELECT min(id) AS id FROM customers WHERE external_ref = ? AND external_ref <> ''`.get(ref)),
  byKeyCountry: (db: LookupDb, companyKey: string, country: string) =>
    db.hot(IMPORT_FIGURE)`SELECT id, company, country, country_text AS countryText FROM customers
      WHERE company_key = ? AND country = ? ORDER BY id LIMIT 50`.all(companyKey, country) as ExistingCandidate[],
  byKey: (db: LookupDb, companyKey: string) =>
    db.hot(IMPORT_FIGURE)`SELECT id, company, country, country_text AS countryText FROM customers
      WHERE company_key = ? ORDER BY id LIMIT 50`.all(companyKey) as ExistingCandidate[],
  customer: (db: LookupDb, id: number) =>
    db.hot(IMPORT_FIGURE)`SELECT company, website_domain FROM customers WHERE id = ?`.get(id) as
      Pick<Selectable<CustomersTable>, 'company' | 'website_domain'> | undefined,
  contacts: (db: LookupDb, customerId: number) =>
    db.hot(IMPORT_FIGURE)`SELECT email_domain, phone_key, mobile_key, email, phone, mobile FROM contacts WHERE customer_id = ?`.all(
      customerId,
    ) as Pick<Selectable<ContactsTable>, 'email_domain' | 'phone_key' | 'mobile_key' | 'email' | 'phone' | 'mobile'>[],
};

/** Adds the legal form of a company's name (as written, and its family) to an evidence set. */
export function addNameEvidence(identity: Pick<CompanyIdentity, 'form' | 'family'>, into: Evidence): void {
  into.forms.add(identity.form);
  if (identity.family) into.families.add(identity.family);
}

/**
 * What the database says about an existing customer's company: its name's legal form, its web
 * and company e-mail domains (free mail never counts) and its phones.
 */
export function customerEvidence(db: LookupDb, customerId: number): Evidence {
  const e = emptyEvidence();
  const c = lookups.customer(db, customerId);
  if (c) {
    addNameEvidence(companyIdentity(c.company), e);
    if (c.website_domain) e.domains.add(c.website_domain);
  }
  for (const k of lookups.contacts(db, customerId)) {
    if (k.email && k.email_domain && !isFreeMailDomain(k.email_domain)) e.domains.add(k.email_domain);
    if (k.phone && k.phone_key && k.phone_key.length >= 7) e.phones.add(k.phone_key);
    if (k.mobile && k.mobile_key && k.mobile_key.length >= 7) e.phones.add(k.mobile_key);
  }
  return e;
}

/** A chunk's keys of one kind and the oldest customer of each found: an IN (…) query over an index. */
type KeyQuery = (keys: string[]) => SqlQuery<{ k: string; id: number }>;

/** Index lookups on a connection, each answer remembered for the rest of the lookup's life (one chunk of an import). */
export function sqliteLookup(db: LookupDb): ExistingLookup {
  const memo = <T>(cache: Map<string, T>, fn: (key: string) => T) => {
    return (key: string): T => {
      let v = cache.get(key);
      if (v === undefined && !cache.has(key)) {
        v = fn(key);
        cache.set(key, v);
      }
      return v as T;
    };
  };
  const evidenceCache = new Map<number, Evidence>();
  const emails = new Map<string, number | null>();
  const domains = new Map<string, number | null>();
  const refs = new Map<string, number | null>();
  const names = new Map<string, ExistingCandidate[]>();
  // An empty book (a first import) has nothing to match: every lookup answers "none" without a query.
  const empty = db.first(db.selectFrom('customers').select('id').limit(1)) === undefined;
  /**
   * Fills `cache` for `keys` with one IN (…) query per chunk of keys (built once per chunk, not
   * per key; the connection keeps each shape prepared); keys not found answer null.
   */
  const fill = (cache: Map<string, number | null>, keys: Iterable<string>, query: KeyQuery) => {
    const wanted = [...new Set(keys)].filter((k) => !cache.has(k));
    if (empty) {
      for (const k of wanted) cache.set(k, null);
      return;
    }
    for (const part of chunks(wanted, PREFETCH_CHUNK)) {
      const found = new Map<string, number>();
      for (const r of db.all(query(part))) {
        const prev = found.get(r.k);
        found.set(r.k, prev === undefined ? r.id : Math.min(prev, r.id));
      }
      for (const k of part) cache.set(k, found.get(k) ?? null);
    }
  };
  return {
    prefetch(rows) {
      if (empty) return;
      const e: string[] = [];
      const d: string[] = [];
      const r: string[] = [];
      for (const row of rows) {
        for (const k of row.keys) {
          if (k.startsWith('e:')) e.push(k.slice(2));
          else if (k.startsWith('d:')) d.push(k.slice(2));
          else if (k.startsWith('r:')) r.push(k.slice(2));
        }
      }
      fill(emails, e, (keys) =>
        db
          .selectFrom('contacts')
          .select(['email as k', (eb) => eb.fn.min('customer_id').as('id')])
          .where('email', 'in', keys)
          .where('email', '<>', '')
          .groupBy('email'),
      );
      // A domain: the oldest customer with it as website, or with a contact at it (not free mail).
      const dWanted = [...new Set(d)].filter((k) => !domains.has(k));
      const web = new Map<string, number | null>();
      fill(web, dWanted, (keys) =>
        db
          .selectFrom('customers')
          .select(['website_domain as k', (eb) => eb.fn.min('id').as('id')])
          .where('website_domain', 'in', keys)
          .where('website_domain', '<>', '')
          .groupBy('website_domain'),
      );
      const mail = new Map<string, number | null>();
      fill(
        mail,
        dWanted.filter((k) => !isFreeMailDomain(k)),
        (keys) =>
          db
            .selectFrom('contacts')
            .select(['email_domain as k', (eb) => eb.fn.min('customer_id').as('id')])
            .where('email_domain', 'in', keys)
            .where('email', '<>', '')
            .groupBy('email_domain'),
      );
      for (const k of dWanted) {
        const a = web.get(k) ?? null;
        const b = mail.get(k) ?? null;
        domains.set(k, a === null ? b : b === null ? a : Math.min(a, b));
      }
      fill(refs, r, (keys) =>
        db
          .selectFrom('customers')
          .select(['external_ref as k', (eb) => eb.fn.min('id').as('id')])
          .where('external_ref', 'in', keys)
          .groupBy('external_ref'),
      );
      // Names: every customer with one of these company keys, then the candidates of each (key, country).
      const wantedNames = new Map<string, { key: string; country: string; text: string }>();
      for (const row of rows) {
        const c = row.customer;
        if (!c.companyKey) continue;
        const k = nameCacheKey(c.companyKey, c.country, c.countryText);
        if (!names.has(k)) wantedNames.set(k, { key: c.companyKey, country: c.country, text: c.countryText });
      }
      const byCompanyKey = new Map<string, (ExistingCandidate & { company_key: string })[]>();
      for (const part of empty ? [] : chunks([...new Set([...wantedNames.values()].map((w) => w.key))], PREFETCH_CHUNK)) {
        const found = db.all(
          db
            .selectFrom('customers')
            .select(['id', 'company', 'country', 'country_text as countryText', 'company_key'])
            .where('company_key', 'in', part)
            .orderBy('id'),
        );
        for (const c of found) {
          const list = byCompanyKey.get(c.company_key);
          if (list) list.push(c);
          else byCompanyKey.set(c.company_key, [c]);
        }
      }
      for (const [k, w] of wantedNames) names.set(k, candidatesOf(byCompanyKey.get(w.key) ?? [], w.country, w.text));
    },
    byEmail: memo(emails, (email) => (empty ? null : lookups.byEmail(db, email))),
    byDomain: memo(domains, (domain) => {
      if (empty) return null;
      const a = lookups.byWebDomain(db, domain);
      const b = isFreeMailDomain(domain) ? null : lookups.byMailDomain(db, domain);
      return a === null ? b : b === null ? a : Math.min(a, b);
    }),
    byRef: memo(refs, (ref) => (empty ? null : lookups.byRef(db, ref))),
    byName(companyKey, country, countryText) {
      if (empty) return [];
      const k = nameCacheKey(companyKey, country, countryText);
      let found = names.get(k);
      if (!found) {
        found = country ? lookups.byKeyCountry(db, companyKey, country) : candidatesOf(lookups.byKey(db, companyKey), '', countryText);
        names.set(k, found);
      }
      return found;
    },
    evidence(customerId) {
      let e = evidenceCache.get(customerId);
      if (e) return e;
      e = customerEvidence(db, customerId);
      evidenceCache.set(customerId, e);
      return e;
    },
  };
}

export interface GroupOptions {
  /** Groups (by key) to import as new customers whatever they match (in the database before the import). */
  disabledMerges?: ReadonlySet<string>;
  /** Possible duplicates (by key) the user chose to merge. */
  acceptedMerges?: ReadonlySet<string>;
  /**
   * The file is grouped a chunk at a time: the group key that created a customer of this import
   * in an earlier chunk (undefined for a customer that was there before). Rows of such a
   * customer's company go to it as they would have joined its group in one pass, disabled merges
   * or not, and a possible duplicate of it is named by the two group keys, as within one chunk.
   */
  createdBy?: (customerId: number) => string | undefined;
}

/**
 * Groups rows into companies and matches each group to an existing customer:
 * - rows sharing an e-mail, a company web/e-mail domain or a customer number are one company,
 *   except that rows whose e-mail addresses belong to two different existing customers are never
 *   joined (an address never ends up on two customers);
 * - rows that agree only on company name + country join when nameVerdict says `same`; a
 *   `possible` pair stays apart and is listed (merged only if accepted);
 * - a group goes to the existing customer of its e-mail (always first), else its company domain,
 *   else its name + country (`same` only; `possible` is listed), else its customer number.
 */
export function groupCustomers(rows: readonly PlannedRow[], existing: ExistingLookup, options: GroupOptions = {}): Grouping {
  const disabled = options.disabledMerges ?? new Set<string>();
  const accepted = options.acceptedMerges ?? new Set<string>();
  const createdBy = options.createdBy ?? (() => undefined);
  existing.prefetch?.(rows);
  const parent: number[] = rows.map((_, i) => i);
  /** The existing customer a root's rows' e-mails belong to (at most one per root). */
  const emailOwner = new Map<number, number>();
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const oa = emailOwner.get(ra);
    const ob = emailOwner.get(rb);
    if (oa !== undefined && ob !== undefined && oa !== ob) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    const owner = oa ?? ob;
    if (owner !== undefined) emailOwner.set(root, owner);
    return true;
  };
  rows.forEach((row, i) => {
    const email = row.keys.find((k) => k.startsWith('e:'));
    const owner = email ? existing.byEmail(email.slice(2)) : null;
    if (owner !== null) emailOwner.set(i, owner);
  });

  // 1. Strong keys join rows.
  const firstWithKey = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of row.keys) {
      if (key.startsWith('n:')) continue;
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else union(i, j);
    }
  });

  // Members and evidence of each root, kept up to date as names join groups.
  const membersOf = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = find(i);
    const list = membersOf.get(root);
    if (list) list.push(i);
    else membersOf.set(root, [i]);
  });
  const evidenceOfRoot = new Map<number, Evidence>();
  const evidence = (root: number): Evidence => {
    let e = evidenceOfRoot.get(root);
    if (!e) {
      e = emptyEvidence();
      for (const i of membersOf.get(root) ?? []) addRowEvidence(rows[i] as PlannedRow, e);
      evidenceOfRoot.set(root, e);
    }
    return e;
  };
  const groupKey = (indexes: readonly number[]) => {
    const first = rows[indexes[0] as number] as PlannedRow;
    return first.keys[0] ?? `row:${first.row}`;
  };
  const joinRoots = (ra: number, rb: number): boolean => {
    const ea = evidence(ra);
    const eb = evidence(rb);
    if (!union(ra, rb)) return false;
    const root = find(ra);
    const other = root === ra ? rb : ra;
    // The root is the lowest row index of its set, so its list still starts with the group's first row.
    const list = membersOf.get(root) ?? [];
    for (const i of membersOf.get(other) ?? []) list.push(i);
    membersOf.set(root, list);
    membersOf.delete(other);
    for (const k of ['forms', 'families', 'domains', 'phones'] as const) for (const v of eb[k]) ea[k].add(v);
    evidenceOfRoot.set(root, ea);
    evidenceOfRoot.delete(other);
    return true;
  };

  // 2. Names join groups whose evidence says `same`; `possible` pairs are listed (joined if accepted).
  const inFilePossible: { a: number; b: number; key: string }[] = [];
  const byName = new Map<string, number[]>();
  for (const [root, idx] of membersOf) {
    const keys = new Set<string>();
    for (const i of idx) for (const k of (rows[i] as PlannedRow).keys) if (k.startsWith('n:')) keys.add(k);
    for (const k of keys) {
      const list = byName.get(k);
      if (list) list.push(root);
      else byName.set(k, [root]);
    }
  }
  for (const roots of byName.values()) {
    if (roots.length < 2) continue;
    for (let a = 0; a < roots.length; a++) {
      for (let b = a + 1; b < roots.length; b++) {
        const ra = find(roots[a] as number);
        const rb = find(roots[b] as number);
        if (ra === rb) continue;
        const verdict = nameVerdict(evidence(ra), evidence(rb));
        if (verdict === 'different') continue;
        if (verdict === 'possible') {
          const pairKey = [groupKey(membersOf.get(ra) ?? [ra]), groupKey(membersOf.get(rb) ?? [rb])].sort().join(' ⇄ ');
          if (!accepted.has(pairKey)) {
            inFilePossible.push({ a: ra, b: rb, key: pairKey });
            continue;
          }
        }
        joinRoots(ra, rb);
      }
    }
  }

  // 3. Each group to an existing customer.
  const groups: CustomerGroup[] = [];
  const possible: PossibleDuplicate[] = [];
  for (const [root, unordered] of membersOf) {
    const idx = [...unordered].sort((x, y) => x - y);
    const groupRows = idx.map((i) => rows[i] as PlannedRow);
    const key = groupKey(idx);
    const first = groupRows[0] as PlannedRow;
    let existingId: number | null = null;
    let matchedBy: MatchedBy | null = null;
    // A disabled group still joins what an earlier chunk of the file created for its company.
    const usable = disabled.has(key)
      ? (id: number | null) => id !== null && createdBy(id) !== undefined
      : (id: number | null) => id !== null;
    const owner = emailOwner.get(root);
    if (owner !== undefined && usable(owner)) {
      existingId = owner;
      matchedBy = 'email';
    }
    for (const row of existingId === null ? groupRows : []) {
      const d = row.keys.find((k) => k.startsWith('d:') && usable(existing.byDomain(k.slice(2))));
      if (d) {
        existingId = existing.byDomain(d.slice(2));
        matchedBy = 'domain';
        break;
      }
    }
    if (existingId === null) {
      const ev = evidence(root);
      const seen = new Set<number>();
      for (const row of groupRows) {
        const c = row.customer;
        if (!c.companyKey) continue;
        let candidates = existing.byName(c.companyKey, c.country, c.countryText);
        // A row without a country may still name one known company.
        if (!c.country && !c.countryText && candidates.length !== 1) candidates = [];
        for (const cand of candidates) {
          if (seen.has(cand.id) || !usable(cand.id)) continue;
          seen.add(cand.id);
          const verdict = nameVerdict(ev, existing.evidence(cand.id));
          if (verdict === 'different') continue;
          const otherGroup = createdBy(cand.id);
          const suggestion = otherGroup === undefined ? `${key} → #${cand.id}` : [key, otherGroup].sort().join(' ⇄ ');
          if (verdict === 'same' || accepted.has(suggestion)) {
            existingId = cand.id;
            matchedBy = 'name';
            break;
          }
          possible.push({
            key: suggestion,
            groupKey: key,
            company: first.customer.company,
            country: first.customer.country || first.customer.countryText,
            rows: groupRows.length,
            other:
              otherGroup === undefined
                ? { kind: 'existing', id: cand.id, company: cand.company }
                : { kind: 'file', groupKey: otherGroup, company: cand.company },
          });
        }
        if (existingId !== null) break;
      }
    }
    if (existingId === null) {
      for (const row of groupRows) {
        const r = row.keys.find((k) => k.startsWith('r:') && usable(existing.byRef(k.slice(2))));
        if (r) {
          existingId = existing.byRef(r.slice(2));
          matchedBy = 'customerNo';
          break;
        }
      }
    }
    // A suggestion is moot once the group went to a customer by stronger evidence.
    if (existingId !== null) for (let i = possible.length - 1; i >= 0 && possible[i]?.groupKey === key; i--) possible.splice(i, 1);
    groups.push({ key, rows: groupRows, existingId, matchedBy });
  }
  for (const pair of inFilePossible) {
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (ra === rb) continue;
    const ia = membersOf.get(ra) ?? [ra];
    const ib = membersOf.get(rb) ?? [rb];
    const a = rows[ia[0] as number] as PlannedRow;
    const b = rows[ib[0] as number] as PlannedRow;
    possible.push({
      key: pair.key,
      groupKey: groupKey(ia),
      company: a.customer.company,
      country: a.customer.country || a.customer.countryText,
      rows: ia.length,
      other: { kind: 'file', groupKey: groupKey(ib), company: b.customer.company },
    });
  }
  // One suggestion per pair of customers: a file group that went to an existing customer is that customer.
  const existingOf = new Map(groups.map((g) => [g.key, g.existingId]));
  const identity = (groupKey: string) => {
    const id = existingOf.get(groupKey);
    return id === null || id === undefined ? `g:${groupKey}` : `c:${id}`;
  };
  const seenPairs = new Set<string>();
  const unique = possible.filter((p) => {
    const a = identity(p.groupKey);
    const b = p.other.kind === 'existing' ? `c:${p.other.id}` : identity(p.other.groupKey);
    const pairKey = [a, b].sort().join('|');
    if (a === b || seenPairs.has(pairKey)) return false;
    seenPairs.add(pairKey);
    return true;
  });
  return { groups, possible: unique };
}

/**
 * Applying the lead assignment rules (#20) where customers nobody owns arrive: at the end of an
 * import's commit (inside its transaction), and when quick capture or the New customer form saves
 * one without an owner. The shared rules decide (src/shared/domain/assignment.ts); here each
 * decision becomes the owner (with owner_since, as the pool sets it) and a timeline entry
 * (activities `owner_assign`, data: the rule that fired). Only on a book of its own, or for a
 * manager or admin in a team: a salesperson in a team leaves owners as the import or form set them.
 */
import { sql } from 'kysely';
import {
  ASSIGNMENT_TURNS_KEY,
  assignmentActive,
  decideAssignments,
  OWNER_ASSIGN_KIND,
  SAME_BUYER_KEYS,
  type AssignmentActivity,
  type AssignmentCandidate,
  type AssignmentDecision,
  type SameBuyerKey,
} from '../../../shared/domain/assignment';
import type { WriteTx } from '../../db/sql';
import { areaOf, continentOf, regionOf } from '../../geo/regions';
import { matchLead } from '../capture/capture';
import { writeSetting } from '../settings';
import { actsForFirm, whoAmI } from '../pool/me';
import { readAssignmentSettings, readAssignmentTurns } from './rules';

export type AssignmentSource = AssignmentActivity['source'];

/** What an assignment run did: how many customers went to whom (largest first). */
export interface AssignmentOutcome {
  assigned: number;
  byOwner: { owner: string; count: number }[];
}

/** Customers decided at a time (their rows, contacts and matches read per chunk). */
const CHUNK = 500;
/** Inquiries per customer whose product and subject the product rules read (the newest). */
const INQUIRY_TEXTS = 20;
/** Matches of the same buyer looked at per customer. */
const MATCHES = 10;

function candidatesOf(tx: WriteTx, ids: number[], sameBuyer: boolean): AssignmentCandidate[] {
  const rows = tx.all(
    tx
      .selectFrom('customers')
      .select(['id', 'company', 'country', 'industry', 'website_domain'])
      .where('id', 'in', ids)
      .where('owner', '=', '')
      .where('archived_at', 'is', null)
      .orderBy('id'),
  );
  return rows.map((c) => {
    const inquiries = tx.all(
      tx.selectFrom('inquiries').select(['product', 'subject']).where('customer_id', '=', c.id).orderBy('id', 'desc').limit(INQUIRY_TEXTS),
    );
    const areas = c.country ? [regionOf(c.country).code, continentOf(c.country).code].filter(Boolean) : [];
    return {
      customerId: c.id,
      country: c.country,
      areas,
      industry: c.industry,
      products: inquiries.flatMap((q) => [q.product, q.subject]).filter(Boolean),
      sameBuyer: sameBuyer ? sameBuyerOf(tx, c) : [],
    };
  });
}

/** Other customers of the same buyer, by the import's keys through quick capture's matcher (a similar name alone is not the same buyer). */
function sameBuyerOf(
  tx: WriteTx,
  c: { id: number; company: string; country: string; website_domain: string },
): AssignmentCandidate['sameBuyer'] {
  const contacts = tx.all(tx.selectFrom('contacts').select(['email', 'phone', 'mobile']).where('customer_id', '=', c.id).limit(50));
  const found = matchLead(
    tx,
    {
      company: c.company,
      country: c.country,
      emails: contacts.map((k) => k.email).filter(Boolean),
      phones: contacts.flatMap((k) => [k.phone, k.mobile]).filter(Boolean),
      domains: c.website_domain ? [c.website_domain] : [],
    },
    MATCHES,
  );
  const out: { customerId: number; company: string; owner: string; by: SameBuyerKey }[] = [];
  for (const m of found) {
    if (m.customerId === c.id) continue;
    const by = m.reasons.find((r): r is SameBuyerKey => (SAME_BUYER_KEYS as readonly string[]).includes(r));
    if (by) out.push({ customerId: m.customerId, company: m.company, owner: m.owner, by });
  }
  return out;
}

/** The timeline entry of one assignment. */
function activityOf(d: AssignmentDecision, by: string, source: AssignmentSource, batchId: number | null, now: string) {
  const data: AssignmentActivity = { from: '', to: d.owner, by, reason: 'assign', source, rule: d.reason };
  if (d.reason.kind === 'rule' && d.reason.ruleKind === 'region') {
    const areas = d.reason.values.map(areaOf);
    data.names = { en: areas.map((a) => a.name.en), zh: areas.map((a) => a.name.zh) };
  }
  if (batchId !== null) data.batchId = batchId;
  return {
    customer_id: d.customerId,
    kind: OWNER_ASSIGN_KIND,
    occurred_at: now,
    summary: ` → ${d.owner}`,
    data: JSON.stringify(data),
    created_at: now,
  };
}

export interface AssignOptions {
  source: AssignmentSource;
  now: string;
  /** An import's batch: an owner it sets on a customer it did not create is recorded so the import's undo puts it back. */
  importBatchId?: number;
  /** Customers the import created (their undo removes them; nothing to record). */
  createdByImport?: (customerId: number) => boolean;
}

/**
 * Gives owners to those of these customers nobody owns, by the rules, inside the caller's
 * transaction. null when nothing runs (the rules are off, or a salesperson in a team).
 */
export function assignUnowned(tx: WriteTx, customerIds: readonly number[], opts: AssignOptions): AssignmentOutcome | null {
  const settings = readAssignmentSettings(tx);
  if (!assignmentActive(settings)) return null;
  const me = whoAmI(tx);
  if (!actsForFirm(me)) return null;
  const ids = [...new Set(customerIds)].sort((a, b) => a - b);
  const byOwner = new Map<string, number>();
  let turns = readAssignmentTurns(tx);
  const turnsBefore = JSON.stringify(turns);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const candidates = candidatesOf(tx, ids.slice(i, i + CHUNK), settings.sameBuyer);
    const decided = decideAssignments(settings, candidates, turns);
    turns = decided.turns;
    for (const d of decided.decisions) {
      if (d.owner === '') continue;
      if (opts.importBatchId !== undefined && !opts.createdByImport?.(d.customerId)) {
        const before = tx.first(tx.selectFrom('customers').selectAll().where('id', '=', d.customerId));
        tx.run(
          tx.insertInto('import_changes').values({
            batch_id: opts.importBatchId,
            table_name: 'customers',
            row_key: String(d.customerId),
            action: 'update',
            before: JSON.stringify(before),
          }),
        );
      }
      const changed = tx.run(
        tx
          .updateTable('customers')
          .set({ owner: d.owner, owner_since: opts.now, updated_at: opts.now, version: sql<number>`version + 1` })
          .where('id', '=', d.customerId)
          .where('owner', '=', ''),
      ).changes;
      if (changed === 0) continue;
      tx.run(tx.insertInto('activities').values(activityOf(d, me.name ?? '', opts.source, opts.importBatchId ?? null, opts.now)));
      byOwner.set(d.owner, (byOwner.get(d.owner) ?? 0) + 1);
    }
  }
  if (JSON.stringify(turns) !== turnsBefore) writeSetting(tx, ASSIGNMENT_TURNS_KEY, turns, opts.now);
  const list = [...byOwner.entries()]
    .map(([owner, count]) => ({ owner, count }))
    .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));
  return { assigned: list.reduce((n, o) => n + o.count, 0), byOwner: list };
}

/**
 * After an import's rows, inside its transaction: the customers it created and those it gave
 * inquiries, nobody owning them. null when the rules do not run (nothing is read then).
 */
export function assignImported(tx: WriteTx, batchId: number, now: string): AssignmentOutcome | null {
  if (!assignmentActive(readAssignmentSettings(tx)) || !actsForFirm(whoAmI(tx))) return null;
  const created = new Set(
    tx.all(tx.selectFrom('customers').select('id').where('import_batch_id', '=', batchId).where('owner', '=', '')).map((r) => r.id),
  );
  const inquired = tx
    .all(
      tx
        .selectFrom('inquiries')
        .innerJoin('customers', 'customers.id', 'inquiries.customer_id')
        .select('customers.id')
        .distinct()
        .where('inquiries.import_batch_id', '=', batchId)
        .where('customers.owner', '=', ''),
    )
    .map((r) => r.id);
  return assignUnowned(tx, [...created, ...inquired], {
    source: 'import',
    now,
    importBatchId: batchId,
    createdByImport: (id) => created.has(id),
  });
}

import { z } from 'zod';

/**
 * The public pool (公海) and who owns a customer (#20). A customer is owned by one salesperson
 * (customers.owner, a person's name) or by nobody: then it is in the pool, where any salesperson may
 * claim it. The rules are the firm's (one `pool_rules` row, shared by the team sync, written by
 * managers): they are decided here, by pure functions the laptop (a single-user book, and offline)
 * and the team server (the authority once a laptop syncs) both call, so both decide alike.
 */

/** The one pool_rules row every laptop and the server share (a fixed gid: two managers editing it offline meet field by field). */
export const POOL_RULES_GID = '00000000-0000-7000-8000-000000000101';

const days = (max: number) => z.number().int().min(1).max(max);

export const poolRulesSchema = z.strictObject({
  /** A customer returns to the pool after this many days without a completed follow-up (null: never). */
  returnAfterFollowupDays: days(3650).nullable().default(30),
  /** …or after this many days without an order (null: never). */
  returnAfterOrderDays: days(3650).nullable().default(180),
  /** At most this many customers held by one salesperson (null: no cap). */
  cap: z.number().int().min(1).max(1_000_000).nullable().default(null),
  /** Customers who have ordered do not count against the cap. */
  wonOutsideCap: z.boolean().default(true),
  /** A salesperson who released a customer may claim it again after this many days (0: at once). */
  coolingDays: z.number().int().min(0).max(365).default(7),
});
export type PoolRules = z.infer<typeof poolRulesSchema>;
export const DEFAULT_POOL_RULES: PoolRules = poolRulesSchema.parse({});

/** Why an owner changed, as the customer's timeline says it (activities.kind `owner_<reason>`). */
export const OWNER_CHANGE_REASONS = ['claim', 'release', 'rule', 'transfer'] as const;
export type OwnerChangeReason = (typeof OWNER_CHANGE_REASONS)[number];
export const ownerChangeKind = (reason: OwnerChangeReason) => `owner_${reason}` as const;

/** Which rule returned a customer to the pool. */
export const POOL_RULE_KINDS = ['followup', 'order'] as const;
export type PoolRuleKind = (typeof POOL_RULE_KINDS)[number];

/** activities.data of an owner change. */
export const ownerChangeDataSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Who made the change (a person's name; '' for a rule). */
  by: z.string(),
  reason: z.enum(OWNER_CHANGE_REASONS),
  /** For a rule: which, its days, and the last follow-up done or order (null: none since the owner had it). */
  rule: z.object({ kind: z.enum(POOL_RULE_KINDS), days: z.number().int(), lastAt: z.string().nullable() }).optional(),
});
export type OwnerChangeData = z.infer<typeof ownerChangeDataSchema>;

export const POOL_REFUSALS = ['POOL_TAKEN', 'POOL_CAP', 'POOL_COOLING'] as const;
export type PoolRefusal = (typeof POOL_REFUSALS)[number];

const DAY_MS = 86_400_000;

export interface ClaimState {
  /** The customer's owner now (a user id or a name; null: in the pool). */
  owner: string | null;
  /** The salesperson claiming it (same kind of key as `owner`). */
  me: string;
  /** How many customers they hold that count against the cap (not counting this one). */
  held: number;
  /** When they last released this customer to the pool (ISO), if ever. */
  releasedByMeAt: string | null;
  now: number;
}

/** Whether a salesperson may claim a customer; null: yes. A customer already theirs is no claim (null). */
export function claimRefusal(rules: PoolRules, s: ClaimState): PoolRefusal | null {
  if (s.owner !== null && s.owner === s.me) return null;
  if (s.owner !== null) return 'POOL_TAKEN';
  if (rules.cap !== null && s.held >= rules.cap) return 'POOL_CAP';
  if (s.releasedByMeAt !== null && rules.coolingDays > 0) {
    const released = Date.parse(s.releasedByMeAt);
    if (Number.isFinite(released) && s.now - released < rules.coolingDays * DAY_MS) return 'POOL_COOLING';
  }
  return null;
}

/** When the cooling-off after a release ends (ISO), or null if it has. */
export function coolingEnds(rules: PoolRules, releasedAt: string | null, now: number): string | null {
  if (releasedAt === null || rules.coolingDays === 0) return null;
  const end = Date.parse(releasedAt) + rules.coolingDays * DAY_MS;
  return Number.isFinite(end) && end > now ? new Date(end).toISOString() : null;
}

export interface HeldCustomer {
  /** Since when its owner has held it (ISO): the latest owner change, else its creation. */
  ownedSince: string;
  /** The latest follow-up completed (ISO), if any. */
  lastDoneAt: string | null;
  /** The latest order not cancelled (ISO), if any. */
  lastOrderAt: string | null;
}

/**
 * Whether an owned customer is due back in the pool at `now`, and by which rule: N days without a
 * completed follow-up, or M days without an order, each counted from the later of the last one and
 * the day the owner got the customer (a customer just claimed is not returned for its past).
 */
export function poolReturnDue(
  rules: PoolRules,
  c: HeldCustomer,
  now: number,
): { kind: PoolRuleKind; days: number; lastAt: string | null } | null {
  const since = Date.parse(c.ownedSince);
  const check = (kind: PoolRuleKind, limit: number | null, last: string | null) => {
    if (limit === null) return null;
    const lastMs = last === null ? NaN : Date.parse(last);
    const from = Number.isFinite(lastMs) && !(lastMs < since) ? lastMs : since;
    if (!Number.isFinite(from)) return null;
    return now - from >= limit * DAY_MS ? { kind, days: limit, lastAt: Number.isFinite(lastMs) ? last : null } : null;
  };
  return check('followup', rules.returnAfterFollowupDays, c.lastDoneAt) ?? check('order', rules.returnAfterOrderDays, c.lastOrderAt);
}

/** The row of pool_rules as both sides store it (snake_case columns, SQLite integers for booleans). */
export interface PoolRulesRow {
  return_followup_days: number | null;
  return_order_days: number | null;
  cap: number | null;
  won_outside_cap: number | boolean | null;
  cooling_days: number | null;
}

/** The rules a stored row says (missing or invalid values: the defaults). */
export function poolRulesOf(row: Partial<PoolRulesRow> | null | undefined): PoolRules {
  if (!row) return DEFAULT_POOL_RULES;
  const parsed = poolRulesSchema.safeParse({
    returnAfterFollowupDays: row.return_followup_days === undefined ? DEFAULT_POOL_RULES.returnAfterFollowupDays : row.return_followup_days,
    returnAfterOrderDays: row.return_order_days === undefined ? DEFAULT_POOL_RULES.returnAfterOrderDays : row.return_order_days,
    cap: row.cap === undefined ? DEFAULT_POOL_RULES.cap : row.cap,
    wonOutsideCap:
      row.won_outside_cap === undefined || row.won_outside_cap === null ? DEFAULT_POOL_RULES.wonOutsideCap : Boolean(row.won_outside_cap),
    coolingDays: row.cooling_days ?? DEFAULT_POOL_RULES.coolingDays,
  });
  return parsed.success ? parsed.data : DEFAULT_POOL_RULES;
}

export function poolRulesRow(rules: PoolRules): PoolRulesRow {
  return {
    return_followup_days: rules.returnAfterFollowupDays,
    return_order_days: rules.returnAfterOrderDays,
    cap: rules.cap,
    won_outside_cap: rules.wonOutsideCap ? 1 : 0,
    cooling_days: rules.coolingDays,
  };
}

const intIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * Whether a value may be stored in a field of the shared pool_rules row (the team server refuses
 * others as INVALID_VALUE: a laptop's NOT NULL column must never receive a null it cannot keep).
 */
export function poolRuleValueOk(field: string, value: unknown): boolean {
  switch (field) {
    case 'return_followup_days':
    case 'return_order_days':
      return value === null || intIn(value, 1, 3650);
    case 'cap':
      return value === null || intIn(value, 1, 1_000_000);
    case 'won_outside_cap':
      return value === 0 || value === 1 || typeof value === 'boolean';
    case 'cooling_days':
      return intIn(value, 0, 365);
    default:
      return false;
  }
}

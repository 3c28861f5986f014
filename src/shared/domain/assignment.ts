import { z } from 'zod';

/**
 * Inquiry assignment rules (线索分配, #20): who gets a customer nobody owns when it arrives (an
 * import's new customers and unowned customers that got inquiries, a lead captured at a booth, a
 * customer added by hand without an owner). Decided here, by a pure function, so the laptop and
 * the tests decide alike:
 *
 * 1. "Same buyer → same salesperson": a customer whose buyer is already owned by someone (the same
 *    company e-mail or web domain, the same company in the same country, the same phone or e-mail,
 *    as the import matches) goes to that owner; a customer of the same batch decided earlier counts.
 * 2. The rules, in their order, the first that matches wins: by country (ISO codes), region (UN M49
 *    region or continent codes), industry (as written, case ignored) or product (keywords found,
 *    case ignored, in an inquiry's product or subject). Several salespeople on a rule take turns
 *    (round-robin), the turn kept per rule.
 * 3. Otherwise the fallback: left in the public pool, or round-robin among chosen people.
 */

export const ASSIGNMENT_RULE_KINDS = ['country', 'region', 'industry', 'product'] as const;
export type AssignmentRuleKind = (typeof ASSIGNMENT_RULE_KINDS)[number];

/** The settings-table key of the rules (JSON, validated by assignmentSettingsSchema on read and write). */
export const ASSIGNMENT_SETTINGS_KEY = 'assignment.rules';
/** The settings-table key of the round-robin turns: rule id (or FALLBACK_TURN) → the next turn. */
export const ASSIGNMENT_TURNS_KEY = 'assignment.turns';
export const FALLBACK_TURN = 'fallback';

export const MAX_ASSIGNMENT_RULES = 50;
const MAX_VALUES = 300;
const MAX_PEOPLE = 50;

const personName = z.string().trim().min(1).max(120);
const people = z
  .array(personName)
  .min(1)
  .max(MAX_PEOPLE)
  .transform((list) => dedupe(list, (p) => p.toLowerCase()));

function dedupe<T>(list: readonly T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const valuesOf = (value: z.ZodType<string, string>) =>
  z
    .array(value)
    .min(1)
    .max(MAX_VALUES)
    .transform((list) => dedupe(list, (v) => v.toLowerCase()));

const ruleId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/)
  .refine((id) => id !== FALLBACK_TURN);

const ruleBase = { id: ruleId, people };

/** One rule: its kind, the values it matches, and the people it gives customers to (several: in turn). */
export const assignmentRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('country'),
    values: valuesOf(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/)
        .transform((c) => c.toUpperCase()),
    ),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('region'),
    values: valuesOf(z.string().regex(/^\d{3}$/)),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('industry'), values: valuesOf(z.string().trim().min(1).max(120)) }),
  z.strictObject({ ...ruleBase, kind: z.literal('product'), values: valuesOf(z.string().trim().min(1).max(120)) }),
]);
export type AssignmentRule = z.output<typeof assignmentRuleSchema>;

export const assignmentFallbackSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pool') }),
  z.strictObject({ kind: z.literal('people'), people }),
]);
export type AssignmentFallback = z.output<typeof assignmentFallbackSchema>;

export const assignmentSettingsSchema = z
  .strictObject({
    /** Off (the default): owners stay as the import or the form sets them. */
    enabled: z.boolean().default(false),
    /** A customer whose buyer someone already owns goes to that owner, before any rule. */
    sameBuyer: z.boolean().default(true),
    rules: z.array(assignmentRuleSchema).max(MAX_ASSIGNMENT_RULES).default([]),
    fallback: assignmentFallbackSchema.default({ kind: 'pool' }),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: 'duplicate rule id' });
      ids.add(r.id);
    });
  });
export type AssignmentSettings = z.output<typeof assignmentSettingsSchema>;
export type AssignmentSettingsInput = z.input<typeof assignmentSettingsSchema>;
export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = assignmentSettingsSchema.parse({});

/** The round-robin turns: rule id (or FALLBACK_TURN) → how many customers the rule has given so far. */
export const assignmentTurnsSchema = z.record(z.string(), z.number().int().min(0));
export type AssignmentTurns = z.infer<typeof assignmentTurnsSchema>;

/** Which key matched a buyer to an owned customer (the import's keys). */
export const SAME_BUYER_KEYS = ['email', 'domain', 'company', 'phone'] as const;
export type SameBuyerKey = (typeof SAME_BUYER_KEYS)[number];

/** A customer nobody owns, as the rules see it. */
export interface AssignmentCandidate {
  customerId: number;
  /** ISO code ('' unknown). */
  country: string;
  /** The UN M49 region and continent codes of its country. */
  areas: readonly string[];
  industry: string;
  /** Its inquiries' products and subjects. */
  products: readonly string[];
  /** Other customers of the same buyer, strongest match first, with their owner ('' = nobody). */
  sameBuyer: readonly { customerId: number; company: string; owner: string; by: SameBuyerKey }[];
}

/** Why a customer got its owner (what the timeline says). */
export const assignmentReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sameBuyer'),
    /** The customer of the same buyer whose owner it went to. */
    customerId: z.number().int(),
    company: z.string(),
    by: z.enum(SAME_BUYER_KEYS),
  }),
  z.object({
    kind: z.literal('rule'),
    ruleId: z.string(),
    /** The rule's place in the list (1-based) when it fired. */
    position: z.number().int(),
    ruleKind: z.enum(ASSIGNMENT_RULE_KINDS),
    values: z.array(z.string()),
    roundRobin: z.boolean(),
  }),
  z.object({ kind: z.literal('fallback'), roundRobin: z.boolean() }),
  z.object({ kind: z.literal('pool') }),
]);
export type AssignmentReason = z.infer<typeof assignmentReasonSchema>;

export interface AssignmentDecision {
  customerId: number;
  /** The new owner; '' = left in the public pool. */
  owner: string;
  reason: AssignmentReason;
}

/** What a product rule's keywords are compared as. */
const folded = (s: string) => s.normalize('NFKC').toLowerCase();

/** Whether a rule matches a customer. */
export function ruleMatches(rule: AssignmentRule, c: AssignmentCandidate): boolean {
  switch (rule.kind) {
    case 'country':
      return c.country !== '' && rule.values.includes(c.country.toUpperCase());
    case 'region':
      return rule.values.some((v) => c.areas.includes(v));
    case 'industry': {
      const industry = folded(c.industry.trim());
      return industry !== '' && rule.values.some((v) => folded(v) === industry);
    }
    case 'product': {
      const texts = c.products.map(folded).filter(Boolean);
      return rule.values.some((v) => {
        const keyword = folded(v);
        return keyword !== '' && texts.some((t) => t.includes(keyword));
      });
    }
  }
}

/**
 * Decides an owner for each customer (one decision per distinct customer id, in the order given).
 * `turns` is not changed: the turns after these decisions come back with them. The same input gives
 * the same output.
 */
export function decideAssignments(
  settings: AssignmentSettings,
  candidates: readonly AssignmentCandidate[],
  turns: AssignmentTurns,
): { decisions: AssignmentDecision[]; turns: AssignmentTurns } {
  const next: AssignmentTurns = { ...turns };
  const decided = new Map<number, AssignmentDecision>();
  const take = (key: string, list: readonly string[]): string => {
    const turn = next[key] ?? 0;
    next[key] = turn + 1;
    return list[turn % list.length] as string;
  };
  for (const c of candidates) {
    if (decided.has(c.customerId)) continue;
    decided.set(c.customerId, decideOne(settings, c, decided, take));
  }
  return { decisions: [...decided.values()], turns: next };
}

function decideOne(
  settings: AssignmentSettings,
  c: AssignmentCandidate,
  decided: ReadonlyMap<number, AssignmentDecision>,
  take: (key: string, list: readonly string[]) => string,
): AssignmentDecision {
  if (settings.sameBuyer) {
    for (const m of c.sameBuyer) {
      if (m.customerId === c.customerId) continue;
      // An owned customer, or one of this batch that was just given an owner.
      const owner = m.owner.trim() || decided.get(m.customerId)?.owner || '';
      if (owner) {
        return { customerId: c.customerId, owner, reason: { kind: 'sameBuyer', customerId: m.customerId, company: m.company, by: m.by } };
      }
    }
  }
  for (const [i, rule] of settings.rules.entries()) {
    if (!ruleMatches(rule, c)) continue;
    return {
      customerId: c.customerId,
      owner: take(rule.id, rule.people),
      reason: {
        kind: 'rule',
        ruleId: rule.id,
        position: i + 1,
        ruleKind: rule.kind,
        values: rule.values,
        roundRobin: rule.people.length > 1,
      },
    };
  }
  const fallback = settings.fallback;
  if (fallback.kind === 'people') {
    return {
      customerId: c.customerId,
      owner: take(FALLBACK_TURN, fallback.people),
      reason: { kind: 'fallback', roundRobin: fallback.people.length > 1 },
    };
  }
  return { customerId: c.customerId, owner: '', reason: { kind: 'pool' } };
}

/** The rules as stored (missing or invalid: the defaults, i.e. switched off). */
export function assignmentSettingsOf(stored: unknown): AssignmentSettings {
  const parsed = assignmentSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ASSIGNMENT_SETTINGS;
}

export function assignmentTurnsOf(stored: unknown): AssignmentTurns {
  const parsed = assignmentTurnsSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** Whether the settings can assign anyone (switched on, with something to do). */
export function assignmentActive(s: AssignmentSettings): boolean {
  return s.enabled && (s.sameBuyer || s.rules.length > 0 || s.fallback.kind === 'people');
}

/** How a customer arrived when it was assigned. */
export const ASSIGNMENT_SOURCES = ['import', 'capture', 'create'] as const;

/** activities.data of an assignment (kind `owner_assign`): to whom, by whom, and the rule that fired. */
export const assignmentActivitySchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Who was using the app ('' when nobody was chosen). */
  by: z.string(),
  reason: z.literal('assign'),
  source: z.enum(ASSIGNMENT_SOURCES),
  rule: assignmentReasonSchema,
  /** For a region rule: the regions' names (en and zh), which the page cannot look up itself. */
  names: z.object({ en: z.array(z.string()), zh: z.array(z.string()) }).optional(),
  /** The import that assigned it (its undo removes the entry). */
  batchId: z.number().int().optional(),
});
export type AssignmentActivity = z.infer<typeof assignmentActivitySchema>;
export const OWNER_ASSIGN_KIND = 'owner_assign';

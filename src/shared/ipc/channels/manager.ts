import { z } from 'zod';
import { timeZoneSchema } from '../../domain/followups';
import { channel } from '../channel';

/**
 * The manager's view (#20 item 5): per salesperson and period, what they hold, won and lost from the
 * pool, followed up, answered, and sold, against their monthly targets. A period is whole months in
 * the user's time zone (targets are set per month, so attainment is exact): from the first day of
 * fromMonth at 00:00 up to (not including) the first day after toMonth at 00:00, local time.
 *
 * Whose a thing is: a customer's owner (customers.owner; '' = the pool); a follow-up's, inquiry's or
 * complaint's own owner when it has one, else its customer's owner; a need's is its customer's.
 * Names are compared as the owner column compares them (ASCII letters without case). Archived
 * customers, and everything of theirs, count nowhere. "Now" (overdue, open) is the report's asOf.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** Every figure of a row; each one opens the list behind it (manager.list). */
export const MANAGER_FIGURES = [
  /** Customers the person owns now (not archived). */
  'held',
  /** Customers created in the period that the person owns now. */
  'new',
  /** Customers the person claimed from the pool in the period (timeline owner_claim, its data.to); each customer once. */
  'claimed',
  /**
   * The person's customers that went back to the pool in the period (timeline owner_release or owner_rule,
   * its data.from): released by them or by a manager, handed over to the pool, or returned by a rule; each customer once.
   */
  'returned',
  /** Follow-ups assigned to the person, created in the period (cancelled ones left out). */
  'followupsPlanned',
  /** Follow-ups assigned to the person and completed in the period (done_at). */
  'followupsDone',
  /** The person's open follow-ups due before now. */
  'followupsOverdue',
  /** Inquiries received in the period for the person (the inquiry's owner, else the customer's). */
  'inquiries',
  /** Of those, not answered yet (no reply time). */
  'inquiriesUnanswered',
  /** Open needs (new, evaluating, planned) of the person's customers. */
  'needsOpen',
  /** Open complaints the person handles (open, in progress). */
  'complaintsOpen',
  /** Of those, past their due date. */
  'complaintsOverdue',
  /** Orders (not cancelled, not samples) of the person's customers in the period. */
  'orders',
  /**
   * The person's customers with a churn warning (past their own order rhythm but not yet lost), as the last
   * classification left them: the dashboard's and the churn-risk list's "at risk".
   */
  'atRisk',
] as const;
export type ManagerFigure = (typeof MANAGER_FIGURES)[number];

export const managerPeriodSchema = z
  .strictObject({
    fromMonth: month,
    toMonth: month,
    /** IANA time zone the months are read in (the user's); an unknown zone is INVALID_INPUT. */
    tz: timeZoneSchema.default('UTC'),
  })
  .refine((p) => p.fromMonth <= p.toMonth, { message: 'fromMonth must not be after toMonth', path: ['toMonth'] });
export type ManagerPeriod = z.infer<typeof managerPeriodSchema>;

const count = z.number().int().nonnegative();

export const managerRowSchema = z.object({
  /** The salesperson ('' = nobody: the public pool, and what has no owner). */
  owner: z.string(),
  held: count,
  new: count,
  claimed: count,
  returned: count,
  followupsPlanned: count,
  followupsDone: count,
  followupsOverdue: count,
  inquiries: count,
  inquiriesUnanswered: count,
  /**
   * Median hours from receiving an inquiry to its reply (replied_at), over the period's inquiries that have one, to
   * two decimals (a reply stamped before the inquiry counts as 0 h); null: none answered.
   */
  firstResponseMedianHours: z.number().nonnegative().nullable(),
  needsOpen: count,
  complaintsOpen: count,
  complaintsOverdue: count,
  orders: count,
  /** Revenue of those orders in the base currency (minor units), at the rates in force now (Settings → Currency). */
  revenueMinor: z.number().int(),
  /** Orders left out of revenue because their currency has no rate. */
  ordersUncounted: count,
  atRisk: count,
  /** The sum of the person's monthly revenue targets over the period (base currency, minor units); null: none set for any of its months. */
  targetRevenueMinor: z.number().int().nonnegative().nullable(),
  /** The sum of the person's monthly new-customer targets over the period; null: none set. */
  targetNew: count.nullable(),
  /** revenue / target and new / target (1 = 100 %, to four decimals; 0 when revenue is negative); null without a target or with a target of 0. */
  revenueAttainment: z.number().nonnegative().nullable(),
  newAttainment: z.number().nonnegative().nullable(),
});
export type ManagerRow = z.infer<typeof managerRowSchema>;

export const managerReportSchema = z.object({
  period: z.object({ fromMonth: month, toMonth: month, tz: z.string(), from: z.string(), to: z.string() }),
  /** The base currency of every amount. */
  currency: z.string(),
  /** When the figures were computed (the "now" of overdue and at-risk). */
  asOf: z.string(),
  /** In a team, a salesperson sees their own row only; managers and a laptop of its own see everyone. */
  scope: z.enum(['all', 'own']),
  /**
   * One row per salesperson — the sales staff (Settings), and anyone else who owns or is assigned something
   * counted here or has a target in the period — by name; the pool's row ('') last. Scope 'own': the user's row only.
   */
  rows: z.array(managerRowSchema),
  /** Sums over the rows (the median is over the rows' answered inquiries; attainment from the summed figures). */
  totals: managerRowSchema.omit({ owner: true }),
});
export type ManagerReport = z.infer<typeof managerReportSchema>;

export const managerListItemSchema = z.object({
  customerId: z.number().int(),
  company: z.string(),
  country: z.string(),
  /**
   * What the item is about, as language-neutral data the UI formats or shows as it is ('' when nothing):
   * held, claimed, atRisk: ''; new: the customer's source; returned: how it went ('release', 'rule:followup' or
   * 'rule:order'); follow-ups: the follow-up's type ('call', 'email'…); inquiries: the inquiry's
   * subject; needsOpen: the need's category; complaints: the complaint's severity ('critical'…'low');
   * orders: the amount in major units with its currency code ("1234.50 USD", "98000 JPY").
   */
  detail: z.string(),
  /**
   * The instant the item is about (ISO), for sorting and showing in local time; null when none. held: since when
   * the person owns it; new: created; claimed, returned: when (the latest in the period); followupsPlanned,
   * followupsOverdue: due; followupsDone: done; inquiries: received; needsOpen: created; complaints: due by;
   * orders: ordered; atRisk: the last order.
   */
  at: z.string().nullable(),
});

export const targetSchema = z.strictObject({
  owner: z.string().trim().min(1).max(120),
  month,
  /** Revenue target in the base currency (minor units); null: none. */
  revenueMinor: z.number().int().nonnegative().max(1e15).nullable(),
  newCustomers: z.number().int().nonnegative().max(1_000_000).nullable(),
});
export type SalesTarget = z.infer<typeof targetSchema>;

export const managerChannels = {
  'manager.report': channel('read', managerPeriodSchema, managerReportSchema),
  /**
   * The list behind one figure of one row (owner null: the totals row; '' the pool's), newest first (by `at`), at
   * most `limit`; one item per thing counted (a customer, or a follow-up, inquiry, need, complaint or order with its
   * customer), so `total` is the figure. In scope 'own', another person's row is MANAGER_REQUIRED.
   */
  'manager.list': channel(
    'read',
    z.strictObject({
      period: managerPeriodSchema,
      owner: z.string().nullable(),
      figure: z.enum(MANAGER_FIGURES),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.object({ items: z.array(managerListItemSchema), total: count }),
  ),
  /** The monthly targets of one year (every person with one; in scope 'own' the user's only), by owner and month. */
  'manager.targets': channel(
    'read',
    z.strictObject({ year: z.number().int().min(2000).max(2100) }),
    z.object({ currency: z.string(), targets: z.array(targetSchema), canEdit: z.boolean() }),
  ),
  /**
   * Sets targets (a target with both values null removes it; `saved`: rows written or removed); one transaction;
   * in a team managers and admins only (MANAGER_REQUIRED). Targets are a team table of the sync: every laptop of the team gets them.
   */
  'manager.saveTargets': channel('write', z.strictObject({ targets: z.array(targetSchema).min(1).max(5000) }), z.object({ saved: count })),
} as const;

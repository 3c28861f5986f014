import { z } from 'zod';
import { POOL_REFUSALS, POOL_RULE_KINDS, poolRulesSchema } from '../../domain/pool';
import { channel, none } from '../channel';

const byCustomer = z.strictObject({ customerId: z.number().int().positive() });

/** A customer's place in the pool as the customer panel shows it. */
export const poolStatusSchema = z.object({
  customerId: z.number().int(),
  /** The owner's name ('' = in the pool). */
  owner: z.string(),
  /** Who uses this computer (the team user's name when in a team, else Settings' "me"); null: nobody chosen yet. */
  me: z.string().nullable(),
  inPool: z.boolean(),
  mine: z.boolean(),
  /** Whether this user may claim it now, and if not why (checked on this laptop; in a team the server decides again at the next sync). */
  canClaim: z.boolean(),
  refusal: z.enum(POOL_REFUSALS).nullable(),
  /** With POOL_COOLING: when this user may claim it again. */
  coolingEndsAt: z.string().nullable(),
  /** With POOL_CAP: the cap and how many count against it. */
  held: z.number().int(),
  cap: z.number().int().nullable(),
  /** Whether this user may release it (the owner, or a manager). */
  canRelease: z.boolean(),
  /** In a team: a change of owner made here that the server has not answered yet. */
  pending: z.boolean(),
  /** For an owned customer, when the rules would return it to the pool if nothing happens (and which rule); null: never. */
  returnsAt: z.object({ at: z.string(), kind: z.enum(POOL_RULE_KINDS), days: z.number().int() }).nullable(),
});
export type PoolStatus = z.infer<typeof poolStatusSchema>;

const personName = z.string().trim().max(120);
const ids = z.array(z.number().int().positive()).max(200_000);

/** A hand-over (离职交接): a salesperson's customers, all or some, to another person or ('' ) to the pool. */
export const handOverInputSchema = z.strictObject({
  from: personName.min(1),
  to: personName,
  /** Only these of `from`'s customers (default: all of them). */
  customerIds: ids.optional(),
});
export const handOverCountsSchema = z.object({
  customers: z.number().int(),
  /** Open follow-ups of those customers that `from` was to do. */
  followUps: z.number().int(),
  /** Open complaints of those customers that `from` handled. */
  complaints: z.number().int(),
  /** Open needs of those customers (they follow the customer). */
  needs: z.number().int(),
});
/** What an undo needs: exactly the rows moved (each goes back only if it still has the new owner). */
export const handOverUndoSchema = z.strictObject({
  from: personName.min(1),
  to: personName,
  customerIds: ids,
  followUpIds: ids,
  complaintIds: ids,
});
export type HandOverUndo = z.infer<typeof handOverUndoSchema>;

export const poolChannels = {
  /** What a hand-over would move (nothing changes). */
  'pool.handOverPreview': channel('read', handOverInputSchema, handOverCountsSchema),
  /**
   * Moves a salesperson's customers, their open follow-ups and complaints to another person or to the
   * pool, in one transaction (in a team: managers and admins only, MANAGER_REQUIRED otherwise); each
   * customer's timeline says it was transferred. Returns the counts and what undoes it.
   */
  'pool.handOver': channel('write', handOverInputSchema, handOverCountsSchema.extend({ undo: handOverUndoSchema })),
  /** Undoes a hand-over: what still has the new owner gets the old one back. */
  'pool.undoHandOver': channel('write', handOverUndoSchema, handOverCountsSchema),
  /** The firm's pool rules (defaults until a manager saves them). */
  'pool.rules': channel('read', none, z.object({ rules: poolRulesSchema, canEdit: z.boolean() })),
  /** Saves the rules (in a team: managers and admins only; they reach every laptop by the sync). */
  'pool.saveRules': channel('write', poolRulesSchema, z.object({ rules: poolRulesSchema, canEdit: z.boolean() })),
  'pool.status': channel('read', byCustomer, poolStatusSchema),
  /** Claims a customer from the pool for this user (refused with POOL_CAP / POOL_COOLING / POOL_TAKEN, localized). */
  'pool.claim': channel('write', byCustomer, poolStatusSchema),
  /** Returns this user's customer to the pool. */
  'pool.release': channel('write', byCustomer, poolStatusSchema),
  /**
   * Applies the return rules now on a book that is not in a team (in a team the server does): every
   * owned customer due back goes to the pool, with the rule on its timeline. Also run at start and daily.
   */
  'pool.applyRules': channel('write', none, z.object({ returned: z.number().int() })),
} as const;

import { z } from 'zod';
import { tagSchema } from './customer';
import { FOLLOW_UP_TYPES } from './followups';

/**
 * What the grid does to the customers selected in it, in one engine call and one transaction each
 * (customers.bulk). Every forward action answers with the action that undoes it exactly (the previous
 * owner of each customer, the customers that gained a tag, the follow-ups it planned…), which the
 * page sends back as it is for Undo. An action writes only its own field (and the row's version, so
 * an edit form open meanwhile is told the customer changed): other fields edited at the same time
 * are never overwritten, and an undo leaves alone what was changed again since.
 */

/** The most customers one action takes: a whole filter of a large book (the grid's "select all"). */
export const MAX_BULK_IDS = 100_000;

const ids = z
  .array(z.number().int().positive())
  .min(1)
  .max(MAX_BULK_IDS)
  .transform((list) => [...new Set(list)]);

const owner = z.string().trim().max(120);

/** At most MAX_BULK_IDS customers over all the groups of an undo. */
const withinLimit = (list: readonly { ids: readonly number[] }[]) => list.reduce((n, g) => n + g.ids.length, 0) <= MAX_BULK_IDS;
const tooMany = `at most ${MAX_BULK_IDS} customers at once`;

/** Customers grouped by the owner they had before. */
const ownerGroups = z.array(z.strictObject({ owner, ids })).min(1).max(MAX_BULK_IDS).refine(withinLimit, tooMany);
/** Customers grouped by how they spelled a tag. */
const tagGroups = z
  .array(z.strictObject({ tag: tagSchema, ids }))
  .min(1)
  .max(MAX_BULK_IDS)
  .refine(withinLimit, tooMany);

export const customerBulkActionSchema = z.discriminatedUnion('kind', [
  /** The same owner for every customer ('' = none). */
  z.strictObject({ kind: z.literal('assignOwner'), ids, owner }),
  /** Undo of assignOwner: each group's customers get their previous owner back, if they still have `assigned`. */
  z.strictObject({ kind: z.literal('restoreOwners'), assigned: owner, groups: ownerGroups }),
  z.strictObject({ kind: z.literal('addTag'), ids, tag: tagSchema }),
  /** Removes the tag however it is spelled ("VIP", "vip"). */
  z.strictObject({ kind: z.literal('removeTag'), ids, tag: tagSchema }),
  /** Undo of removeTag: the tag back as each customer had it spelled. */
  z.strictObject({ kind: z.literal('restoreTags'), groups: tagGroups }),
  /** One open follow-up for each customer: the same type, due time and note; its owner the given one, else the customer's. */
  z.strictObject({
    kind: z.literal('planFollowUp'),
    ids,
    type: z.enum(FOLLOW_UP_TYPES),
    dueAt: z.iso.datetime({ offset: true }),
    owner: owner.default(''),
    note: z.string().trim().max(5000).default(''),
  }),
  /** Undo of planFollowUp: these follow-ups go if they are still open and were never edited; the others stay. */
  z.strictObject({ kind: z.literal('removeFollowUps'), followUpIds: ids }),
  z.strictObject({ kind: z.literal('archive'), ids }),
  /** Undo of archive: the customers it archived are active again. */
  z.strictObject({ kind: z.literal('unarchive'), ids }),
]);
export type CustomerBulkAction = z.output<typeof customerBulkActionSchema>;
export type CustomerBulkActionInput = z.input<typeof customerBulkActionSchema>;
export type CustomerBulkKind = CustomerBulkAction['kind'];

export const customerBulkResultSchema = z.object({
  /** The customers (or follow-ups) the action changed; the others already were so, or were changed again since. */
  changed: z.number().int(),
  /** The action that undoes exactly this one, or null when there is nothing to undo (or this was an undo). */
  undo: customerBulkActionSchema.nullable(),
});
export type CustomerBulkResult = z.output<typeof customerBulkResultSchema>;

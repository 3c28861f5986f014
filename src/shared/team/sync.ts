import { z } from 'zod';

/**
 * The sync part of the team server's contract (the endpoints are declared in contract.ts): the
 * field-level operations a laptop pushes, the per-op results, and what a pull returns.
 */

/** At most this many operations in one push (one server transaction). */
export const MAX_PUSH_OPS = 5000;
/** A push body may be this large (a complaint photo travels in one op). */
export const MAX_PUSH_BYTES = 32 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
/** A long-poll waits at most this long for something new. */
export const MAX_PULL_WAIT_S = 30;
/** An op whose clock is further ahead of the server's than this is clamped to the server's now. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** A hybrid logical clock as src/shared/sync/hlc.ts encodes it: sorts as text in clock order. */
export const hlcSchema = z.string().regex(/^\d{13}-\d{5}-[0-9a-f]{16}$/, 'an HLC timestamp (13-digit ms, 5-digit counter, 16 hex node)');

export const opSchema = z.strictObject({
  opId: z.uuid(),
  hlc: hlcSchema,
  /** The laptop's table name; see src/shared/sync/tables.ts for which tables sync. */
  tbl: z.string().min(1).max(63),
  /** The row's global id (UUIDv7). */
  gid: z.uuid(),
  /** A column name, or '_deleted' for a hard delete. */
  field: z.string().min(1).max(63),
  /** Any JSON; a foreign key is the referenced row's gid. */
  value: z.json(),
  /** The last server seq the laptop had pulled when the edit was made. */
  baseSeq: z.number().int().min(0),
});
export type SyncOp = z.infer<typeof opSchema>;

/**
 * Why an op was not applied (stable values, like the error codes):
 * - UNKNOWN_TABLE: its table does not sync;
 * - INVALID_FIELD: not a column name, or a foreign key that is not a gid;
 * - INVALID_VALUE: a value PostgreSQL's jsonb cannot keep (a \u0000 in a string);
 * - NO_PARENT: a new child row whose parent (customer, order, complaint, response) is unknown to
 *   this user (send a new row's fields in one push, the parent before or with it);
 * - FORBIDDEN: the row belongs to a customer this user may not write (another's private customer,
 *   one shared read-only), or it is a team setting and the user is a salesperson.
 * The pool (#20): a salesperson's change of a customer's owner (src/shared/domain/pool.ts, claimRefusal):
 * - POOL_TAKEN: the customer is another's (someone claimed it first, or a salesperson tried to take or
 *   give away a customer that is not theirs);
 * - POOL_CAP: claiming it would hold more customers than the firm's cap;
 * - POOL_COOLING: this salesperson released it to the pool less than the cooling-off period ago.
 * A refused op's result carries the field's value on the server (`current`), which the laptop puts
 * back, so a refused edit never stays on the laptop alone.
 */
export const OP_REJECT_CODES = [
  'UNKNOWN_TABLE',
  'INVALID_FIELD',
  'INVALID_VALUE',
  'NO_PARENT',
  'FORBIDDEN',
  'POOL_TAKEN',
  'POOL_CAP',
  'POOL_COOLING',
] as const;
export type OpRejectCode = (typeof OP_REJECT_CODES)[number];

export const opResultSchema = z.discriminatedUnion('status', [
  z.object({
    opId: z.uuid(),
    status: z.literal('applied'),
    /** The server seq of this push's changes. */
    seq: z.number().int(),
    /** False when a newer write of the field won (the op is kept, and in the conflict log when concurrent). */
    won: z.boolean(),
    /** The clock the op was taken at when its own was too far ahead of the server's. */
    clampedHlc: hlcSchema.optional(),
    /**
     * With `won: false` on a field of a row: the field as the server keeps it. The laptop puts it
     * back and lists its own value as a conflict (a laptop whose clock is behind the writer's had
     * pulled that value already and would otherwise keep its own alone).
     */
    current: z.object({ value: z.json(), hlc: hlcSchema.nullable() }).optional(),
  }),
  z.object({
    opId: z.uuid(),
    status: z.literal('rejected'),
    code: z.enum(OP_REJECT_CODES),
    /**
     * The field as the server has it, when the row exists there and this user may see it: the laptop
     * puts it back. `by`: who holds the customer now, for a refused change of owner (a name).
     */
    current: z.object({ value: z.json(), hlc: hlcSchema.nullable(), by: z.string().nullable() }).optional(),
  }),
  z.object({
    opId: z.uuid(),
    status: z.literal('duplicate'),
    /** What the first push of this op answered. */
    first: z.enum(['applied', 'rejected']),
    code: z.enum(OP_REJECT_CODES).optional(),
  }),
]);
export type OpResult = z.infer<typeof opResultSchema>;

export const pushInputSchema = z.strictObject({ ops: z.array(opSchema).max(MAX_PUSH_OPS) });
export const pushOutputSchema = z.object({
  results: z.array(opResultSchema),
  /** The server's seq after this push. */
  seq: z.number().int(),
  serverTime: z.iso.datetime({ offset: true }),
});

const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const pullInputSchema = z.strictObject({
  since: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: intParam(1, MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /**
   * Where the laptop's last complete pull ended (its last page had nothing more): a row comes with
   * the fields written after it. Without it (an older laptop, a preview), rows come whole.
   */
  base: intParam(0, Number.MAX_SAFE_INTEGER).optional(),
  /** Seconds to wait for something new when there is nothing (long-poll); 0 answers at once. */
  wait: intParam(0, 3600)
    .default(0)
    .transform((s) => Math.min(s, MAX_PULL_WAIT_S)),
});

type JsonValue = z.infer<ReturnType<typeof z.json>>;

/** A row as a pull carries it. */
export interface SyncRow {
  tbl: string;
  gid: string;
  /** The customer the row belongs to (null for team settings). */
  customerGid: string | null;
  /** The fields written after the pull's cursor (all of them when the row is new to this user). */
  fields: Record<string, JsonValue>;
  /** Field → HLC of the value kept. */
  clocks: Record<string, string>;
  seq: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A pulled row, checked in place: a page holds thousands, and a generic schema (a JSON value per
 * field, copied) was the pull's slowest step after the network. The values come out of JSON.parse,
 * so any value a field holds is JSON; what is checked is the shape.
 */
function isSyncRow(v: unknown): v is SyncRow {
  if (!isRecord(v)) return false;
  const { tbl, gid, customerGid, fields, clocks, seq } = v;
  if (typeof tbl !== 'string' || typeof gid !== 'string' || !UUID.test(gid)) return false;
  if (customerGid !== null && (typeof customerGid !== 'string' || !UUID.test(customerGid))) return false;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || !isRecord(fields) || !isRecord(clocks)) return false;
  for (const k in clocks) if (typeof clocks[k] !== 'string') return false;
  return true;
}

export const syncRowSchema = z.custom<SyncRow>(isSyncRow, 'a synced row: tbl, gid, customerGid, fields, clocks, seq');

const side = z.object({
  value: z.json(),
  hlc: z.string(),
  deviceId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  /** The user's name (for "changed by …"); older servers do not send it. */
  userName: z.string().nullable().optional(),
});
export const conflictSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  tbl: z.string(),
  gid: z.uuid(),
  customerGid: z.uuid().nullable(),
  field: z.string(),
  kept: side,
  lost: side,
  createdAt: z.iso.datetime({ offset: true }),
});
export type SyncConflict = z.infer<typeof conflictSchema>;

export const pullOutputSchema = z.object({
  rows: z.array(syncRowSchema),
  /** Customers (gids) this user may no longer see: drop them and every row of theirs. */
  removed: z.array(z.uuid()),
  /** This user's new conflicts (their edit lost to, or overwrote, a concurrent one). */
  conflicts: z.array(conflictSchema),
  /** Pull again from here (since=seq). */
  seq: z.number().int(),
  /** More rows wait: pull again at once. */
  more: z.boolean(),
});
export type PullOutput = z.infer<typeof pullOutputSchema>;

export const shareSchema = z.object({ customerGid: z.uuid(), userId: z.uuid(), canWrite: z.boolean() });
export type CustomerShare = z.infer<typeof shareSchema>;

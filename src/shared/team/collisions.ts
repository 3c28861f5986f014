import { z } from 'zod';

/**
 * The collision check's contract (#20): the laptop sends the matching keys of a customer it is about
 * to add (computed by the import's rules: company key, web and e-mail domains without free-mail
 * ones, e-mails, the last nine digits of phones); the server answers with the team's customers
 * that match, by which keys, and who holds them.
 */
const key = z.string().trim().min(1).max(200);
export const collisionQuerySchema = z.strictObject({
  companyKey: z.string().trim().max(200).default(''),
  /** ISO country code ('' = unknown): the company key matches within a country. */
  country: z.string().trim().max(3).default(''),
  domains: z.array(key).max(20).default([]),
  emails: z.array(key).max(20).default([]),
  phoneKeys: z
    .array(z.string().regex(/^\d{6,9}$/))
    .max(20)
    .default([]),
  /** A customer to leave out (the one being edited). */
  exceptGid: z.uuid().optional(),
});
export type CollisionQuery = z.input<typeof collisionQuerySchema>;

export const COLLISION_KEYS = ['email', 'domain', 'company', 'phone'] as const;
export type CollisionKey = (typeof COLLISION_KEYS)[number];

export const collisionMatchSchema = z.object({
  gid: z.uuid(),
  by: z.array(z.enum(COLLISION_KEYS)),
  /** The owner's name; null: in the pool. */
  owner: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  /** Since when they hold it. */
  since: z.iso.datetime({ offset: true }),
  /** Whether this user may see the customer (then `company` is given). */
  visible: z.boolean(),
  company: z.string().nullable(),
});
export type CollisionMatch = z.infer<typeof collisionMatchSchema>;

/** One side of a collision found at sync: a customer, who held it then, and what this user may see of it. */
export const collisionSideSchema = z.object({
  gid: z.uuid(),
  /** The owner's name when found (null: the user is gone). */
  owner: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  visible: z.boolean(),
  /** The company, when this user may see the customer. */
  company: z.string().nullable(),
});

/**
 * A collision found at sync (撞单): a customer that arrived (a lead captured offline, an import, a
 * new e-mail) shares keys with a customer another salesperson owns. Listed for both of them and
 * the managers until one of them marks it handled.
 */
export const collisionReportSchema = z.object({
  id: z.uuid(),
  foundAt: z.iso.datetime({ offset: true }),
  by: z.array(z.enum(COLLISION_KEYS)),
  /** The customer that arrived. */
  customer: collisionSideSchema,
  /** The customer already owned. */
  other: collisionSideSchema,
  handledAt: z.iso.datetime({ offset: true }).nullable(),
  handledBy: z.string().nullable(),
});
export type CollisionReport = z.infer<typeof collisionReportSchema>;

/**
 * What a salesperson may ask of a colleague's customer found by the collision check (#20): to see
 * it ('share'), or to take a lead they met for it ('lead': the owner adds it to their customer).
 */
export const COLLISION_REQUEST_KINDS = ['share', 'lead'] as const;
export type CollisionRequestKind = (typeof COLLISION_REQUEST_KINDS)[number];
/** The owner's (or a manager's) answer: shared read-only or writable, the lead added, or declined. */
export const COLLISION_ANSWERS = ['shared_read', 'shared_write', 'added', 'declined'] as const;
export type CollisionAnswer = (typeof COLLISION_ANSWERS)[number];

const leadText = (max: number) => z.string().trim().max(max).default('');
/** A lead passed to a customer's owner: what quick capture had typed (the owner's laptop adds it as a capture would). */
export const collisionLeadSchema = z.strictObject({
  company: leadText(300),
  name: leadText(200),
  email: z
    .string()
    .trim()
    .max(254)
    .transform((s) => s.toLowerCase())
    .pipe(z.union([z.literal(''), z.email()]))
    .default(''),
  phone: leadText(60),
  whatsapp: leadText(60),
  note: leadText(5000),
  fair: leadText(120),
});
export type CollisionLead = z.output<typeof collisionLeadSchema>;

/** A request: the customer (by its team id), what is asked, and for a lead its fields. */
export const collisionRequestInputSchema = z
  .strictObject({
    gid: z.uuid(),
    kind: z.enum(COLLISION_REQUEST_KINDS),
    lead: collisionLeadSchema.optional(),
  })
  .refine((r) => (r.kind === 'lead') === (r.lead !== undefined), {
    message: 'a lead request carries its lead, a share request none',
    path: ['lead'],
  });
export type CollisionRequestInput = z.input<typeof collisionRequestInputSchema>;

export const collisionRequestSchema = z.object({
  id: z.uuid(),
  /** The customer asked about. */
  gid: z.uuid(),
  kind: z.enum(COLLISION_REQUEST_KINDS),
  /** Who asked. */
  by: z.string().nullable(),
  byId: z.uuid(),
  /** The customer's owner now (who answers; null: it went to the pool). */
  owner: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  /** Whether this user may see the customer (then `company` is given). */
  visible: z.boolean(),
  company: z.string().nullable(),
  lead: z
    .object({
      company: z.string(),
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      whatsapp: z.string(),
      note: z.string(),
      fair: z.string(),
    })
    .nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
  answeredBy: z.string().nullable(),
  answer: z.enum(COLLISION_ANSWERS).nullable(),
});
export type CollisionRequest = z.infer<typeof collisionRequestSchema>;

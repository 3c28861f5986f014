import { boardCardSchema, boardColumnSchema, boardDimensionSchema } from '../../domain/classification';
import { customerFilterSchema } from '../../domain/customer';
import { z } from 'zod';
import { channel } from '../channel';

export const boardsChannels = {
  'boards.columns': channel(
    'read',
    z.strictObject({ dimension: boardDimensionSchema, filter: customerFilterSchema.default(customerFilterSchema.parse({})) }),
    z.object({
      dimension: boardDimensionSchema,
      manual: z.boolean(),
      currency: z.string(),
      columns: z.array(boardColumnSchema),
      classifiedAt: z.string().nullable(),
    }),
  ),
  'boards.cards': channel(
    'read',
    z.strictObject({
      dimension: boardDimensionSchema,
      key: z.string().max(200),
      filter: customerFilterSchema.default(customerFilterSchema.parse({})),
      after: z.strictObject({ revenueMinor: z.number().int(), id: z.number().int() }).optional(),
      limit: z.number().int().min(1).max(500).default(30),
    }),
    z.object({
      cards: z.array(boardCardSchema),
      nextCursor: z.object({ revenueMinor: z.number().int(), id: z.number().int() }).nullable(),
    }),
  ),
  'boards.move': channel(
    'write',
    z.strictObject({
      customerId: z.number().int().positive(),
      version: z.number().int().positive(),
      dimension: boardDimensionSchema,
      from: z.string().max(200),
      to: z.string().max(200),
    }),
    z.object({ card: boardCardSchema, overrideCleared: z.boolean() }),
  ),
} as const;

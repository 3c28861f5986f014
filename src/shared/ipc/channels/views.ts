import { savedViewSchema, savedViewStateSchema } from '../../domain/classification';
import { z } from 'zod';
import { channel, idInput } from '../channel';

export const viewsChannels = {
  'views.list': channel('read', z.strictObject({ kind: z.enum(['grid', 'board']).optional() }), z.array(savedViewSchema)),
  'views.save': channel(
    'write',
    z.strictObject({
      id: z.number().int().positive().optional(),
      kind: z.enum(['grid', 'board']),
      name: z.string().trim().min(1).max(80),
      state: savedViewStateSchema,
    }),
    savedViewSchema,
  ),
  'views.delete': channel('write', idInput, z.object({ removed: z.boolean() })),
} as const;

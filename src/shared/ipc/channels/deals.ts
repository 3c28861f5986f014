import { z } from 'zod';
import {
  DEAL_STAGES,
  OPEN_DEAL_STAGES,
  dealCreateSchema,
  dealMoveSchema,
  dealPatchSchema,
  dealProposalSchema,
  dealSchema,
  pipelineBoardSchema,
  pipelineSettingsSchema,
} from '../../domain/deals';
import { channel, none } from '../channel';

const id = z.number().int().positive();
const moveResult = z.object({ deal: dealSchema, orderId: z.number().int().nullable() });

export const dealsChannels = {
  'deals.create': channel('write', dealCreateSchema, dealSchema),
  /** What a deal from this inquiry would start with (title, amount from the catalogue, owner). */
  'deals.propose': channel('read', z.strictObject({ inquiryId: id }), dealProposalSchema),
  'deals.update': channel('write', z.strictObject({ id, version: id, patch: dealPatchSchema }), dealSchema),
  /** won creates the order (orderId); lost needs lostReason (DEAL_LOST_REASON_REQUIRED). */
  'deals.move': channel('write', dealMoveSchema, moveResult),
  'deals.reopen': channel('write', z.strictObject({ id, version: id, stage: z.enum(OPEN_DEAL_STAGES).default('negotiation') }), moveResult),
  'deals.list': channel(
    'read',
    z.strictObject({
      customerId: id.optional(),
      stages: z.array(z.enum(DEAL_STAGES)).max(DEAL_STAGES.length).default([]),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.array(dealSchema),
  ),
  'deals.board': channel(
    'read',
    z.strictObject({ owner: z.string().trim().max(120).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    pipelineBoardSchema,
  ),
  'deals.stale': channel(
    'read',
    z.strictObject({ owner: z.string().trim().max(120).optional(), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ deals: z.array(dealSchema), total: z.number().int(), staleDays: z.number().int() }),
  ),
  'deals.settings': channel('read', none, pipelineSettingsSchema),
  'deals.saveSettings': channel('write', pipelineSettingsSchema, pipelineSettingsSchema),
} as const;

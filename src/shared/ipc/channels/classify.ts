import { classificationRulesSchema, classificationRunSchema } from '../../domain/classification';
import { z } from 'zod';
import { channel, none } from '../channel';

export const classifyChannels = {
  'classify.run': channel('job', z.strictObject({ trigger: z.enum(['manual', 'rules']).default('manual') }), classificationRunSchema),
  'classify.runs': channel(
    'read',
    z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    z.array(classificationRunSchema),
  ),
  'classify.rules': channel(
    'read',
    none,
    z.object({
      version: z.number().int(),
      rules: classificationRulesSchema,
      defaults: classificationRulesSchema,
      savedAt: z.string().nullable(),
    }),
  ),
  'classify.saveRules': channel(
    'write',
    z.strictObject({ rules: classificationRulesSchema, baseVersion: z.number().int().min(0) }),
    z.object({ version: z.number().int() }),
  ),
} as const;

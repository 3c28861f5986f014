import { z } from 'zod';
import { customerRecommendationsSchema, productProspectsSchema } from '../../domain/recommendations';
import { channel } from '../channel';

const id = z.number().int().positive();

export const recommendationsChannels = {
  /** Products bought by customers like this one (same industry and region) that it never asked for nor bought. */
  'recommendations.forCustomer': channel(
    'read',
    z.strictObject({ customerId: id, limit: z.number().int().min(1).max(50).default(10) }),
    customerRecommendationsSchema,
  ),
  /** Active customers likely to want a catalogue product: in cohorts whose buyers bought it, who have not. */
  'recommendations.forProduct': channel(
    'read',
    z.strictObject({ productId: id, limit: z.number().int().min(1).max(1000).default(200) }),
    productProspectsSchema,
  ),
} as const;

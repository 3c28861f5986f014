import { cadenceRulesSchema } from '../../domain/followups';
import { channel, none } from '../channel';

export const cadenceChannels = {
  'cadence.get': channel('read', none, cadenceRulesSchema),
  'cadence.save': channel('write', cadenceRulesSchema, cadenceRulesSchema),
} as const;

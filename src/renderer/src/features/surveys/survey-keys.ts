import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import type { ChannelInput } from '../../../../shared/ipc/contract';

/** Query-cache keys for surveys; everything starts with 'surveys'. */
export const surveyKeys = {
  all: ['surveys'] as const,
  templates: () => ['surveys', 'templates'] as const,
  campaigns: () => ['surveys', 'campaigns'] as const,
  campaign: (id: number) => ['surveys', 'campaign', id] as const,
  recipients: (input: ChannelInput<'surveys.recipients'>) => ['surveys', 'recipients', input] as const,
  results: (input: ChannelInput<'surveys.results'>) => ['surveys', 'results', input] as const,
  trend: (input: ChannelInput<'surveys.trend'>) => ['surveys', 'trend', input] as const,
  responses: (input: ChannelInput<'surveys.responses'>) => ['surveys', 'responses', input] as const,
  rules: () => ['surveys', 'rules'] as const,
  views: () => ['surveys', 'views'] as const,
  /** How many customers a segment holds (the new-campaign dialog). */
  audience: (filter: CustomerFilterInput) => ['surveys', 'audience', filter] as const,
  /** Names of continents and regions (M49 codes) in both languages, from the engine. */
  areas: (level: 'continent' | 'region') => ['surveys', 'areas', level] as const,
};

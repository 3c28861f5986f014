import type { ChannelInput } from '../../../../shared/ipc/contract';

/** Query-cache keys for needs and complaints; everything starts with 'needs' or 'complaints'. */
export const needKeys = {
  all: ['needs'] as const,
  list: (input: ChannelInput<'needs.list'>) => ['needs', 'list', input] as const,
  summary: (by: 'status' | 'category') => ['needs', 'summary', by] as const,
  /** Names of continents and regions (M49 codes) in both languages, from the engine. */
  areas: (level: 'continent' | 'region') => ['needs', 'areas', level] as const,
};

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (input: ChannelInput<'complaints.list'>) => ['complaints', 'list', input] as const,
};

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
  /** The orders a complaint of this customer can name. */
  orders: (customerId: number) => ['complaints', 'orders', customerId] as const,
};

/**
 * A photo's bytes never change (a photo is added or removed, never edited): kept apart from
 * 'complaints', so reloading the lists after a write does not fetch every photo again.
 */
export const photoKeys = {
  photo: (id: number) => ['complaint-photo', id] as const,
};

/** The customer picker's matches for what is typed. */
export const customerPickKeys = {
  search: (text: string) => ['relationship-customer-pick', text] as const,
};

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BoardColumn } from '../../../../shared/domain/classification';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../lib/ipc';
import { complaintKeys, needKeys } from './relationship-keys';

/** The most a page lists at once (the engine's cap); a page says so when it is reached. */
export const PAGE_LIMIT = 5000;

/** Needs, newest first (the engine leaves out archived customers). */
export function useNeedList(input: ChannelInput<'needs.list'>) {
  return useQuery({
    queryKey: needKeys.list(input),
    queryFn: () => call('needs.list', input),
    placeholderData: keepPreviousData,
  });
}

/** Needs per status or category, split by continent, region and industry. */
export function useNeedSummary(by: 'status' | 'category') {
  return useQuery({
    queryKey: needKeys.summary(by),
    queryFn: () => call('needs.summary', { by }),
    placeholderData: keepPreviousData,
  });
}

export type AreaNames = ReadonlyMap<string, BoardColumn['name']>;

/** The engine's names (en and zh) of the continents or regions customers are in, by M49 code. */
export function useAreaNames(level: 'continent' | 'region') {
  return useQuery({
    queryKey: needKeys.areas(level),
    queryFn: async (): Promise<AreaNames> => {
      const res = await call('boards.columns', { dimension: level });
      return new Map(res.columns.map((c) => [c.key, c.name]));
    },
    placeholderData: keepPreviousData,
  });
}

/** Complaints, soonest due first, each marked overdue by the engine's clock. */
export function useComplaintList(input: ChannelInput<'complaints.list'>) {
  return useQuery({
    queryKey: complaintKeys.list(input),
    queryFn: () => call('complaints.list', input),
    placeholderData: keepPreviousData,
  });
}

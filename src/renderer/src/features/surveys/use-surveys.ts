import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerFilterInput } from '../../../../shared/domain/customer';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../lib/ipc';
import { surveyKeys } from './survey-keys';

/** Ready-made templates first, then the firm's own. */
export function useTemplates() {
  return useQuery({ queryKey: surveyKeys.templates(), queryFn: () => call('surveys.templates', {}) });
}

/** Campaigns, newest first, with their recipient counts. */
export function useCampaigns() {
  return useQuery({ queryKey: surveyKeys.campaigns(), queryFn: () => call('surveys.campaigns', {}) });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: surveyKeys.campaign(id),
    queryFn: () => call('surveys.campaign', { id }),
    placeholderData: keepPreviousData,
  });
}

export function useRecipients(input: ChannelInput<'surveys.recipients'>) {
  return useQuery({
    queryKey: surveyKeys.recipients(input),
    queryFn: () => call('surveys.recipients', input),
    placeholderData: keepPreviousData,
  });
}

export function useResults(input: ChannelInput<'surveys.results'>) {
  return useQuery({
    queryKey: surveyKeys.results(input),
    queryFn: () => call('surveys.results', input),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(input: ChannelInput<'surveys.trend'>) {
  return useQuery({ queryKey: surveyKeys.trend(input), queryFn: () => call('surveys.trend', input), placeholderData: keepPreviousData });
}

export function useResponses(input: ChannelInput<'surveys.responses'>, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.responses(input),
    queryFn: () => call('surveys.responses', input),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSurveyRules() {
  return useQuery({ queryKey: surveyKeys.rules(), queryFn: () => call('surveys.rules', {}) });
}

/** Saved grid and board views: the segments a campaign can go to. */
export function useSavedViews() {
  return useQuery({ queryKey: surveyKeys.views(), queryFn: () => call('views.list', {}) });
}

/** The number of customers a segment holds now. */
export function useAudienceSize(filter: CustomerFilterInput | null) {
  return useQuery({
    queryKey: surveyKeys.audience(filter ?? {}),
    queryFn: async () => (await call('customers.list', { filter: filter ?? {}, limit: 1, withTotal: true })).total ?? 0,
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export type AreaNames = ReadonlyMap<string, { en: string; zh: string } | null>;

/** The engine's names of the continents or regions customers are in, by M49 code (only fetched when `enabled`). */
export function useAreaNames(level: 'continent' | 'region', enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.areas(level),
    queryFn: async (): Promise<AreaNames> => {
      const res = await call('boards.columns', { dimension: level });
      return new Map(res.columns.map((c) => [c.key, c.name]));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

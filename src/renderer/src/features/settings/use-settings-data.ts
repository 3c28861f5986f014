import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/ipc';
import { settingsKeys } from './settings-keys';

/** How many runs the Runs table lists. */
export const RUNS_LIMIT = 20;

/** The current classification rules (version 0 = the built-in defaults, never saved) and the defaults. */
export function useRulesQuery() {
  return useQuery({ queryKey: settingsKeys.rules(), queryFn: () => call('classify.rules', {}) });
}

/** Base currency, exchange rates and the currencies orders use. */
export function useCurrencyQuery() {
  return useQuery({ queryKey: settingsKeys.currency(), queryFn: () => call('currency.get', {}) });
}

/** The latest classification runs, newest first. */
export function useRunsQuery() {
  return useQuery({ queryKey: settingsKeys.runs(RUNS_LIMIT), queryFn: () => call('classify.runs', { limit: RUNS_LIMIT }) });
}

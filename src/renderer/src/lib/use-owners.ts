import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './ipc';
import { useCustomerFacets } from './use-customer-facets';
import { usePrefs } from './use-prefs';

/**
 * The owners to offer: the sales staff from Settings first, in their order, then the other owners
 * already in the data (alphabetically, pinyin order in Chinese), each once. Names that differ only
 * in case are one person (the Settings spelling wins) unless `exact` (a filter that matches names
 * exactly). Never the empty name.
 */
export function mergeOwners(preferred: readonly string[], inData: readonly string[], collator: Intl.Collator, exact = false): string[] {
  const key = (name: string) => (exact ? name : name.toLocaleLowerCase());
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (name: string) => {
    const k = key(name);
    if (name === '' || seen.has(k)) return;
    seen.add(k);
    out.push(name);
  };
  preferred.forEach(add);
  [...inData].sort((a, b) => collator.compare(a, b)).forEach(add);
  return out;
}

/**
 * Owners to offer in pickers and suggestions (see mergeOwners): in a team, the team's members come
 * after the sales staff from Settings (a colleague who holds no customer yet can still be chosen).
 */
export function useOwners(options: { exact?: boolean } = {}): string[] {
  const { i18n } = useTranslation();
  const prefs = usePrefs();
  const facets = useCustomerFacets('active');
  const exact = options.exact ?? false;
  const members = useQuery({ queryKey: ['team', 'members'], queryFn: () => call('team.members', {}) });
  const staff = prefs.data?.owners;
  const team = members.data;
  const inData = facets.data?.owners;
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    const preferred = [...(staff ?? []), ...(team ?? []).map((m) => m.name)];
    return mergeOwners(preferred, Object.keys(inData ?? {}), collator, exact);
  }, [staff, team, inData, exact, i18n.language]);
}

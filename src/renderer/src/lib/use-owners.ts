import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Owners to offer in pickers and suggestions (see mergeOwners). */
export function useOwners(options: { exact?: boolean } = {}): string[] {
  const { i18n } = useTranslation();
  const prefs = usePrefs();
  const facets = useCustomerFacets('active');
  const exact = options.exact ?? false;
  const preferred = prefs.data?.owners;
  const inData = facets.data?.owners;
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language === 'zh-CN' ? 'zh-CN-u-co-pinyin' : i18n.language);
    return mergeOwners(preferred ?? [], Object.keys(inData ?? {}), collator, exact);
  }, [preferred, inData, exact, i18n.language]);
}

import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { call } from './ipc';
import { customerKeys } from './customer-keys';

type LocalName = { en: string; zh: string };

/** What cells and the detail panel need to show classes: the base currency and custom segment names. */
export interface ClassContextValue {
  /** '' until loaded. */
  currency: string;
  segmentNames: Partial<Record<string, LocalName>>;
  /** Months of orders RFM compares customers over (0 = all history): named wherever a segment is shown. */
  rfmMonths: number;
}

export const ClassContext = createContext<ClassContextValue>({ currency: '', segmentNames: {}, rfmMonths: 12 });

export function useClassContext(): ClassContextValue {
  return useContext(ClassContext);
}

const NO_NAMES: ClassContextValue['segmentNames'] = {};

/** Loads the base currency and the rules' segment names (reloaded on every data change). */
export function useClassContextValue(): ClassContextValue {
  const currency = useQuery({ queryKey: customerKeys.currency, queryFn: () => call('currency.get', {}) });
  const rules = useQuery({ queryKey: customerKeys.rules, queryFn: () => call('classify.rules', {}) });
  const base = currency.data?.base ?? '';
  const names = rules.data?.rules.segmentNames ?? NO_NAMES;
  const rfmMonths = rules.data?.rules.rfm.windowMonths ?? 12;
  return useMemo(() => ({ currency: base, segmentNames: names, rfmMonths }), [base, names, rfmMonths]);
}

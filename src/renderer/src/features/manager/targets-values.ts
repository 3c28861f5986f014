import type { SalesTarget } from '../../../../shared/ipc/channels/manager';
import { currencyDigits } from '../../lib/money-format';
import { numberText, parseNumber } from '../../lib/number-text';

/** One month's targets as typed: revenue in whole currency units ("50000", "1234.5"), new customers; '' = none. */
export interface TargetText {
  revenue: string;
  newCustomers: string;
}

export const NO_TARGET: TargetText = { revenue: '', newCustomers: '' };

/** The key of one person's month in the form's maps. */
export const cellKey = (owner: string, month: string) => `${owner}\u0000${month}`;
export const splitKey = (key: string): { owner: string; month: string } => {
  const at = key.lastIndexOf('\u0000');
  return { owner: key.slice(0, at), month: key.slice(at + 1) };
};

/** The saved targets as the form shows them, by cellKey. */
export function targetTexts(targets: readonly SalesTarget[], currency: string): Map<string, TargetText> {
  const digits = currencyDigits(currency);
  const out = new Map<string, TargetText>();
  for (const target of targets) {
    out.set(cellKey(target.owner, target.month), {
      revenue: target.revenueMinor === null ? '' : numberText(target.revenueMinor / 10 ** digits),
      newCustomers: target.newCustomers === null ? '' : String(target.newCustomers),
    });
  }
  return out;
}

export type TargetProblem =
  { code: 'revenue' | 'revenueTooLarge' | 'newCustomers' | 'newTooLarge' } | { code: 'revenueDigits'; digits: number };

const MAX_REVENUE_MINOR = 1e15;
const MAX_NEW = 1_000_000;

/** A typed revenue target in minor units, or what is wrong with it; '' is no target (null). */
export function parseRevenue(text: string, currency: string): { value: number | null } | { problem: TargetProblem } {
  if (text.trim() === '') return { value: null };
  const n = parseNumber(text.replace(/[,，\s]/g, ''));
  if (n === null || n < 0) return { problem: { code: 'revenue' } };
  const digits = currencyDigits(currency);
  const minor = n * 10 ** digits;
  if (Math.abs(minor - Math.round(minor)) > 1e-6) return { problem: { code: 'revenueDigits', digits } };
  if (Math.round(minor) > MAX_REVENUE_MINOR) return { problem: { code: 'revenueTooLarge' } };
  return { value: Math.round(minor) };
}

/** A typed new-customer target, or what is wrong with it; '' is no target (null). */
export function parseNewCustomers(text: string): { value: number | null } | { problem: TargetProblem } {
  if (text.trim() === '') return { value: null };
  const n = parseNumber(text.replace(/[,，\s]/g, ''));
  if (n === null || n < 0 || !Number.isInteger(n)) return { problem: { code: 'newCustomers' } };
  if (n > MAX_NEW) return { problem: { code: 'newTooLarge' } };
  return { value: n };
}

export interface TargetErrors {
  revenue?: TargetProblem;
  newCustomers?: TargetProblem;
}

/**
 * The targets to save: every month whose text changed from what was saved (both values of the month,
 * as the engine replaces a month whole), and the problems of the changed months, by cellKey.
 */
export function targetsToSave(
  edits: ReadonlyMap<string, TargetText>,
  saved: ReadonlyMap<string, TargetText>,
  currency: string,
): { targets: SalesTarget[]; errors: Map<string, TargetErrors> } {
  const targets: SalesTarget[] = [];
  const errors = new Map<string, TargetErrors>();
  for (const [key, text] of edits) {
    const before = saved.get(key) ?? NO_TARGET;
    if (text.revenue.trim() === before.revenue.trim() && text.newCustomers.trim() === before.newCustomers.trim()) continue;
    const revenue = parseRevenue(text.revenue, currency);
    const fresh = parseNewCustomers(text.newCustomers);
    if ('problem' in revenue || 'problem' in fresh) {
      errors.set(key, {
        revenue: 'problem' in revenue ? revenue.problem : undefined,
        newCustomers: 'problem' in fresh ? fresh.problem : undefined,
      });
      continue;
    }
    const { owner, month } = splitKey(key);
    targets.push({ owner, month, revenueMinor: revenue.value, newCustomers: fresh.value });
  }
  return { targets, errors };
}

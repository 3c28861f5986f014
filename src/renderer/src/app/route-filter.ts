import type { CustomerFilterInput } from '../../../shared/domain/customer';

/**
 * Links into the customers grid with a filter (dashboard and board click-through):
 * #/customers?filter=<JSON>. The engine validates the filter like any other input.
 */
export function customersHash(filter: CustomerFilterInput): string {
  return `#/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filter carried by a customers link, or null (none, or not an object). */
export function filterFromHash(hash: string): CustomerFilterInput | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const raw = new URLSearchParams(hash.slice(q + 1)).get('filter');
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as CustomerFilterInput) : null;
  } catch {
    return null;
  }
}

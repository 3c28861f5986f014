import type { CustomerFilterInput } from '../../../shared/domain/customer';

export { customersHash } from '../../../shared/customer-link';

/** The customer a link asks to open in the detail panel (#/customers?…&open=<id>&company=…), or null. */
export function openedFromHash(hash: string): { id: number; company: string } | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const params = new URLSearchParams(hash.slice(q + 1));
  const id = Number(params.get('open'));
  return Number.isSafeInteger(id) && id > 0 ? { id, company: params.get('company') ?? '' } : null;
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

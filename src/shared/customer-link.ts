import type { CustomerFilterInput } from './domain/customer';

/**
 * Links into the customers grid with a filter (dashboard and board click-through, a clicked
 * reminder): #/customers?filter=<JSON>, and optionally one customer's panel open
 * (&open=<id>&company=…). The engine validates the filter like any other input.
 */
export function customersHash(filter: CustomerFilterInput, open?: { id: number; company: string }): string {
  const base = `#/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return open ? `${base}&open=${open.id}&company=${encodeURIComponent(open.company)}` : base;
}

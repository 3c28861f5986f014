import type { ContactHit, CountryHit, CustomerHit, GlobalSearchResult, InquiryHit, OrderHit } from '../../../../shared/domain/search';
import { customersHash } from '../../app/route-filter';

export const SEARCH_GROUPS = ['countries', 'customers', 'contacts', 'inquiries', 'orders'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

/** One row of the palette and where Enter takes the user. */
export type SearchEntry = { key: string; href: string } & (
  | { group: 'countries'; hit: CountryHit }
  | { group: 'customers'; hit: CustomerHit }
  | { group: 'contacts'; hit: ContactHit }
  | { group: 'inquiries'; hit: InquiryHit }
  | { group: 'orders'; hit: OrderHit }
  | { group: 'all'; query: string }
);

/** The grid's search takes up to 200 characters; a longer company name is found by its start. */
function clip(text: string, max = 200): string {
  let s = text;
  while (s.length > max) s = Array.from(s).slice(0, -1).join('');
  return s;
}

/** The customers list narrowed to one customer (archived ones among the archived), its detail panel open. */
export function customerHref(id: number, company: string, archived: boolean): string {
  return customersHash({ search: clip(company), archived: archived ? 'archived' : 'active' }, { id, company });
}

/** The palette's rows in order: each group's hits, then "show all in the customer list". */
export function searchEntries(result: GlobalSearchResult): SearchEntry[] {
  const entries: SearchEntry[] = [];
  // A country opens the list of its customers.
  for (const hit of result.countries.items)
    entries.push({ key: `country-${hit.code}`, group: 'countries', hit, href: customersHash({ countries: [hit.code] }) });
  for (const hit of result.customers.items)
    entries.push({ key: `customer-${hit.id}`, group: 'customers', hit, href: customerHref(hit.id, hit.company, hit.archived) });
  for (const hit of result.contacts.items)
    entries.push({ key: `contact-${hit.id}`, group: 'contacts', hit, href: customerHref(hit.customerId, hit.company, hit.archived) });
  for (const hit of result.inquiries.items)
    entries.push({ key: `inquiry-${hit.id}`, group: 'inquiries', hit, href: customerHref(hit.customerId, hit.company, hit.archived) });
  for (const hit of result.orders.items)
    entries.push({ key: `order-${hit.id}`, group: 'orders', hit, href: customerHref(hit.customerId, hit.company, hit.archived) });
  const query = result.query.trim();
  if (result.customers.items.length + result.contacts.items.length > 0) {
    entries.push({ key: 'all', group: 'all', query, href: customersHash({ search: query }) });
  }
  return entries;
}

/** The app's pages, in navigation order; the location hash (#/customers) selects one. */
export const ROUTES = [
  'customers',
  'import',
  'boards',
  'deals',
  'products',
  'followups',
  'needs',
  'complaints',
  'surveys',
  'dashboard',
  'manager',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: Route = 'customers';

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

export function hashFor(route: Route): string {
  return `#/${route}`;
}

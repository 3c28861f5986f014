import { useEffect, useRef } from 'react';
import type { GridFilterState } from './grid-filter';
import { hashFor } from '../../app/routes';
import { linkFilter } from './link-filter';

/**
 * Follows links into the grid while the page is open: a new #/customers?filter=… (the dashboard,
 * a board) replaces the filter. The page reads the link it opened with itself (linkFilter).
 */
export function useLinkFilter(onFilter: (filter: GridFilterState) => void): void {
  const latest = useRef(onFilter);
  useEffect(() => {
    latest.current = onFilter;
  });
  useEffect(() => {
    const onChange = () => {
      const filter = linkFilter(window.location.hash);
      if (filter) latest.current(filter);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
}

/**
 * The address stops carrying a link's filter (#/customers?filter=… becomes #/customers) once the user
 * changed it: a reload or a remount then keeps the user's filter instead of applying the link's again.
 * Replaces the history entry (no hashchange, no new Back step).
 */
export function forgetLinkFilter(): void {
  if (!linkFilter(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', hashFor('customers'));
}

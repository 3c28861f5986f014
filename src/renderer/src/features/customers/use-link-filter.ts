import { useEffect, useRef } from 'react';
import type { GridFilterState } from './grid-filter';
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

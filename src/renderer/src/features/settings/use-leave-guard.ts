import { useEffect } from 'react';
import { routeFromHash } from '../../app/routes';

/**
 * While `dirty`, a click on a link to another page (the navigation) first asks `confirmLeave`;
 * the page changes only if the answer is yes. Keyboard activation of a link is a click too.
 */
export function useLeaveGuard(dirty: boolean, here: string, confirmLeave: () => Promise<boolean>): void {
  useEffect(() => {
    if (!dirty) return undefined;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      const href = link?.getAttribute('href');
      if (!href || routeFromHash(href) === here) return;
      e.preventDefault();
      void confirmLeave().then((leave) => {
        if (leave) window.location.hash = href;
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty, here, confirmLeave]);
}

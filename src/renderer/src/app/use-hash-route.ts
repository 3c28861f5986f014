import { useEffect, useState } from 'react';
import { useEngineEvents } from '../lib/ipc';
import { routeFromHash, type Route } from './routes';

/**
 * The page named by location.hash, following back/forward and link clicks, and the app shell's
 * requests to show a page (a clicked reminder opens its customer).
 */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEngineEvents((event) => {
    if (event.type === 'app.navigate' && event.hash.startsWith('#/')) window.location.hash = event.hash;
  });
  return route;
}

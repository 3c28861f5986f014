import type { HandlersOf } from '../../engine/handler-types';
import { globalSearch } from './global-search';

/** The engine's handlers for the search.* channels: each calls the service beside it. */
export const searchHandlers = {
  'search.global': (rt, input) => globalSearch(rt.ctx, input),
} satisfies HandlersOf<'search'>;

import type { HandlersOf } from '../../engine/handler-types';
import { dashboardOverview } from './dashboard';
import { dealFigures } from './deal-figures';

/** The engine's handlers for the dashboard.* channels: each calls the service beside it. */
export const dashboardHandlers = {
  'dashboard.overview': (rt, input) => dashboardOverview(rt.ctx, input),
  'dashboard.deals': (rt, input) => dealFigures(rt.ctx, input),
} satisfies HandlersOf<'dashboard'>;

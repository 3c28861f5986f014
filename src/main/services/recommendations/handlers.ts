import type { HandlersOf } from '../../engine/handler-types';
import { recommendForCustomer, recommendForProduct } from './recommendations';

/** The engine's handlers for the recommendations.* channels: each calls the service beside it. */
export const recommendationsHandlers = {
  'recommendations.forCustomer': (rt, input) => recommendForCustomer(rt.ctx, input),
  'recommendations.forProduct': (rt, input) => recommendForProduct(rt.ctx, input),
} satisfies HandlersOf<'recommendations'>;

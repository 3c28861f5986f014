import type { HandlersOf } from '../../engine/handler-types';
import { isoNow } from '../context';
import { currencyInUse, writeCurrency } from './currency';

/** The engine's handlers for the currency.* channels: each calls the service beside it. */
export const currencyHandlers = {
  'currency.get': (rt) => currencyInUse(rt.ctx),
  'currency.save': (rt, input) => {
    const now = isoNow(rt.ctx);
    return rt.ctx.db.transaction((tx) => writeCurrency(tx, input, now));
  },
} satisfies HandlersOf<'currency'>;

import { localDayKey, systemTimeZone } from '../../../shared/time/zoned';
import type { HandlersOf } from '../../engine/handler-types';
import { isoNow } from '../context';
import { currencyInUse, uncountedOrders, writeCurrency } from './currency';

/** The engine's handlers for the currency.* channels: each calls the service beside it. */
export const currencyHandlers = {
  'currency.get': (rt) => currencyInUse(rt.ctx),
  'currency.save': (rt, input) => {
    const now = isoNow(rt.ctx);
    const today = localDayKey(rt.ctx.now().getTime(), systemTimeZone());
    return rt.ctx.db.transaction((tx) => writeCurrency(tx, input, now, today));
  },
  'currency.uncounted': (rt, input) => uncountedOrders(rt.ctx, input.customerId),
} satisfies HandlersOf<'currency'>;

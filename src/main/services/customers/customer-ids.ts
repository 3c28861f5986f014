import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../context';
import { isShortTerm, keysetQuery, shortTermMatches } from './customers';

/**
 * The ids of a filter's customers in grid order, from `offset`: what the grid selects with "select all"
 * (the whole filter, not only the rows loaded) and with a Shift range over rows not loaded yet. The
 * grid's own page query without its rows: the sort's index and the ids, nothing per row.
 */
export function listCustomerIds(ctx: ServiceContext, input: ChannelParsedInput<'customers.ids'>): ChannelOutput<'customers.ids'> {
  const term = input.filter.search.trim();
  const shortMatches = isShortTerm(term) ? shortTermMatches(ctx, term) : undefined;
  let q = keysetQuery(ctx, input.filter, input.sort, undefined, shortMatches).select('c.id').limit(input.limit);
  if (input.offset) q = q.offset(input.offset);
  return { ids: ctx.read.all(q).map((r) => r.id) };
}

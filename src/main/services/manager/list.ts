import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { currencyExponent } from '../../import/normalize/money';
import { isoNow, type ServiceContext } from '../context';
import { figureRows, periodBounds } from './figures';
import { managerScope, nameKey } from './scope';

/**
 * The list behind one figure of the manager's view: the very rows the report counts (figures.ts),
 * one person's (owner null: every row in the user's scope), newest first, with their customer.
 */

/** An amount in major units with its currency code, language-neutral: "1234.50 USD", "98000 JPY", "-12.00 EUR". */
export function amountText(amountMinor: number, currency: string): string {
  const exp = currencyExponent(currency);
  return `${(amountMinor / 10 ** exp).toFixed(exp)} ${currency}`;
}

interface ListRow {
  customer_id: number;
  company: string;
  country: string;
  at: string | null;
  detail: string;
  amount_minor: number | null;
  currency: string | null;
}

export function managerList(ctx: ServiceContext, input: ChannelParsedInput<'manager.list'>): ChannelOutput<'manager.list'> {
  const who = managerScope(ctx.read);
  let owner = input.owner;
  if (who.scope === 'own') {
    if (owner === null) owner = who.me;
    else if (nameKey(owner) !== nameKey(who.me)) {
      throw new AppError('MANAGER_REQUIRED', "only a manager or an administrator of the team sees another salesperson's figures");
    }
  }
  const rows = figureRows(input.figure, periodBounds(input.period), isoNow(ctx));
  const where = owner === null ? sql`` : sql`WHERE r.owner = ${owner} COLLATE NOCASE`;
  const total = Number(ctx.read.first(sql<{ n: number }>`SELECT count(*) AS n FROM (${rows}) r ${where}`)?.n ?? 0);
  const items = ctx.read.all(
    sql<ListRow>`
      SELECT r.customer_id AS customer_id, cu.company AS company, cu.country AS country, r.at AS at, r.detail AS detail,
             r.amount_minor AS amount_minor, r.currency AS currency
      FROM (${rows}) r JOIN customers cu ON cu.id = r.customer_id
      ${where}
      ORDER BY r.at IS NULL, r.at DESC, r.rid DESC
      LIMIT ${input.limit}`,
  );
  return {
    items: items.map((r) => ({
      customerId: r.customer_id,
      company: r.company,
      country: r.country,
      detail: r.amount_minor !== null && r.currency !== null ? amountText(r.amount_minor, r.currency) : (r.detail ?? ''),
      at: r.at,
    })),
    total,
  };
}

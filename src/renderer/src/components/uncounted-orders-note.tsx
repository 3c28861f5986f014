import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../lib/ipc';

interface Props {
  /** One customer's orders; the whole book's when absent. */
  customerId?: number;
  className?: string;
}

/**
 * "N orders not counted": shown beside every revenue figure while some orders have a currency
 * without an exchange rate (revenue leaves them out), with the way to the rates. Nothing otherwise.
 */
export function UncountedOrdersNote({ customerId, className }: Props) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['currency', 'uncounted', customerId ?? 'book'] as const,
    queryFn: () => call('currency.uncounted', customerId === undefined ? {} : { customerId }),
  });
  const rows = query.data ?? [];
  const count = rows.reduce((n, r) => n + r.orders, 0);
  if (count === 0) return null;
  const currencies = new Intl.ListFormat(i18n.language, { type: 'unit' }).format(rows.map((r) => r.currency));
  return (
    <p className={['uncounted-orders', className].filter(Boolean).join(' ')} role="note" data-uncounted={count}>
      <span>{t(customerId === undefined ? 'uncounted.book' : 'uncounted.customer', { count, currencies })}</span>{' '}
      <a href="#/settings/currency">{t('uncounted.setRates')}</a>
    </p>
  );
}

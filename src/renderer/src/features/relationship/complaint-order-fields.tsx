import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_CLAIM_MINOR, type ComplaintOrder } from '../../../../shared/domain/relationship';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatDate } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { currencyDigits, formatMoney } from '../../lib/money-format';
import { parseNumber } from '../../lib/number-text';
import { complaintKeys } from './relationship-keys';

type OrderChoices = ChannelOutput<'complaints.orders'>;

/** Currencies offered for a claim besides the base, the order's and the customer's own. */
const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'HKD', 'AUD', 'CAD', 'CHF', 'AED', 'SGD', 'INR', 'BRL', 'RUB', 'KRW'];

/** How an order is named: its number, else its date. */
export function orderName(t: TFunction, lang: string, order: Pick<ComplaintOrder, 'externalNo' | 'orderedAt'>): string {
  return order.externalNo || t('relationship.facts.orderOfDate', { date: formatDate(order.orderedAt, lang) });
}

/** The orders a complaint of this customer can name (none asked for until a customer is chosen). */
export function useOrderChoices(customerId: number | null) {
  return useQuery({
    queryKey: complaintKeys.orders(customerId ?? 0),
    queryFn: () => call('complaints.orders', { customerId: customerId ?? 0 }),
    enabled: customerId !== null,
  });
}

/** The claim's currency unless one was chosen: the order's (a known one), else the base currency. */
export function defaultClaimCurrency(choices: OrderChoices | undefined, orderId: number | null): string {
  const order = choices?.orders.find((o) => o.id === orderId);
  if (order && order.currency !== 'XXX') return order.currency;
  return choices?.baseCurrency ?? 'USD';
}

/** What was typed as an amount, in minor units of the currency; null when it is not an amount above zero. */
export function claimMinor(text: string, currency: string): number | null {
  const n = parseNumber(text);
  if (n === null || n <= 0) return null;
  const minor = Math.round(n * 10 ** currencyDigits(currency));
  return minor > 0 && minor <= MAX_CLAIM_MINOR ? minor : null;
}

interface Props {
  customerId: number | null;
  choices: OrderChoices | undefined;
  loading: boolean;
  orderId: number | null;
  onOrderChange: (id: number | null) => void;
  amount: string;
  onAmountChange: (text: string) => void;
  currency: string;
  onCurrencyChange: (code: string) => void;
  orderError?: string;
  amountError?: string;
  currencyError?: string;
}

/** The order a complaint is about (one of the customer's, newest first) and the amount claimed with its currency. */
export function ComplaintOrderFields(p: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const orders = p.choices?.orders ?? [];
  const names = new Intl.DisplayNames([lang], { type: 'currency' });
  const currencies = [
    ...new Set([p.currency, p.choices?.baseCurrency ?? 'USD', ...orders.map((o) => o.currency), ...COMMON_CURRENCIES]),
  ].filter((c) => c && c !== 'XXX');

  const orderHint =
    p.customerId === null
      ? t('relationship.complaintDialog.orderPickCustomer')
      : p.loading
        ? t('relationship.complaintDialog.orderLoading')
        : orders.length === 0
          ? t('relationship.complaintDialog.orderNoOrders')
          : p.choices?.more
            ? t('relationship.complaintDialog.orderMore', { count: orders.length })
            : t('relationship.complaintDialog.orderHint');

  const orderOptions = [
    { value: '', label: t('relationship.complaintDialog.orderNone') },
    ...orders.map((o) => {
      const label = t('relationship.complaintDialog.orderOption', {
        order: orderName(t, lang, o),
        date: formatDate(o.orderedAt, lang),
        amount: formatMoney(o.amountMinor, o.currency, lang),
      });
      return { value: String(o.id), label: o.cancelled ? t('relationship.complaintDialog.orderCancelled', { order: label }) : label };
    }),
  ];

  return (
    <>
      <SelectField
        label={t('relationship.complaintDialog.order')}
        hint={orderHint}
        error={p.orderError}
        value={p.orderId === null ? '' : String(p.orderId)}
        options={orderOptions}
        disabled={p.customerId === null || orders.length === 0}
        onValueChange={(v) => p.onOrderChange(v === '' ? null : Number(v))}
      />
      <div className="relationship-claim">
        <TextField
          label={t('relationship.complaintDialog.claim')}
          hint={t('relationship.complaintDialog.claimHint')}
          error={p.amountError}
          value={p.amount}
          onValueChange={p.onAmountChange}
          inputMode="decimal"
          autoComplete="off"
          maxLength={24}
          className="relationship-claim-amount"
        />
        <SelectField
          label={t('relationship.complaintDialog.currency')}
          error={p.currencyError}
          value={p.currency}
          options={currencies.map((c) => ({ value: c, label: `${c} · ${names.of(c) ?? c}` }))}
          onValueChange={p.onCurrencyChange}
          className="relationship-claim-currency"
        />
      </div>
    </>
  );
}

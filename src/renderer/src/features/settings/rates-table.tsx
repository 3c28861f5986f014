import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_RATES_DATE, referenceRate } from '../../../../shared/domain/reference-rates';
import { formatDate } from '../../i18n/format-date';
import { currencyName, type RateRow } from './currency-form-values';
import { numberText } from '../../lib/number-text';

interface Props {
  rows: RateRow[];
  /** The base currency as typed (rates are in it). */
  base: string;
  /** Orders per currency (currencies in use). */
  orders: Map<string, number>;
  errors: Record<string, string>;
  /** The local day each saved rate of the user's was set. */
  rateDates: Record<string, string>;
  onRateChange: (currency: string, rate: string) => void;
  onRemove: (currency: string) => void;
}

/** One row per currency: its orders, "1 EUR = [rate] USD", and whether its orders count in revenue. */
export function RatesTable({ rows, base, orders, errors, rateDates, onRateChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const lang = i18n.language;
  if (rows.length === 0) return <p className="muted">{t('settings.currency.noRows')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table rates-table" aria-labelledby={captionId}>
        <caption id={captionId} className="field-label">
          {t('settings.currency.tableCaption', { base })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.currency.currency')}</th>
            <th scope="col" className="num">
              {t('settings.currency.orders')}
            </th>
            <th scope="col">{t('settings.currency.rate', { base })}</th>
            <th scope="col">{t('settings.currency.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.currency.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const count = orders.get(row.currency);
            const isBase = row.currency === base;
            const error = errors[row.currency];
            const errorId = `${captionId}-${row.currency}-error`;
            const name = currencyName(row.currency, lang);
            // An empty rate uses the reference table's, when it has one (shown as the placeholder).
            const reference = isBase ? undefined : referenceRate(row.currency, base);
            const own = row.rate.trim() !== '';
            const day = rateDates[row.currency];
            return (
              <tr key={row.currency}>
                <th scope="row">
                  <span className="currency-code">{row.currency}</span>
                  {name ? <span className="muted currency-name">{name}</span> : null}
                </th>
                <td className="num">{count === undefined ? t('common.notSet') : t('settings.currency.orderCount', { count })}</td>
                <td>
                  {isBase ? (
                    <span className="muted">{t('settings.currency.isBase')}</span>
                  ) : (
                    <>
                      <span className="rate-input">
                        <span aria-hidden="true">{`1 ${row.currency} =`}</span>
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          spellCheck={false}
                          data-currency={row.currency}
                          aria-label={t('settings.currency.rateLabel', { currency: row.currency, base })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          value={row.rate}
                          placeholder={reference === undefined ? undefined : numberText(reference)}
                          onChange={(e) => onRateChange(row.currency, e.target.value)}
                        />
                        <span aria-hidden="true">{base}</span>
                      </span>
                      {error ? (
                        <p id={errorId} className="field-error">
                          {error}
                        </p>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  {isBase ? null : own ? (
                    <span className="badge rate-set">
                      {day
                        ? t('settings.currency.ownRateOn', { date: formatDate(`${day}T12:00:00`, lang) })
                        : t('settings.currency.ownRate')}
                    </span>
                  ) : reference !== undefined ? (
                    <span className="badge rate-reference">
                      {t('settings.currency.referenceRateOn', { date: formatDate(`${REFERENCE_RATES_DATE}T12:00:00`, lang) })}
                    </span>
                  ) : (
                    <span className="badge rate-missing">{t('settings.currency.noRate')}</span>
                  )}
                  {own && reference !== undefined ? (
                    <Button
                      size="small"
                      className="rate-use-reference"
                      aria-label={t('settings.currency.useReferenceLabel', { currency: row.currency })}
                      onClick={() => onRateChange(row.currency, '')}
                    >
                      {t('settings.currency.useReference')}
                    </Button>
                  ) : null}
                </td>
                <td>
                  {count === undefined ? (
                    <Button
                      danger
                      size="small"
                      aria-label={t('settings.currency.removeLabel', { currency: row.currency })}
                      onClick={() => onRemove(row.currency)}
                    >
                      {t('settings.currency.remove')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

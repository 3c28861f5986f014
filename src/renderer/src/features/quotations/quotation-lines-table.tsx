import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinor, parseMinor } from '../../../../shared/domain/quotations';
import { quantityOf, tierPrice, type EditorLine, type LineErrors } from './editor-lines';

interface Props {
  lines: readonly EditorLine[];
  errors: readonly LineErrors[];
  currency: string;
  readOnly: boolean;
  onChange: (key: number, patch: Partial<EditorLine>) => void;
  onRemove: (key: number) => void;
}

/** The document's lines: model, description, quantity, unit, unit price (from the tier until typed), amount; under-MOQ flagged. */
export function QuotationLinesTable({ lines, errors, currency, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <table className="quotation-lines" aria-label={t('quotations.editor.linesLabel')}>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('quotations.editor.sku')}</th>
          <th scope="col">{t('quotations.editor.description')}</th>
          <th scope="col">{t('quotations.editor.quantity')}</th>
          <th scope="col">{t('quotations.editor.unit')}</th>
          <th scope="col">{t('quotations.editor.unitPrice')}</th>
          <th scope="col">{t('quotations.editor.amount')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('quotations.editor.lineActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => {
          const n = i + 1;
          const e = errors[i] ?? {};
          const quantity = quantityOf(line.quantity);
          const price = parseMinor(line.price, currency);
          const tier = tierPrice(line, currency);
          const otherCurrency = line.product && line.product.priceTiers.length > 0 && line.product.currency !== currency;
          const below = line.product && line.moq !== null && quantity !== null && quantity < line.moq;
          const cell = (label: string) => `${t('quotations.editor.lineN', { n })} ${label}`;
          return (
            <tr key={line.key} data-line={n}>
              <td>{n}</td>
              <td>
                <Input
                  value={line.sku}
                  disabled={readOnly}
                  maxLength={64}
                  aria-label={cell(t('quotations.editor.sku'))}
                  onChange={(ev) => onChange(line.key, { sku: ev.target.value })}
                />
              </td>
              <td>
                <Input
                  value={line.description}
                  disabled={readOnly}
                  maxLength={500}
                  status={e.description ? 'error' : undefined}
                  aria-invalid={e.description ? true : undefined}
                  aria-label={cell(t('quotations.editor.description'))}
                  onChange={(ev) => onChange(line.key, { description: ev.target.value, descriptionTyped: true })}
                />
                {e.description ? <div className="field-error">{e.description}</div> : null}
              </td>
              <td>
                <Input
                  value={line.quantity}
                  disabled={readOnly}
                  inputMode="numeric"
                  status={e.quantity ? 'error' : undefined}
                  aria-invalid={e.quantity ? true : undefined}
                  aria-label={cell(t('quotations.editor.quantity'))}
                  onChange={(ev) => onChange(line.key, { quantity: ev.target.value })}
                />
                {e.quantity ? <div className="field-error">{e.quantity}</div> : null}
                {below ? <div className="quotation-moq">{t('quotations.editor.belowMoq', { moq: line.moq })}</div> : null}
              </td>
              <td>
                <Input
                  value={line.unit}
                  disabled={readOnly}
                  maxLength={20}
                  aria-label={cell(t('quotations.editor.unit'))}
                  onChange={(ev) => onChange(line.key, { unit: ev.target.value })}
                />
              </td>
              <td>
                <Input
                  value={line.price}
                  disabled={readOnly}
                  inputMode="decimal"
                  status={e.price ? 'error' : undefined}
                  aria-invalid={e.price ? true : undefined}
                  aria-label={cell(t('quotations.editor.unitPrice'))}
                  onChange={(ev) => onChange(line.key, { price: ev.target.value, priceTyped: true })}
                />
                {e.price ? <div className="field-error">{e.price}</div> : null}
                {tier && !line.priceTyped ? (
                  <div className="muted quotation-tier">{t('quotations.editor.tierPrice', { minQty: tier.minQty })}</div>
                ) : null}
                {otherCurrency && !line.priceTyped ? (
                  <div className="quotation-moq">{t('quotations.editor.otherCurrency', { currency: line.product!.currency })}</div>
                ) : null}
              </td>
              <td className="quotation-amount" data-amount>
                {quantity !== null && price !== null ? formatMinor(quantity * price, currency) : '—'}
              </td>
              <td>
                {readOnly ? null : (
                  <Button size="small" onClick={() => onRemove(line.key)} aria-label={t('quotations.editor.removeLine', { n })}>
                    ×
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

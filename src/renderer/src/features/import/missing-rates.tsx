import { Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceRate } from '../../../../shared/domain/reference-rates';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';
import { parseNumber } from '../../lib/number-text';

interface Props {
  /** Order rows per currency in the file. */
  currencies: readonly { currency: string; rows: number }[];
}

/**
 * Before an import brings orders in a currency with no rate (neither the user's nor the reference
 * table's), asks for it: "1 ISK = [ ] USD". Saved rates count these orders in revenue from the
 * import on; left empty, the orders are imported all the same and reported as not counted.
 */
export function MissingRates({ currencies }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const notices = useNotices();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['currency', 'settings'] as const, queryFn: () => call('currency.get', {}) });
  const [rates, setRates] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, boolean>>({});
  const [saving, setSaving] = useState(false);

  const data = settings.data;
  if (!data) return null;
  const missing = currencies.filter(
    (c) => c.currency !== data.base && data.rates[c.currency] === undefined && referenceRate(c.currency, data.base) === undefined,
  );
  if (missing.length === 0) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const typed: Record<string, number> = {};
    const bad: Record<string, boolean> = {};
    for (const c of missing) {
      const text = rates[c.currency]?.trim() ?? '';
      if (text === '') continue;
      const n = parseNumber(text);
      if (n === null || n <= 0) bad[c.currency] = true;
      else typed[c.currency] = n;
    }
    setErrors(bad);
    if (Object.keys(bad).length > 0 || Object.keys(typed).length === 0) return;
    setSaving(true);
    try {
      await call('currency.save', { base: data.base, rates: { ...data.rates, ...typed } });
      notices.announce(t('import.rates.saved', { count: Object.keys(typed).length }));
      await client.invalidateQueries({ queryKey: ['currency'] });
    } catch (err) {
      notices.showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="preview-section missing-rates-prompt" aria-labelledby={titleId} onSubmit={(e) => void save(e)} noValidate>
      <h3 id={titleId} className="section-title">
        {t('import.rates.title')}
      </h3>
      <p>{t('import.rates.intro', { base: data.base })}</p>
      <ul className="missing-rate-rows">
        {missing.map((c) => (
          <li key={c.currency}>
            <label className="rate-input">
              <span>{t('import.rates.orders', { count: c.rows, currency: c.currency })}</span>
              <span aria-hidden="true">{`1 ${c.currency} =`}</span>
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                aria-label={t('import.rates.rateLabel', { currency: c.currency, base: data.base })}
                aria-invalid={errors[c.currency] ? true : undefined}
                value={rates[c.currency] ?? ''}
                onChange={(e) => setRates((r) => ({ ...r, [c.currency]: e.target.value }))}
              />
              <span aria-hidden="true">{data.base}</span>
            </label>
            {errors[c.currency] ? <p className="field-error">{t('import.rates.bad', { currency: c.currency, base: data.base })}</p> : null}
          </li>
        ))}
      </ul>
      <Button size="small" htmlType="submit" disabled={saving} aria-busy={saving || undefined}>
        {t('import.rates.save')}
      </Button>
    </form>
  );
}

import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { formatMoney } from '../../lib/money-format';
import { QuotationEditor } from './quotation-editor';
import { docLabel, useCustomerQuotations } from './use-quotations';

interface Props {
  customer: { id: number; company: string; archivedAt: string | null };
  /** Another form in the panel is open: nothing can be started meanwhile. */
  locked: boolean;
}

/** The customer's quotations and PIs in the detail panel (number, rev, status, total, date), "New quotation", and the editor. */
export function CustomerQuotationsSection({ customer, locked }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useId();
  const list = useCustomerQuotations(customer.id);
  const [open, setOpen] = useState<{ id: number | null } | null>(null);
  const archived = Boolean(customer.archivedAt);
  return (
    <section className="detail-section quotations-section" aria-labelledby={heading}>
      <div className="section-header">
        <h3 id={heading}>{t('quotations.section.heading')}</h3>
        <Button size="small" onClick={() => setOpen({ id: null })} disabled={locked || archived}>
          {t('quotations.section.new')}
        </Button>
      </div>
      {archived ? <p className="muted">{t('quotations.section.archived')}</p> : null}
      {list.data === undefined ? (
        <p className="muted">{list.isError ? errorText(t, toIpcError(list.error)) : t('common.loading')}</p>
      ) : list.data.length === 0 ? (
        <p className="muted">{t('quotations.section.none')}</p>
      ) : (
        <ul className="quotations-list" aria-label={t('quotations.section.listLabel', { company: customer.company })}>
          {list.data.map((q) => (
            <li key={q.id} className={`quotations-item is-${q.status}`} data-quotation-id={q.id}>
              <Button
                type="link"
                size="small"
                className="quotations-open"
                aria-label={t('quotations.section.open', { label: docLabel(t, q) })}
                onClick={() => setOpen({ id: q.id })}
              >
                {t(`quotations.kinds.${q.kind}`)} {docLabel(t, q)}
              </Button>
              <span className={`badge quotation-status-${q.status}`}>{t(`quotations.statuses.${q.status}`)}</span>
              <span className="quotations-total">{formatMoney(q.totalMinor, q.currency, lang)}</span>
              <time className="muted" dateTime={q.issuedOn}>
                {formatDate(`${q.issuedOn}T12:00:00Z`, lang)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {open ? <QuotationEditor customer={customer} id={open.id} onOpen={(id) => setOpen({ id })} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { classLabel } from '../../lib/class-labels';
import '../../styles/print.css';

const PRINTING_CLASS = 'printing-card';

/**
 * A customer's card on paper (A4/Letter): company, classes, contacts, tags and notes. It is
 * rendered outside the app's root while printing, and print.css hides everything else.
 */
function PrintCard({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = t('common.notSet');
  const c = customer.classes;
  const rows: [string, string][] = [
    [t('fields.country'), customer.country ? `${regionName(customer.country, lang)} (${customer.country})` : dash],
    [t('fields.city'), customer.city || dash],
    [t('fields.website'), customer.website || dash],
    [t('fields.industry'), customer.industry || dash],
    [t('fields.businessType'), customer.businessType ? classLabel(t, lang, 'businessType', customer.businessType) : dash],
    [t('fields.scale'), customer.scale ? classLabel(t, lang, 'scale', customer.scale) : dash],
    [t('fields.source'), customer.source || dash],
    [t('fields.owner'), customer.owner || dash],
    [t('fields.primaryEmail'), customer.primaryEmail || dash],
    [t('fields.tags'), customer.tags.join(', ') || dash],
    [t('columns.tier'), classLabel(t, lang, 'tier', c.tier === 'none' ? '' : c.tier)],
    [t('columns.segment'), classLabel(t, lang, 'segment', c.segment === 'none' ? '' : c.segment)],
    [t('columns.lifecycle'), classLabel(t, lang, 'lifecycle', customer.lifecycleOverride ?? customer.lifecycleStage)],
    [t('columns.churn'), classLabel(t, lang, 'churn', c.churn === 'none' ? '' : c.churn)],
    [t('fields.createdAt'), formatDate(customer.createdAt, lang)],
  ];
  return (
    <article className="print-card" lang={lang}>
      <header>
        <p className="print-card-kind">{t('detail.cardTitle')}</p>
        <h1>{customer.company}</h1>
      </header>
      <dl className="print-card-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {customer.contacts.length ? (
        <section>
          <h2>{t('detail.contacts')}</h2>
          <table>
            <tbody>
              {customer.contacts.map((p) => (
                <tr key={p.id}>
                  <td>
                    <strong>{p.name || t('detail.unnamedContact')}</strong>
                    {p.title ? ` · ${p.title}` : ''}
                  </td>
                  <td>{p.email}</td>
                  <td>
                    {[p.phone, p.mobile, p.whatsapp && `WhatsApp ${p.whatsapp}`, p.wechat && `WeChat ${p.wechat}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {customer.notes ? (
        <section>
          <h2>{t('fields.notes')}</h2>
          <p className="print-card-notes">{customer.notes}</p>
        </section>
      ) : null}
      <footer>{t('detail.printedOn', { date: formatDateTime(new Date().toISOString(), lang) })}</footer>
    </article>
  );
}

/**
 * Printing a customer's card: `print()` renders the card, opens the system print dialog (in the
 * desktop app and in a browser alike) and removes the card afterwards. window.print() returns
 * once the dialog is done with the page, so the card is removed then; `afterprint` is not waited
 * for, since Electron does not always fire it (a second print would otherwise do nothing). Each
 * request has its own number, so asking again always prints again.
 */
export function usePrintCard(customer: CustomerDetail | undefined) {
  // A new object per request: asking again while (or after) printing always prints again.
  const [job, setJob] = useState<object | null>(null);
  useEffect(() => {
    if (!job) return undefined;
    document.body.classList.add(PRINTING_CLASS);
    // The card is in the DOM (this effect runs after the commit that added it); print() blocks
    // until the dialog has taken the page.
    const timer = window.setTimeout(() => {
      try {
        window.print();
      } finally {
        setJob((current) => (current === job ? null : current));
      }
    }, 0);
    return () => {
      window.clearTimeout(timer);
      document.body.classList.remove(PRINTING_CLASS);
    };
  }, [job]);
  return {
    print: () => setJob({}),
    printing: job !== null,
    card: job && customer ? createPortal(<PrintCard customer={customer} />, document.body) : null,
  };
}

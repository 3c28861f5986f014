import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/domain/customer';
import { hashFor } from '../../app/routes';
import { errorText } from '../../i18n/error-text';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { toIpcError } from '../../lib/ipc';
import { ComplaintDialog } from './complaint-dialog';
import { ComplaintFacts } from './complaint-facts';
import { NeedDialog } from './need-dialog';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  needCategoryLabel,
  needStatusLabel,
  priorityLabel,
  severityLabel,
} from './relationship-labels';
import { useComplaintList, useNeedList } from './use-relationship-data';

/** How many of one customer's needs or complaints the panel lists (newest needs; soonest-due complaints). */
const SECTION_LIMIT = 100;

interface Props {
  customer: CustomerDetail;
  /** Another form in the panel is open: nothing can be recorded meanwhile. */
  locked: boolean;
}

/** The customer's needs and complaints in the detail panel, compact, with "Record a need" and "Record a complaint". */
export function RelationshipSection({ customer, locked }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const needsHeading = useId();
  const complaintsHeading = useId();
  const [dialog, setDialog] = useState<'need' | 'complaint' | null>(null);
  const needs = useNeedList({ customerId: customer.id, limit: SECTION_LIMIT });
  const complaints = useComplaintList({ customerId: customer.id, limit: SECTION_LIMIT });
  const archived = Boolean(customer.archivedAt);
  // Not disabled while its dialog is open (the dialog makes the page inert): a focused button that
  // becomes disabled loses focus to the page, and closing the dialog could not give it back.
  const disabled = locked || archived;

  const state = (q: { data?: unknown; isError: boolean; error: unknown }) =>
    q.data === undefined ? <p className="muted">{q.isError ? errorText(t, toIpcError(q.error)) : t('common.loading')}</p> : null;

  return (
    <>
      <section className="detail-section relationship-section" aria-labelledby={needsHeading}>
        <div className="section-header">
          <h3 id={needsHeading}>{t('relationship.section.needs')}</h3>
          <Button size="small" onClick={() => setDialog('need')} disabled={disabled}>
            {t('relationship.section.recordNeed')}
          </Button>
        </div>
        {archived ? <p className="muted">{t('relationship.section.archived')}</p> : null}
        {state(needs)}
        {needs.data && needs.data.length === 0 && !archived ? <p className="muted">{t('relationship.section.noNeeds')}</p> : null}
        {needs.data && needs.data.length > 0 ? (
          <ul className="relationship-list" aria-labelledby={needsHeading}>
            {needs.data.map((n) => (
              <li key={n.id} className="relationship-item" data-need-id={n.id}>
                <div className="relationship-item-head">
                  <span className={`badge rel-need-status-${n.status}`}>{needStatusLabel(t, n.status)}</span>
                  <span className="relationship-item-title">{needCategoryLabel(t, n.category)}</span>
                  <span className={`badge priority-${n.priority}`}>
                    {t('relationship.needs.priorityBadge', { priority: priorityLabel(t, n.priority) })}
                  </span>
                  <time className="muted relationship-item-date" dateTime={n.createdAt}>
                    {formatDate(n.createdAt, lang)}
                  </time>
                </div>
                {n.description ? <p className="relationship-item-text">{n.description}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {needs.data && needs.data.length > 0 ? (
          <a className="relationship-more" href={hashFor('needs')}>
            {t('relationship.section.toNeeds')}
          </a>
        ) : null}
      </section>
      <section className="detail-section relationship-section" aria-labelledby={complaintsHeading}>
        <div className="section-header">
          <h3 id={complaintsHeading}>{t('relationship.section.complaints')}</h3>
          <Button size="small" onClick={() => setDialog('complaint')} disabled={disabled}>
            {t('relationship.section.recordComplaint')}
          </Button>
        </div>
        {state(complaints)}
        {complaints.data && complaints.data.length === 0 && !archived ? (
          <p className="muted">{t('relationship.section.noComplaints')}</p>
        ) : null}
        {complaints.data && complaints.data.length > 0 ? (
          <ul className="relationship-list" aria-labelledby={complaintsHeading}>
            {complaints.data.map((k) => (
              <li key={k.id} className={k.overdue ? 'relationship-item is-overdue' : 'relationship-item'} data-complaint-id={k.id}>
                <div className="relationship-item-head">
                  <span className={`badge rel-complaint-status-${k.status}`}>{complaintStatusLabel(t, k.status)}</span>
                  <span className="relationship-item-title">{complaintCategoryLabel(t, k.category)}</span>
                  <span className={`badge rel-severity-${k.severity}`}>{severityLabel(t, k.severity)}</span>
                </div>
                <p className="relationship-item-text">{k.description}</p>
                <ComplaintFacts details={k} />
                <p className="relationship-item-meta">
                  {k.status === 'resolved' || k.status === 'closed' ? (
                    <span className="muted">
                      {k.resolvedAt ? t('relationship.complaints.resolvedAt', { when: formatDateTime(k.resolvedAt, lang) }) : null}
                    </span>
                  ) : (
                    <span className={k.overdue ? 'relationship-due is-overdue' : 'relationship-due'}>
                      {t('relationship.section.respondBy', { when: formatDateTime(k.dueBy, lang) })}
                      {k.overdue ? ` · ${t('relationship.complaints.overdue')}` : ''}
                    </span>
                  )}
                  <span className="muted"> · {k.owner || t('relationship.section.noOwner')}</span>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {complaints.data && complaints.data.length > 0 ? (
          <a className="relationship-more" href={hashFor('complaints')}>
            {t('relationship.section.toComplaints')}
          </a>
        ) : null}
      </section>
      {dialog === 'need' ? <NeedDialog customer={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'complaint' ? <ComplaintDialog customer={customer} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hashFor } from '../../app/routes';
import { formatDateTime } from '../../i18n/format-date';
import { localDaysOverdue } from '../../lib/local-time';
import { useOverdueComplaints } from './use-followups';

/**
 * Above Today's list: complaints past their response target (of the chosen owner), with company,
 * severity and due-by, and a link to the Complaints page. Nothing at all when there are none.
 */
export function OverdueComplaints({ owner }: { owner: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const query = useOverdueComplaints(owner);
  const data = query.data;
  if (!data || data.total === 0) return null;
  const hidden = data.total - data.items.length;

  return (
    <section className="overdue-complaints" aria-labelledby={titleId}>
      <div className="overdue-complaints-header">
        <h2 id={titleId} className="overdue-complaints-title">
          {data.more
            ? t('followups.overdueComplaints.titleMore', { count: data.total })
            : t('followups.overdueComplaints.title', { count: data.total })}
        </h2>
        <a href={hashFor('complaints')} className="overdue-complaints-link">
          {t('followups.overdueComplaints.link')}
        </a>
      </div>
      <ul className="overdue-complaints-list" aria-label={t('followups.overdueComplaints.listLabel')}>
        {data.items.map((k) => {
          const late = localDaysOverdue(k.dueBy);
          return (
            <li key={k.id} className="overdue-complaint" data-complaint-id={k.id}>
              <span className="overdue-complaint-company">{k.company}</span>
              <span className={`badge complaint-severity severity-${k.severity}`}>{t(`followups.severity.${k.severity}`)}</span>
              <span className="overdue-complaint-due">
                {t('followups.overdueComplaints.dueBy', { when: formatDateTime(k.dueBy, lang) })}
                {late > 0 ? ` · ${t('followups.daysOverdue', { count: late })}` : null}
              </span>
              {k.owner ? <span className="muted overdue-complaint-owner">{k.owner}</span> : null}
            </li>
          );
        })}
      </ul>
      {hidden > 0 ? <p className="muted overdue-complaints-more">{t('followups.overdueComplaints.more', { count: hidden })}</p> : null}
    </section>
  );
}

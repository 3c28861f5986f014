import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';

/**
 * What a salesperson needs right under the contacts: the next planned follow-up (overdue marked)
 * and the latest inquiry, with whether it still awaits a reply.
 */
export function NextStepSection({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const query = useQuery({
    queryKey: ['customers', 'next-step', customerId] as const,
    queryFn: () => call('followups.nextStep', { customerId }),
  });
  const data = query.data;
  const next = data?.nextFollowUp ?? null;
  const inquiry = data?.lastInquiry ?? null;
  const overdue = next !== null && new Date(next.dueAt).getTime() < Date.now();
  return (
    <section className="detail-section next-step" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('detail.nextStep')}</h3>
      {!data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <dl className="next-step-list">
          <div className="next-step-item">
            <dt>{t('detail.nextFollowUp')}</dt>
            <dd>
              {next ? (
                <>
                  <span className={overdue ? 'next-step-due is-overdue' : 'next-step-due'}>
                    <time dateTime={next.dueAt}>{formatDateTime(next.dueAt, lang)}</time>
                    {overdue ? <span className="badge badge-warn">{t('detail.overdue')}</span> : null}
                  </span>{' '}
                  <span>{t(`followups.types.${next.type}`)}</span>
                  {next.note ? <span className="muted"> · {next.note}</span> : null}
                </>
              ) : (
                <span className="muted">{t('detail.noFollowUp')}</span>
              )}
            </dd>
          </div>
          <div className="next-step-item">
            <dt>{t('detail.lastInquiry')}</dt>
            <dd>
              {inquiry ? (
                <>
                  <time dateTime={inquiry.receivedAt}>{formatDate(inquiry.receivedAt, lang)}</time>{' '}
                  <span>{inquiry.subject || inquiry.product}</span>{' '}
                  <span className={inquiry.awaitingReply ? 'badge badge-warn' : 'badge'}>
                    {inquiry.awaitingReply ? t('detail.awaitingReply') : inquiry.status || t('detail.replied')}
                  </span>
                </>
              ) : (
                <span className="muted">{t('detail.noInquiry')}</span>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

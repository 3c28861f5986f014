import { Button, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TeamStatus } from '../../../../shared/domain/team';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { CollisionAnswer } from '../../../../shared/team/collisions';
import { useNotices } from '../../app/notice-context';
import { customersHash } from '../../app/route-filter';
import { TableSection } from '../../components/table-section';
import { formatDateTime } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { teamKeys } from './use-team';

type Request = ChannelOutput<'team.collisionReports'>['requests'][number];

/** The customer asked about: a link when this book has it, else its company, else "a colleague's private customer". */
function CustomerCell({ r, t }: { r: Request; t: TFunction }) {
  if (r.company && r.customerId)
    return <a href={customersHash({ search: r.company }, { id: r.customerId, company: r.company })}>{r.company}</a>;
  return <>{r.company ?? t('team.reports.private')}</>;
}

/** What is asked: a share, or a lead with its details. */
function whatOf(r: Request, t: TFunction): string {
  if (r.kind === 'share' || !r.lead) return t('team.requests.share');
  const l = r.lead;
  const details = [l.name, l.email, l.phone, l.whatsapp, l.fair, l.note].filter(Boolean).join(' · ');
  return t('team.requests.lead', { details: details || l.company });
}

function answerOf(r: Request, t: TFunction, lang: string): string {
  if (!r.answer || !r.answeredAt) return t('team.requests.waiting', { owner: r.owner ?? t('team.reports.gone') });
  return t(`team.requests.answer.${r.answer}`, { name: r.answeredBy ?? '', time: formatDateTime(r.answeredAt, lang) });
}

/**
 * Requests about collisions (撞单, #20) in Settings → Team: colleagues who found the user's customers
 * ask to share one (Share (read) / Share (edit) / Decline) or pass a lead for it (Add to the
 * customer / Decline); and the user's own requests with their answers. The lists are the ones
 * fetched at the last sync (offline too); answering needs the server.
 */
export function CollisionRequests({ status }: { status: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const [working, setWorking] = useState<string | null>(null);
  const list = useQuery({ queryKey: [...teamKeys.all, 'collisionReports'] as const, queryFn: () => call('team.collisionReports', {}) });
  const me = status.user;
  const sees = me?.role === 'manager' || me?.role === 'admin';
  const offline = status.state === 'offline' || status.state === 'error';
  const requests = list.data?.requests ?? [];
  const toMe = requests.filter((r) => me !== null && r.byId !== me.id && (r.ownerId === me.id || sees));
  const mine = requests.filter((r) => me !== null && r.byId === me.id);

  const answer = async (r: Request, value: CollisionAnswer) => {
    setWorking(r.id);
    try {
      await call('team.answerRequest', { id: r.id, answer: value, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      notices.announce(t(`team.requests.done.${value}`, { company: r.company ?? t('team.reports.private'), name: r.by ?? '' }));
    } catch (err) {
      const code = toIpcError(err).code;
      if (code === 'CONFLICT') notices.announce(t('team.requests.answeredAlready'));
      else if (code === 'NOT_FOUND') notices.announce(t('team.requests.needsCustomer'));
      else notices.showError(err);
    } finally {
      setWorking(null);
    }
  };

  const button = (r: Request, value: CollisionAnswer, label: string, blocked?: string) => {
    const reason = offline ? t('team.collisions.offline') : blocked;
    return (
      <Tooltip key={value} title={reason}>
        <Button
          size="small"
          type={value === 'shared_read' || value === 'added' ? 'primary' : 'default'}
          disabled={working !== null || reason !== undefined}
          aria-busy={working === r.id || undefined}
          aria-label={t('team.requests.actionFor', { action: label, company: r.company ?? t('team.reports.private') })}
          onClick={() => void answer(r, value)}
        >
          {label}
        </Button>
      </Tooltip>
    );
  };

  const actions = (r: Request) =>
    r.answer ? (
      <span className="muted">{answerOf(r, t, lang)}</span>
    ) : (
      <div className="collision-request-actions">
        {r.kind === 'share'
          ? [button(r, 'shared_read', t('team.requests.shareRead')), button(r, 'shared_write', t('team.requests.shareWrite'))]
          : button(r, 'added', t('team.requests.addToCustomer'), r.customerId === null ? t('team.requests.needsCustomer') : undefined)}
        {button(r, 'declined', t('team.requests.decline'))}
        {offline ? <span className="muted">{t('team.collisions.offline')}</span> : null}
      </div>
    );

  if (list.isPending) return null;
  return (
    <>
      <TableSection
        testId="collision-requests-to-me"
        title={t('team.requests.toMeTitle')}
        intro={t('team.requests.toMeIntro')}
        empty={t('team.requests.noneToMe')}
        rowCount={toMe.length}
        caption={t('team.requests.captionToMe')}
        columns={[
          t('team.requests.customer'),
          t('team.requests.from'),
          t('team.requests.what'),
          t('team.requests.when'),
          { hidden: t('settings.currency.actions') },
        ]}
        tableClassName="team-conflicts"
      >
        {toMe.map((r) => (
          <tr key={r.id} data-request-id={r.id}>
            <th scope="row">
              <CustomerCell r={r} t={t} />
              {sees && r.ownerId !== me?.id ? (
                <span className="muted team-when">{t('team.reports.owner', { owner: r.owner ?? t('team.reports.gone') })}</span>
              ) : null}
            </th>
            <td>{r.by ?? t('team.reports.gone')}</td>
            <td>{whatOf(r, t)}</td>
            <td>{formatDateTime(r.createdAt, lang)}</td>
            <td className="team-actions">{actions(r)}</td>
          </tr>
        ))}
      </TableSection>
      {mine.length > 0 || !sees ? (
        <TableSection
          testId="collision-requests-mine"
          title={t('team.requests.mineTitle')}
          intro={t('team.requests.mineIntro')}
          empty={t('team.requests.noneMine')}
          rowCount={mine.length}
          caption={t('team.requests.captionMine')}
          columns={[
            t('team.requests.customer'),
            t('team.requests.owner'),
            t('team.requests.what'),
            t('team.requests.when'),
            t('team.requests.state'),
          ]}
          tableClassName="team-conflicts"
        >
          {mine.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <th scope="row">
                <CustomerCell r={r} t={t} />
              </th>
              <td>{r.owner ?? t('team.reports.gone')}</td>
              <td>{whatOf(r, t)}</td>
              <td>{formatDateTime(r.createdAt, lang)}</td>
              <td>{answerOf(r, t, lang)}</td>
            </tr>
          ))}
        </TableSection>
      ) : null}
    </>
  );
}

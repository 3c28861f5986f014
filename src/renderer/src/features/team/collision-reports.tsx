import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { useNotices } from '../../app/notice-context';
import { customersHash } from '../../app/route-filter';
import { TableSection } from '../../components/table-section';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { teamKeys } from './use-team';

type Report = ChannelOutput<'team.collisionReports'>['reports'][number];
type Side = Report['customer'];

/** "Li Na's Gulf Lamps" (a link when this book has it), "Wang Wei's private customer" when the user may not see it. */
function SideCell({ side, id, t }: { side: Side; id: number | null; t: TFunction }) {
  const owner = side.owner ?? t('team.reports.gone');
  const company = side.company;
  return (
    <>
      <span className="team-value">
        {company && id ? (
          <a href={customersHash({ search: company }, { id, company })}>{company}</a>
        ) : (
          (company ?? t('team.reports.private'))
        )}
      </span>
      <span className="muted team-when">{t('team.reports.owner', { owner })}</span>
    </>
  );
}

/**
 * Collisions found at sync (撞单, #20): a customer that reached the team server — a lead captured
 * offline at a fair, an import — shares an e-mail, a company domain, the company in its country or
 * a phone with a customer another salesperson owns. Both salespeople and their managers see it here
 * until one of them marks it handled. The list is the one fetched at the last sync (offline too).
 */
export function CollisionReports() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const [working, setWorking] = useState<string | null>(null);
  const list = useQuery({ queryKey: [...teamKeys.all, 'collisionReports'] as const, queryFn: () => call('team.collisionReports', {}) });

  const handled = async (r: Report) => {
    setWorking(r.id);
    try {
      await call('team.collisionHandled', { id: r.id });
      notices.announce(t('team.reports.markedHandled', { company: r.customer.company ?? r.other.company ?? t('team.reports.private') }));
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(null);
    }
  };

  const rows = list.data?.reports ?? [];
  const by = (r: Report) => r.by.map((k) => t(`team.collisions.by.${k}`)).join(t('team.collisions.listSeparator'));
  return (
    <TableSection
      title={t('team.reports.title')}
      intro={`${t('team.reports.intro')}${list.data?.fetchedAt ? ` ${t('team.reports.fetched', { time: formatDateTime(list.data.fetchedAt, lang) })}` : ''}`}
      loading={list.isPending ? t('common.loading') : null}
      empty={t('team.reports.none')}
      rowCount={rows.length}
      caption={t('team.reports.caption')}
      columns={[
        t('team.reports.arrived'),
        t('team.reports.already'),
        t('team.reports.by'),
        t('team.reports.found'),
        { hidden: t('settings.currency.actions') },
      ]}
      tableClassName="team-conflicts"
    >
      {rows.map((r) => (
        <tr key={r.id} data-report-id={r.id}>
          <th scope="row">
            <SideCell side={r.customer} id={r.customerId} t={t} />
          </th>
          <td>
            <SideCell side={r.other} id={r.otherId} t={t} />
          </td>
          <td>{by(r)}</td>
          <td>{formatDateTime(r.foundAt, lang)}</td>
          <td className="team-actions">
            {r.handledAt ? (
              <span className="muted">
                {t('team.reports.handled', { name: r.handledBy ?? '', time: formatDateTime(r.handledAt, lang) })}
              </span>
            ) : (
              <Button
                size="small"
                disabled={working !== null}
                aria-busy={working === r.id || undefined}
                onClick={() => void handled(r)}
                title={t('team.reports.markFor', { company: r.customer.company ?? r.other.company ?? t('team.reports.private') })}
              >
                {t('team.reports.mark')}
              </Button>
            )}
          </td>
        </tr>
      ))}
    </TableSection>
  );
}

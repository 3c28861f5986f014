import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TeamConflict } from '../../../../shared/domain/team';
import { useNotices } from '../../app/notice-context';
import { customersHash } from '../../app/route-filter';
import { CheckboxField } from '../../components/checkbox-field';
import { TableSection } from '../../components/table-section';
import { fieldLabel } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format-date';
import { call } from '../../lib/ipc';
import { useTeamConflicts } from './use-team';

/** `by` holds a user id when the server gave no name: an id means nothing to the user, so it is not shown. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;

/** A field as the list names it: the app's label where it has one ("tag:VIP" is the tag). */
function conflictField(t: TFunction, field: string): string {
  if (field.startsWith('tag:')) return `${t('fields.tags')}: ${field.slice(4)}`;
  return fieldLabel(t, field);
}

function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('team.conflicts.empty');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The conflict list: each field two people changed before either synced, with both values, which
 * one the book holds now, and "Keep mine" / "Keep theirs" (nothing was lost: the other value is here).
 */
export function ConflictsList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notices = useNotices();
  const [showResolved, setShowResolved] = useState(false);
  const [working, setWorking] = useState<number | null>(null);
  const list = useTeamConflicts(showResolved, true);

  const resolve = async (c: TeamConflict, keep: 'mine' | 'theirs') => {
    setWorking(c.id);
    try {
      await call('team.resolveConflict', { id: c.id, keep });
      const field = conflictField(t, c.field);
      notices.announce(
        c.code
          ? t('team.conflicts.dismissed', { field })
          : keep === 'mine'
            ? t('team.conflicts.resolvedMine', { field })
            : t('team.conflicts.resolvedTheirs', { field }),
      );
    } catch (err) {
      notices.showError(err);
    } finally {
      setWorking(null);
    }
  };

  const rows = list.data ?? [];
  return (
    <TableSection
      title={t('team.conflicts.title')}
      extra={<CheckboxField label={t('team.conflicts.showResolved')} checked={showResolved} onCheckedChange={setShowResolved} />}
      intro={t('team.conflicts.intro')}
      loading={list.isPending ? t('common.loading') : null}
      empty={t('team.conflicts.none')}
      rowCount={rows.length}
      caption={t('team.conflicts.caption')}
      columns={[
        t('team.conflicts.customer'),
        t('team.conflicts.field'),
        t('team.conflicts.mine'),
        t('team.conflicts.theirs'),
        t('team.conflicts.kept'),
        { hidden: t('settings.currency.actions') },
      ]}
      tableClassName="team-conflicts"
    >
      {rows.map((c) => {
        const field = conflictField(t, c.field);
        const company = c.company ?? t('team.conflicts.gone');
        return (
          <tr key={c.id} data-conflict-id={c.id}>
            <th scope="row">
              {c.customerId && c.company ? (
                <a href={customersHash({ search: c.company }, { id: c.customerId, company: c.company })}>{company}</a>
              ) : (
                company
              )}
            </th>
            <td>{field}</td>
            <td>
              <span className="team-value">{valueText(t, c.mine)}</span>
              <span className="muted team-when">{t('team.conflicts.at', { time: formatDateTime(c.mineAt, lang) })}</span>
            </td>
            <td>
              {c.code ? (
                <span className="team-value">
                  {t('team.conflicts.refused', { reason: t(`team.conflicts.codes.${c.code}`) })}
                  {/* A refused claim: who holds the customer now (the server said). */}
                  {c.by && !UUID.test(c.by) ? ` ${t('team.conflicts.heldBy', { name: c.by })}` : ''}
                </span>
              ) : (
                <>
                  <span className="team-value">{valueText(t, c.theirs)}</span>
                  <span className="muted team-when">
                    {c.by && !UUID.test(c.by) ? `${t('team.conflicts.by', { name: c.by })} · ` : ''}
                    {t('team.conflicts.at', { time: formatDateTime(c.theirsAt, lang) })}
                  </span>
                </>
              )}
            </td>
            <td>{c.kept === 'mine' ? t('team.conflicts.keptMine') : t('team.conflicts.keptTheirs')}</td>
            <td className="team-actions">
              {c.resolvedAt ? (
                <span className="muted">{t('team.conflicts.resolved', { time: formatDateTime(c.resolvedAt, lang) })}</span>
              ) : c.code ? (
                <Button
                  size="small"
                  disabled={working !== null}
                  onClick={() => void resolve(c, 'theirs')}
                  title={t('team.conflicts.dismissFor', { field, company })}
                >
                  {t('team.conflicts.dismiss')}
                </Button>
              ) : (
                <>
                  <Button
                    size="small"
                    disabled={working !== null}
                    onClick={() => void resolve(c, 'mine')}
                    title={t('team.conflicts.keepMineFor', { field, company })}
                  >
                    {t('team.conflicts.keepMine')}
                  </Button>
                  <Button
                    size="small"
                    disabled={working !== null}
                    onClick={() => void resolve(c, 'theirs')}
                    title={t('team.conflicts.keepTheirsFor', { field, company })}
                  >
                    {t('team.conflicts.keepTheirs')}
                  </Button>
                </>
              )}
            </td>
          </tr>
        );
      })}
    </TableSection>
  );
}
